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
  private final boolean bom;
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
    this(in, maxChars, true);
  }

  /**
   * As {@link #LineReader(InputStream, int)}; {@code bom} says whether a byte order mark at the
   * start is one (false when {@code in} starts in the middle of a file).
   */
  LineReader(InputStream in, int maxChars, boolean bom) {
    this.in = new Utf8Reader(in);
    this.maxChars = maxChars;
    this.bom = bom;
  }

  /** The next line, or null at the end of the file. */
  Line next() throws IOException {
    text.setLength(0);
    long start = offset;
    in.forgetBefore(start);
    String problem = null;
    int column = 0;
    boolean any = false;
    // Whole runs of characters up to the next line feed at a time: this loop reads every byte of
    // the customers file on the one reading thread.
    while (pos < len || fill()) {
      any = true;
      if (offset == 0 && bom && buf[pos] == '\uFEFF') {
        pos++; // a byte order mark, as editors on Windows write
        offset++;
        continue;
      }
      int end = pos;
      while (end < len && buf[end] != '\n') {
        end++;
      }
      int n = end - pos;
      int room = maxChars - text.length();
      if (n <= room) {
        text.append(buf, pos, n);
      } else {
        text.append(buf, pos, room);
        if (problem == null) {
          problem = "a line longer than " + maxChars + " characters";
          column = maxChars + 1;
        }
      }
      offset += n;
      pos = end;
      if (end < len) {
        pos++; // the line feed
        offset++;
        break;
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

  /** Reads more characters into the empty buffer; false at the end of the file. */
  private boolean fill() throws IOException {
    len = in.read(buf, 0, buf.length);
    pos = 0;
    if (len <= 0) {
      len = 0;
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
