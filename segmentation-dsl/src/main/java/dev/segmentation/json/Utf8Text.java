package dev.segmentation.json;

import com.google.common.collect.ImmutableList;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of a rules file: a byte that does not begin a valid UTF-8 sequence (Latin-1
 * text, overlong forms, CESU-8 surrogates, code points beyond U+10FFFF) is refused with its line
 * and column instead of being replaced, so that a literal is never silently changed.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** The text of {@code bytes}, without a leading UTF-8 byte order mark. */
  static String decode(byte[] bytes, String source) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw refused(
          source, 1, 1, "the file is UTF-16 (it starts with a byte order mark): save it as UTF-8");
    }
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = start;
      for (int i = start; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = 1;
      for (int i = lineStart; i < at; i++) {
        if ((bytes[i] & 0xC0) != 0x80) {
          column++; // count characters, not continuation bytes
        }
      }
      throw refused(
          source,
          line,
          column,
          String.format(
              "the file is not valid UTF-8: byte 0x%02X does not begin a valid UTF-8 sequence",
              bytes[at] & 0xFF));
    }
    out.flip();
    return out.toString();
  }

  private static RulesException refused(String source, int line, int column, String message) {
    return new RulesException(
        source, ImmutableList.of(new Problem("", line, column, message, false)));
  }
}
