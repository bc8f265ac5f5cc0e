package dev.segmentation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Decodes UTF-8 strictly without stopping at the first bad byte: each malformed byte sequence
 * becomes one U+FFFD and is remembered with the offset of that character in the decoded text, so
 * that a reader of records can reject exactly the record that holds it (a plain {@code
 * InputStreamReader} either replaces bad bytes silently or throws an exception that names no
 * place).
 *
 * <p>Offsets count the characters handed out by {@link #read(char[], int, int)} from 0. Readers
 * call {@link #forgetBefore(long)} as they finish records, so memory stays bounded by one record.
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final char[] pair = new char[2];
  private final ArrayDeque<Bad> bad = new ArrayDeque<>();
  private boolean eof;
  private long produced;
  private int pendingLow = -1;

  /** A malformed byte sequence, decoded as U+FFFD at {@code offset}. */
  record Bad(long offset, String bytes) {
    /** What a person reads: {@code invalid UTF-8: byte 0xFF is not a character ...}. */
    String reason() {
      return "invalid UTF-8: "
          + bytes
          + " is not a character (is the file in another encoding, such as Latin-1 or"
          + " Windows-1252? save it as UTF-8)";
    }
  }

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pendingLow >= 0) {
      cbuf[off] = (char) pendingLow;
      pendingLow = -1;
      produced++;
      return 1;
    }
    if (len == 1) {
      // A surrogate pair needs two chars: decode into a pair and hand out the low half later.
      int n = read(pair, 0, 2);
      if (n == 2) {
        pendingLow = pair[1];
        produced--;
      }
      if (n > 0) {
        cbuf[off] = pair[0];
        return 1;
      }
      return n;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        if (!out.hasRemaining()) {
          break; // the decoder filled the buffer first; the next read reports the bad bytes
        }
        bad.add(new Bad(produced + (out.position() - off), describe(r.length())));
        bytes.position(bytes.position() + r.length());
        out.put('\uFFFD');
      } else if (r.isOverflow()) {
        break;
      } else if (eof) {
        break;
      } else {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    }
    int n = out.position() - off;
    if (n == 0) {
      return -1;
    }
    produced += n;
    return n;
  }

  private String describe(int length) {
    StringBuilder sb = new StringBuilder(length == 1 ? "byte" : "bytes");
    for (int i = 0; i < length; i++) {
      sb.append(String.format(Locale.ROOT, " 0x%02X", bytes.get(bytes.position() + i) & 0xFF));
    }
    return sb.toString();
  }

  /** The first malformed sequence at or after {@code offset}, or null if none was decoded yet. */
  Bad firstAtOrAfter(long offset) {
    for (Bad b : bad) {
      if (b.offset() >= offset) {
        return b;
      }
    }
    return null;
  }

  /** Forgets malformed sequences before {@code offset}: no reader will look there again. */
  void forgetBefore(long offset) {
    while (!bad.isEmpty() && bad.peekFirst().offset() < offset) {
      bad.pollFirst();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
