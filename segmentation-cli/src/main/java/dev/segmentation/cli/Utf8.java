package dev.segmentation.cli;

/**
 * The strict UTF-8 check of the JDK's decoder, on bytes and without decoding: well-formed sequences
 * only (no overlong forms, no surrogates, nothing above U+10FFFF), as RFC 3629's table says. {@code
 * Utf8Properties} checks it against {@code CharsetDecoder} on random bytes.
 */
final class Utf8 {
  private Utf8() {}

  /** Whether {@code b[from..to)} is well-formed UTF-8. */
  static boolean valid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      // ASCII eight bytes at a time: most of a line with a few accented letters is ASCII.
      while (i + 8 <= to
          && ((long) ByteLineReader.LONGS.get(b, i) & ByteLineReader.HIGH_BITS) == 0) {
        i += 8;
      }
      if (i >= to) {
        break;
      }
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n; // continuation bytes
      int lo = 0x80; // the second byte's range, narrowed for overlong forms and surrogates
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        if (c == 0xE0) {
          lo = 0xA0;
        } else if (c == 0xED) {
          hi = 0x9F;
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        if (c == 0xF0) {
          lo = 0x90;
        } else if (c == 0xF4) {
          hi = 0x8F;
        }
      } else {
        return false;
      }
      if (to - i <= n) { // cut short
        return false;
      }
      int second = b[i + 1] & 0xFF;
      if (second < lo || second > hi) {
        return false;
      }
      for (int k = 2; k <= n; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }

  /** The number of UTF-16 characters that the well-formed UTF-8 {@code b[from..to)} decodes to. */
  static int chars(byte[] b, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      int c = b[i] & 0xFF;
      if ((c & 0xC0) != 0x80) {
        n += c >= 0xF0 ? 2 : 1; // a surrogate pair above U+FFFF
      }
    }
    return n;
  }
}
