package dev.segmentation.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict, streaming UTF-8 decoding of a rules file. A byte that does not begin a valid UTF-8
 * sequence (Latin-1 text, overlong forms, CESU-8 surrogates, code points beyond U+10FFFF) is not
 * replaced: the characters before it are returned, then {@link Malformed} says which byte, at which
 * offset, so that the caller can name its line and column. A UTF-8 byte order mark is skipped; a
 * UTF-16 one is {@link Utf16}.
 */
final class Utf8Reader extends Reader {
  /** A byte that does not begin a valid UTF-8 sequence. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;
    final int value;

    Malformed(int value) {
      super(
          String.format(
              "the file is not valid UTF-8: byte 0x%02X does not begin a valid UTF-8 sequence",
              value));
      this.value = value;
    }
  }

  /** The input starts with a UTF-16 byte order mark. */
  static final class Utf16 extends IOException {
    private static final long serialVersionUID = 1L;

    Utf16() {
      super("the file is UTF-16 (it starts with a byte order mark): save it as UTF-8");
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private boolean started;
  private boolean eof;
  private boolean flushed;
  private Malformed pending;

  Utf8Reader(InputStream in) {
    this.in = in;
    bytes.flip(); // empty, in read mode
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (pending != null) {
      throw pending;
    }
    if (length == 0) {
      return 0;
    }
    if (!started) {
      start();
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        Malformed m = new Malformed(bytes.get(bytes.position()) & 0xFF);
        if (out.position() > offset) {
          pending = m; // first the characters before it
          return out.position() - offset;
        }
        throw m;
      }
      if (out.position() > offset) {
        return out.position() - offset;
      }
      if (eof) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
          if (out.position() > offset) {
            return out.position() - offset;
          }
        }
        return -1;
      }
      fill();
    }
  }

  /** Reads until there are three bytes or the end, then deals with a byte order mark. */
  private void start() throws IOException {
    started = true;
    while (!eof && bytes.remaining() < 3) {
      fill();
    }
    int at = bytes.position();
    int n = bytes.remaining();
    int b0 = n > 0 ? bytes.get(at) & 0xFF : -1;
    int b1 = n > 1 ? bytes.get(at + 1) & 0xFF : -1;
    int b2 = n > 2 ? bytes.get(at + 2) & 0xFF : -1;
    if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
      throw new Utf16();
    }
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      bytes.position(at + 3);
    }
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
