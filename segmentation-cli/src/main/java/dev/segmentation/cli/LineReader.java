package dev.segmentation.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the lines of a JSON Lines file (ended by LF or CRLF) from strict UTF-8, each with the first
 * problem of its own: bytes that are not UTF-8, or more than {@link #MAX_LINE_CHARS} characters
 * (the rest of such a line is skipped without holding it). A byte order mark before the first line
 * is ignored, as in CSV.
 */
final class LineReader implements Closeable {
  /** Longest line accepted, in characters: a customer with thousands of inline events fits. */
  static final int MAX_LINE_CHARS = 16 << 20;

  private final Utf8Reader in;
  private final int maxChars;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long offset;
  private int number;
  private final StringBuilder text = new StringBuilder();

  /**
   * A line: its number (from 1), its text and, when it is bad, why and at which character column
   * (from 1).
   */
  record Line(int number, String text, String problem, int column) {}

  LineReader(InputStream in) {
    this(in, MAX_LINE_CHARS);
  }

  LineReader(InputStream in, int maxChars) {
    this.in = new Utf8Reader(in);
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of the file. */
  Line next() throws IOException {
    text.setLength(0);
    long start = offset;
    in.forgetBefore(start);
    String problem = null;
    int column = 0;
    int c;
    boolean any = false;
    while ((c = read()) != -1) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\uFEFF' && offset == 1) {
        continue; // a byte order mark, as editors on Windows write
      }
      if (text.length() < maxChars) {
        text.append((char) c);
      } else if (problem == null) {
        problem = "a line longer than " + maxChars + " characters";
        column = maxChars + 1;
      }
    }
    if (!any) {
      return null;
    }
    number++;
    if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
      text.setLength(text.length() - 1);
    }
    Utf8Reader.Bad bad = in.firstAtOrAfter(start);
    if (bad != null && bad.offset() < offset && problem == null) {
      problem = bad.reason();
      column = (int) Math.min(Integer.MAX_VALUE, bad.offset() - start + 1);
    }
    String t = text.toString();
    if (column > maxChars) {
      t = t.substring(0, Math.min(t.length(), Math.min(CsvReader.KEPT_CHARS, maxChars))) + "...";
    }
    return new Line(number, t, problem, column);
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
    offset++;
    return buf[pos++];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
