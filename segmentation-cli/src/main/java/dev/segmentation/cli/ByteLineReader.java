package dev.segmentation.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Reads the lines of a JSON Lines file as bytes, in blocks: the same lines, numbers, problems and
 * texts as {@link LineReader}, without a {@code String} per line. A line of valid UTF-8 of at most
 * {@code maxChars} bytes (so at most that many characters) is handed out as a slice of a block;
 * anything else (bytes that are not UTF-8, a line longer than that) is read again by a {@link
 * LineReader} over that line's bytes alone, which names the problem exactly as before.
 *
 * <p>Blocks are never written again once a line of them was handed out, so lines may be parsed on
 * other threads while reading goes on. A block is read into again only after {@link #release} said
 * that no line before a later one is in use any more; without that, each block is a fresh array
 * that the garbage collector takes back once its lines are parsed.
 */
final class ByteLineReader implements Closeable {
  /** Bytes per block: small enough not to be a "humongous" object for G1 in a 512 MB heap. */
  static final int BLOCK = 256 << 10;

  /** Eight bytes of an array as a little-endian long: the first byte is the lowest. */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;

  /** 0x01 in every byte. */
  static final long ONES = 0x0101010101010101L;

  /**
   * 0x80 in every byte. For a word {@code x}, {@code (x - ONES) & ~x & HIGH_BITS} is 0 when no byte
   * of {@code x} is zero; else its lowest set bit is the high bit of the first zero byte (higher
   * bits may be set wrongly by the borrow, so only the lowest is used).
   */
  static final long HIGH_BITS = 0x8080808080808080L;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final int maxChars;
  private byte[] buf;
  private int pos;
  private int lim;
  private boolean eof;
  private boolean started;
  private boolean bom;
  private int number;

  // The line found by the last advance().
  private int lineStart;
  private int lineLength;
  private boolean lineAscii;
  private LineReader.Line careful;

  // Blocks left behind by fill() whose lines may still be in use, oldest first, and blocks whose
  // lines are all released, to read into again.
  private final ArrayDeque<byte[]> behind = new ArrayDeque<>();
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();

  ByteLineReader(InputStream in, int maxChars) {
    this(in, maxChars, BLOCK);
  }

  /** With blocks of {@code block} bytes (tests make them tiny). */
  ByteLineReader(InputStream in, int maxChars, int block) {
    this.in = in;
    this.maxChars = maxChars;
    this.buf = new byte[block];
  }

  /** Moves to the next line; false at the end of the file. */
  boolean advance() throws IOException {
    careful = null;
    if (!started) {
      started = true;
      while (lim < BOM.length && fill()) {}
      if (lim >= BOM.length && buf[0] == BOM[0] && buf[1] == BOM[1] && buf[2] == BOM[2]) {
        bom = true; // a byte order mark, as editors on Windows write
        pos = BOM.length;
      }
    }
    int scan = pos;
    long high = 0; // the high bits of the line's bytes so far: 0 while it is ASCII
    while (true) {
      byte[] b = buf;
      int end = scan;
      int limit = lim;
      // Every byte of the customers file passes here, on the one reading thread: eight at a time.
      while (end + 8 <= limit) {
        long w = (long) LONGS.get(b, end);
        long x = w ^ LINE_FEEDS;
        long feed = (x - ONES) & ~x & HIGH_BITS; // the lowest set high bit marks the first '\n'
        if (feed != 0) {
          int k = Long.numberOfTrailingZeros(feed) >>> 3;
          high |= w & ((1L << (k << 3)) - 1) & HIGH_BITS;
          end += k;
          break;
        }
        high |= w & HIGH_BITS;
        end += 8;
      }
      while (end < limit && b[end] != '\n') {
        high |= b[end] & 0x80;
        end++;
      }
      boolean nonAscii = high != 0;
      // (a file of just a byte order mark has one empty line, as the line reader says)
      if (end < lim || (eof && (end > pos || (number == 0 && bom)))) {
        return found(end, !nonAscii);
      }
      if (eof) {
        return false;
      }
      if (end - pos > maxChars) {
        number++;
        carefully(null);
        return true;
      }
      scan = end - pos;
      fill();
      scan += pos;
    }
  }

  /** The line [pos, end), ended by a line feed at {@code end} or by the end of the file. */
  private boolean found(int end, boolean ascii) throws IOException {
    number++;
    int length = end - pos;
    int next = Math.min(end + 1, lim);
    if (length > maxChars) {
      carefully(null);
      return true;
    }
    if (!ascii && !Utf8.valid(buf, pos, end)) {
      carefully(Arrays.copyOfRange(buf, pos, next));
      pos = next;
      return true;
    }
    lineStart = pos;
    lineLength = length > 0 && buf[end - 1] == '\r' ? length - 1 : length;
    lineAscii = ascii;
    pos = next;
    return true;
  }

  /**
   * Reads the current line with a {@link LineReader}: {@code line} holds its bytes with the line
   * feed, or is null when the line is still to be read from the buffer on (it may be long).
   */
  private void carefully(byte[] line) throws IOException {
    ByteArrayOutputStream prefix = new ByteArrayOutputStream();
    if (number == 1 && bom) {
      prefix.write(BOM); // as the line was read before: the mark counts in its columns
    }
    InputStream rest = line != null ? new ByteArrayInputStream(line) : new RestOfLine();
    InputStream both =
        new SequenceInputStream(new ByteArrayInputStream(prefix.toByteArray()), rest);
    LineReader.Line l = new LineReader(both, maxChars, number == 1 && bom).next();
    if (line == null) {
      // drain what the line reader left of the line (it reads the long rest in pieces)
      byte[] skip = new byte[8192];
      while (rest.read(skip, 0, skip.length) > 0) {}
    }
    careful = new LineReader.Line(number, l.text(), l.problem(), l.column());
  }

  /** The bytes from {@code pos} up to and including the next line feed (or the end of file). */
  private final class RestOfLine extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done || len == 0) {
        return done ? -1 : 0;
      }
      if (pos == lim && !fill()) {
        done = true;
        return -1;
      }
      int n = Math.min(len, lim - pos);
      for (int i = 0; i < n; i++) {
        if (buf[pos + i] == '\n') {
          n = i + 1;
          done = true;
          break;
        }
      }
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /**
   * Reads more bytes after {@code lim}, first moving the unread bytes from {@code pos} into a fresh
   * block (twice as large when they fill most of it); false at the end of the file.
   */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (lim == buf.length) {
      int keep = lim - pos;
      byte[] fresh = block(keep > buf.length / 2 ? buf.length * 2 : buf.length);
      System.arraycopy(buf, pos, fresh, 0, keep);
      behind.add(buf);
      buf = fresh;
      pos = 0;
      lim = keep;
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
      return false;
    }
    lim += n;
    return true;
  }

  /** A released block of {@code size} bytes, or a fresh one. */
  private byte[] block(int size) {
    byte[] b = free.poll();
    return b != null && b.length == size ? b : new byte[size];
  }

  /**
   * Says that no line handed out before a line of {@code block} (the block of a line handed out) is
   * used any more, nor will be: the blocks before it may be read into again. Lines of {@code block}
   * itself, and later ones, stay as they are.
   */
  void release(byte[] block) {
    if (block == buf) {
      free.addAll(behind);
      behind.clear();
      return;
    }
    if (!behind.contains(block)) {
      return; // released before
    }
    while (behind.peek() != block) {
      free.add(behind.poll());
    }
  }

  /** The current line's number, from 1. */
  int number() {
    return number;
  }

  /** The current line as read by a {@link LineReader}, or null when it is valid bytes. */
  LineReader.Line careful() {
    return careful;
  }

  /** The block that holds the current line (when {@link #careful()} is null). */
  byte[] block() {
    return buf;
  }

  int start() {
    return lineStart;
  }

  /** The line's length in bytes, without its line end. */
  int length() {
    return lineLength;
  }

  boolean ascii() {
    return lineAscii;
  }

  /** Whether the current line is blank, as {@link String#isBlank()} says of its text. */
  boolean blank() {
    if (careful != null) {
      return careful.text().isBlank();
    }
    boolean nonAscii = false;
    for (int i = lineStart; i < lineStart + lineLength; i++) {
      byte c = buf[i];
      if (c < 0) {
        nonAscii = true;
      } else if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return !nonAscii || new String(buf, lineStart, lineLength, StandardCharsets.UTF_8).isBlank();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
