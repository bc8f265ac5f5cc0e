package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of the strict UTF-8 reader and of escaping echoed text. */
class Utf8ReaderProperties {

  private static String readAll(byte[] bytes, int chunk, Utf8Reader[] reader) throws IOException {
    Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(bytes));
    reader[0] = r;
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[chunk];
    int n;
    while ((n = r.read(buf, 0, chunk)) != -1) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  /** Whether the JDK's strict decoder accepts {@code bytes}. */
  static boolean valid(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Whatever the bytes and the size of the reads, the text is what Java's decoder makes of them
   * (one U+FFFD per malformed sequence), and a bad sequence is reported exactly when there is one.
   */
  @Property(tries = 1000)
  void read_anyBytes_sameTextAsStringAndBadOnlyWhenInvalid(
      @ForAll @Size(max = 64) byte[] bytes, @ForAll @IntRange(min = 1, max = 9) int chunk)
      throws IOException {
    Utf8Reader[] reader = new Utf8Reader[1];
    String text = readAll(bytes, chunk, reader);
    assertThat(text).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    Utf8Reader.Bad first = reader[0].firstAtOrAfter(0);
    assertThat(first == null).isEqualTo(valid(bytes));
    if (first != null) {
      assertThat(text.charAt((int) first.offset())).isEqualTo('\uFFFD');
    }
  }

  private static boolean unprintable(int c) {
    return Character.isISOControl(c)
        || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C;
  }

  /** Escaping leaves no character that could break or reorder a line, and changes nothing else. */
  @Property(tries = 1000)
  void printable_anyText_noUnprintableLeftAndIdentityWithoutThem(@ForAll String text) {
    String p = TextValues.printable(text);
    assertThat(p.chars()).noneMatch(Utf8ReaderProperties::unprintable);
    if (text.chars().noneMatch(Utf8ReaderProperties::unprintable)) {
      assertThat(p).isSameAs(text);
    }
  }
}
