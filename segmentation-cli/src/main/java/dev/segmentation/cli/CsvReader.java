package dev.segmentation.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records per RFC 4180, streaming: fields separated by commas, records by CRLF or LF,
 * fields optionally in double quotes, where a quoted field may hold commas, line breaks and doubled
 * quotes. Tracks the line each record starts on and whether each field was quoted, so that an
 * unquoted empty field (no value) differs from a quoted empty one {@code ""} (an empty string), as
 * in PostgreSQL's COPY ... CSV.
 */
final class CsvReader {
  /** Longest record accepted, in characters. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private int line = 1;
  private int recordLine;
  private final StringBuilder field = new StringBuilder();
  private final StringBuilder raw = new StringBuilder();

  CsvReader(Reader in) {
    this.in = in;
  }

  /** One record: its fields, which were quoted, the line it starts on and its raw text. */
  record Record(List<String> fields, boolean[] quoted, int line, String text) {}

  /** A record that breaks RFC 4180 (e.g. a quote inside an unquoted field, an unclosed quote). */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;
    final String text;
    final boolean fatal;

    MalformedException(String message, int line, int column, String text) {
      this(message, line, column, text, false);
    }

    MalformedException(String message, int line, int column, String text, boolean fatal) {
      super(message);
      this.line = line;
      this.column = column;
      this.text = text;
      this.fatal = fatal;
    }
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos];
  }

  /**
   * The next record, or null at the end of input. Blank lines are skipped. After a malformed record
   * the reader continues with the next line.
   */
  Record next() throws IOException, MalformedException {
    List<String> fields = new ArrayList<>();
    List<Boolean> quoted = new ArrayList<>();
    raw.setLength(0);
    int c = read();
    while (c == '\n' || c == '\r') { // blank lines
      if (c == '\n') {
        line++;
      }
      c = read();
    }
    if (c == -1) {
      return null;
    }
    recordLine = line;
    while (true) {
      field.setLength(0);
      boolean isQuoted = false;
      if (c == '"') {
        isQuoted = true;
        raw.append('"');
        while (true) {
          c = read();
          if (c == -1) {
            throw new MalformedException(
                "a quoted field is not closed before the end of the file",
                recordLine,
                fields.size() + 1,
                raw.toString());
          }
          raw.append((char) c);
          if (raw.length() > MAX_RECORD_CHARS) {
            throw tooLong(fields.size() + 1);
          }
          if (c == '"') {
            if (peek() == '"') {
              raw.append((char) read());
              field.append('"');
              continue;
            }
            break;
          }
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        c = read();
        if (c != ',' && c != '\n' && c != '\r' && c != -1) {
          int column = fields.size() + 1;
          skipLine(c);
          throw new MalformedException(
              "unexpected character after a closing quote (a quote inside a field must be"
                  + " doubled)",
              recordLine,
              column,
              raw.toString());
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
          if (c == '"') {
            int column = fields.size() + 1;
            skipLine(c);
            throw new MalformedException(
                "a quote inside an unquoted field (quote the whole field and double the quote)",
                recordLine,
                column,
                raw.toString());
          }
          field.append((char) c);
          raw.append((char) c);
          if (raw.length() > MAX_RECORD_CHARS) {
            throw tooLong(fields.size() + 1);
          }
          c = read();
        }
      }
      fields.add(field.toString());
      quoted.add(isQuoted);
      if (c == ',') {
        raw.append(',');
        c = read();
        continue;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        line++;
      } else if (c == '\n') {
        line++;
      }
      boolean[] q = new boolean[quoted.size()];
      for (int i = 0; i < q.length; i++) {
        q[i] = quoted.get(i);
      }
      return new Record(fields, q, recordLine, raw.toString());
    }
  }

  /**
   * A record beyond the limit: most likely a quote that is never closed, which would otherwise
   * swallow the rest of the file. Fatal, since no later line can be told apart reliably.
   */
  private MalformedException tooLong(int column) {
    String start = raw.substring(0, 60) + "...";
    return new MalformedException(
        "a record longer than " + MAX_RECORD_CHARS + " characters (is a quote not closed?)",
        recordLine,
        column,
        start,
        true);
  }

  private void skipLine(int c) throws IOException {
    while (c != '\n' && c != -1) {
      if (c != '\r') {
        raw.append((char) c);
      }
      c = read();
    }
    if (c == '\n') {
      line++;
    }
  }
}
