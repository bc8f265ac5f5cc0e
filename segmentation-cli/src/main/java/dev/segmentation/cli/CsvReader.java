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
 *
 * <p>Every problem is confined to its record, so that a run that skips bad rows goes on: a record
 * with bytes that are not UTF-8 (from a {@link Utf8Reader}), a record longer than {@link
 * #MAX_RECORD_CHARS} (the rest of its line is skipped) and a quote that is never closed (the reader
 * rejects the line of the opening quote and reads again from the next line, so that the quote does
 * not swallow the rows after it).
 */
final class CsvReader {
  /** Longest record accepted, in characters. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  /** How much of a record longer than the limit the rejects file keeps. */
  static final int KEPT_CHARS = 1000;

  private final Reader in;
  private final int maxChars;
  private final int kept;
  private final Utf8Reader utf8;
  private char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private int line = 1;
  private int recordLine;

  /** Characters consumed so far; equals the {@link Utf8Reader}'s offsets. */
  private long offset;

  private long recordOffset;
  private long nextBad = Long.MAX_VALUE;
  private String badReason;
  private int badColumn;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private final StringBuilder raw = new StringBuilder();

  CsvReader(Reader in) {
    this(in, MAX_RECORD_CHARS);
  }

  /** A reader whose records have at most {@code maxChars} characters (fuzzing uses small ones). */
  CsvReader(Reader in, int maxChars) {
    this.in = in;
    this.utf8 = in instanceof Utf8Reader u ? u : null;
    this.maxChars = maxChars;
    this.kept = Math.min(KEPT_CHARS, maxChars);
  }

  /** One record: its fields, which were quoted, the line it starts on and its raw text. */
  record Record(List<String> fields, boolean[] quoted, int line, String text) {}

  /**
   * A record that breaks RFC 4180 (e.g. a quote inside an unquoted field, an unclosed quote) or
   * holds bytes that are not UTF-8. Never fatal: the reader goes on with the next line.
   */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;
    final String text;

    MalformedException(String message, int line, int column, String text) {
      super(message);
      this.line = line;
      this.column = column;
      this.text = text;
    }
  }

  /**
   * The first record, the header of {@code file}: a malformed or missing header is a fatal problem,
   * since no row could be read without it.
   */
  Record header(String file) throws IOException, DataException {
    Record r;
    try {
      r = next();
    } catch (MalformedException e) {
      throw new DataException(
          file, e.line, DataException.csvColumn(e.column, null), e.getMessage(), e.text, true);
    }
    if (r == null) {
      throw new DataException(file, 1, null, "the file is empty (expected a header row)", "", true);
    }
    return r;
  }

  private boolean fill() throws IOException {
    len = in.read(buf, 0, buf.length);
    pos = 0;
    if (len <= 0) {
      len = 0;
      return false;
    }
    nextBad = nextBadFrom(offset);
    return true;
  }

  private long nextBadFrom(long from) {
    Utf8Reader.Bad b = utf8 == null ? null : utf8.firstAtOrAfter(from);
    return b == null ? Long.MAX_VALUE : b.offset();
  }

  private int read() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    if (offset == nextBad) {
      if (badReason == null) {
        badReason = utf8.firstAtOrAfter(offset).reason();
        badColumn = fields.size() + 1;
      }
      nextBad = nextBadFrom(offset + 1);
    }
    offset++;
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  /**
   * The next record, or null at the end of input. Blank lines are skipped. After a malformed record
   * the reader continues with the next line.
   */
  Record next() throws IOException, MalformedException {
    fields.clear();
    List<Boolean> quoted = new ArrayList<>();
    raw.setLength(0);
    badReason = null;
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
    recordOffset = offset - 1;
    if (utf8 != null) {
      utf8.forgetBefore(recordOffset);
    }
    while (true) {
      field.setLength(0);
      boolean isQuoted = false;
      if (c == '"') {
        isQuoted = true;
        raw.append('"');
        while (true) {
          c = read();
          if (c == -1) {
            throw unclosed("a quoted field is not closed before the end of the file");
          }
          raw.append((char) c);
          if (raw.length() > maxChars) {
            throw unclosed(
                "a record longer than " + maxChars + " characters (is a quote not closed?)");
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
          if (raw.length() > maxChars) {
            throw tooLong();
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
      if (badReason != null) {
        throw new MalformedException(badReason, recordLine, badColumn, raw.toString());
      }
      boolean[] q = new boolean[quoted.size()];
      for (int i = 0; i < q.length; i++) {
        q[i] = quoted.get(i);
      }
      return new Record(List.copyOf(fields), q, recordLine, raw.toString());
    }
  }

  /**
   * A quoted field that runs to the end of the file or past the limit: most likely a quote that is
   * never closed. When the record spans lines, only its first line is rejected and reading starts
   * again on the next line, so that the rows the quote swallowed are read (or rejected) one by one;
   * a single line is skipped to its end.
   */
  private MalformedException unclosed(String message) throws IOException {
    int column = fields.size() + 1;
    int newline = raw.indexOf("\n");
    if (newline < 0) {
      if (raw.length() > maxChars) {
        return tooLong();
      }
      return new MalformedException(message, recordLine, column, raw.toString());
    }
    String first = raw.substring(0, newline);
    if (first.endsWith("\r")) {
      first = first.substring(0, first.length() - 1);
    }
    // Reads the rest of the record again, followed by what is still buffered.
    String again = raw.substring(newline + 1);
    char[] rest = new char[Math.max(buf.length, again.length() + (len - pos))];
    again.getChars(0, again.length(), rest, 0);
    System.arraycopy(buf, pos, rest, again.length(), len - pos);
    len = again.length() + (len - pos);
    pos = 0;
    buf = rest;
    offset = recordOffset + newline + 1;
    nextBad = nextBadFrom(offset);
    line = recordLine + 1;
    return new MalformedException(
        message.startsWith("a record longer")
            ? "a quoted field is not closed within " + maxChars + " characters"
            : message,
        recordLine,
        column,
        first);
  }

  /**
   * A line beyond the limit: rejected with its start, and skipped to its end without holding it, so
   * that a huge line costs neither memory nor the rest of the file.
   */
  private MalformedException tooLong() throws IOException {
    int column = fields.size() + 1;
    String start = raw.substring(0, kept) + "...";
    raw.setLength(0);
    int c = read();
    while (c != '\n' && c != -1) {
      c = read();
    }
    if (c == '\n') {
      line++;
    }
    return new MalformedException(
        "a line longer than " + maxChars + " characters (its first " + kept + " are in the record)",
        recordLine,
        column,
        start);
  }

  private void skipLine(int c) throws IOException {
    while (c != '\n' && c != -1) {
      if (c != '\r' && raw.length() < maxChars) {
        raw.append((char) c); // the rejects file keeps the line, up to the limit
      }
      c = read();
    }
    if (c == '\n') {
      line++;
    }
  }
}
