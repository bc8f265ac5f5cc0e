package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.check.Issue;
import dev.segmentation.check.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reproducers of the hostile-input probe (issue 14) on the rules side: each document is refused
 * with a {@link RulesException} that names where, never a raw exception, and never a changed
 * literal.
 */
class HostileRulesTest {
  private static final String HEAD =
      "{\"format\":1,\"schema\":{\"attributes\":{\"age\":\"integer\",\"b\":\"number\","
          + "\"name\":\"string\",\"seen\":\"timestamp\"}},"
          + "\"segments\":[{\"name\":\"s\",\"where\":";
  private static final String TAIL = "}]}";

  private static RulesException refused(RulesJson json, String document) {
    return LimitsTest.refused(json, document);
  }

  private static String gt(String attribute, String number) {
    return HEAD
        + "{\"op\":\"gt\",\"attribute\":\""
        + attribute
        + "\",\"value\":"
        + number
        + "}"
        + TAIL;
  }

  // Cause 1: a long exponent escaped as a raw NumberFormatException.
  @ParameterizedTest
  @ValueSource(strings = {"1e999999999999", "-1e999999999999", "1e2147483648", "1.5E+99999999999"})
  void number_exponentBeyondAnyDouble_isTooLargeAtItsPointer(String number) {
    RulesException e = refused(RulesJson.standard(), gt("b", number));
    assertThat(e.problems())
        .extracting(Issue::toString)
        .containsExactly("/segments/0/where/value: the number " + number + " is too large");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-999999999999", "-1e-2147483649", "1e-400", "1e-999999", "-2.5e-330"})
  void number_tooSmallForADouble_isRefusedNotRoundedToZero(String number) {
    RulesException e = refused(RulesJson.standard(), gt("b", number));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).path()).isEqualTo("/segments/0/where/value");
    assertThat(e.problems().get(0).message())
        .startsWith("the number ")
        .contains("is too small to be held by a double");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0e999999999999", "0.000e-999999999999", "-0E+2147483648"})
  void number_zeroWithAnyExponent_isExactlyZero(String number) {
    RulesDocument doc = RulesJson.read(gt("b", number));
    assertThat(RulesJson.write(doc.catalog().segments().get(0).condition()))
        .contains("\"value\": 0.0");
  }

  @Test
  void number_smallestSubnormal_isKept() {
    RulesDocument doc = RulesJson.read(gt("b", "4.9e-324"));
    assertThat(RulesJson.write(doc.catalog().segments().get(0).condition())).contains("4.9E-324");
  }

  @Test
  void numbers_badInSeveralPlaces_eachReportedOnceAtItsPointer() {
    String doc =
        HEAD
            + "{\"op\":\"or\",\"of\":[{\"op\":\"gt\",\"attribute\":\"b\",\"value\":1e999999999999},"
            + "{\"op\":\"in\",\"attribute\":\"b\",\"values\":[1,1e-999999999999]}]}"
            + TAIL;
    assertThat(refused(RulesJson.standard(), doc).problems())
        .extracting(Issue::path)
        .containsExactly("/segments/0/where/of/0/value", "/segments/0/where/of/1/values/1");
  }

  // Cause 2: a file that is not UTF-8 escaped as UncheckedIOException without a position.
  @Test
  void file_withLatin1Byte_isRefusedWithLineAndColumn(@TempDir Path dir) throws IOException {
    byte[] good = gt("age", "3").replace("\"s\"", "\"caf?\"").getBytes(StandardCharsets.UTF_8);
    int at = indexOf(good, (byte) '?');
    good[at] = (byte) 0xE9;
    Path file = dir.resolve("rules.json");
    Files.write(file, good);
    RulesException e = refusedFile(file);
    assertThat(e.problems()).hasSize(1);
    Issue p = e.problems().get(0);
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(at + 1);
    assertThat(p.message())
        .isEqualTo("the file is not valid UTF-8: byte 0xE9 does not begin a valid UTF-8 sequence");
    assertThat(e.getMessage()).startsWith(file.toString() + ": 1 error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"C0AF", "EDA080", "FF", "80", "F4908080"})
  void file_withMalformedSequence_isRefusedOnItsLine(String hex, @TempDir Path dir)
      throws IOException {
    byte[] head = "{\n  \"format\": 1,\n  \"x\": \"".getBytes(StandardCharsets.UTF_8);
    byte[] bad = hexBytes(hex);
    byte[] tail = "\"\n}\n".getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("rules.json");
    Files.write(file, concat(head, bad, tail));
    Issue p = refusedFile(file).problems().get(0);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(9);
    assertThat(p.message())
        .startsWith("the file is not valid UTF-8: byte 0x" + hex.substring(0, 2));
  }

  @Test
  void file_inUtf16WithBom_isNamedAsUtf16(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rules.json");
    Files.write(
        file,
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "{}".getBytes(StandardCharsets.UTF_16LE)));
    Issue p = refusedFile(file).problems().get(0);
    assertThat(p.message())
        .isEqualTo("the file is UTF-16 (it starts with a byte order mark): save it as UTF-8");
  }

  @Test
  void file_withUtf8ByteOrderMark_isRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rules.json");
    Files.write(
        file,
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            gt("age", "3").getBytes(StandardCharsets.UTF_8)));
    assertThat(RulesJson.read(file).catalog().segments()).hasSize(1);
  }

  // Minor: Jackson's own numbers leaked into limit messages, without a pointer.
  @Test
  void nesting_beyondTheLimit_namesTheDocumentedLimitAndAPointer() {
    StringBuilder sb = new StringBuilder(HEAD);
    for (int i = 0; i < 200; i++) {
      sb.append("{\"op\":\"not\",\"of\":");
    }
    sb.append("{\"op\":\"always\"}").append("}".repeat(200)).append(TAIL);
    Issue p = refused(RulesJson.standard(), sb.toString()).problems().get(0);
    assertThat(p.message()).isEqualTo("conditions are nested deeper than the limit of 64");
    assertThat(p.path()).startsWith("/segments/0/where/of/of/of/");
  }

  @Test
  void string_beyondTheLimit_namesTheDocumentedLimitAndAPointer() {
    String doc =
        HEAD
            + "{\"op\":\"eq\",\"attribute\":\"name\",\"value\":\""
            + "x".repeat(17_394)
            + "\"}"
            + TAIL;
    Issue p = refused(RulesJson.standard(), doc).problems().get(0);
    assertThat(p.message()).isEqualTo("the string is longer than the limit of 10,000 characters");
    assertThat(p.path()).isEqualTo("/segments/0/where/value");
  }

  // Minor: a duplicate segment name was reported at "/".
  @Test
  void duplicateSegmentName_isReportedAtTheSecondName() {
    String doc =
        HEAD
            + "{\"op\":\"always\"}},{\"name\":\"t\",\"where\":{\"op\":\"always\"}},"
            + "{\"name\":\"s\",\"where\":{\"op\":\"always\"}"
            + TAIL;
    assertThat(refused(RulesJson.standard(), doc).problems())
        .extracting(Issue::toString)
        .containsExactly("/segments/2/name: segment \"s\" is defined twice (first at /segments/0)");
  }

  // Minor: a leap second became 23:59:59 in rules while the data readers refuse it.
  @Test
  void timestamp_leapSecond_isRefusedAsTheDataReadersDo() {
    String doc =
        HEAD + "{\"op\":\"gt\",\"attribute\":\"seen\",\"value\":\"2016-12-31T23:59:60Z\"}" + TAIL;
    Issue p = refused(RulesJson.standard(), doc).problems().get(0);
    assertThat(p.path()).isEqualTo("/segments/0/where/value");
    assertThat(p.message()).contains("leap second");
  }

  // Minor: a name with a newline was echoed raw, so a document could forge output lines.
  @Test
  void unknownAttribute_withControlCharacters_isEchoedEscaped() {
    String doc =
        HEAD
            + "{\"op\":\"isPresent\",\"attribute\":\"x\\nrules.json: OK (0 errors)\\u0007\"}"
            + TAIL;
    RulesException e = refused(RulesJson.standard(), doc);
    assertThat(e.getMessage()).doesNotContain("\n" + "rules.json: OK").doesNotContain("\u0007");
    assertThat(e.problems().get(0).message()).contains("x\\nrules.json: OK (0 errors)\\u0007");
  }

  private static RulesException refusedFile(Path file) throws IOException {
    try {
      RulesJson.read(file);
    } catch (RulesException e) {
      return e;
    }
    throw new AssertionError("the file was accepted");
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no such byte");
  }

  private static byte[] hexBytes(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void limits_areConfigurable_andTheMessagesFollowThem() {
    RulesJson json = RulesJson.withLimits(new Limits(8, 1000, 1000, 50, 50), 1_000_000);
    String doc =
        HEAD + "{\"op\":\"eq\",\"attribute\":\"name\",\"value\":\"" + "y".repeat(51) + "\"}" + TAIL;
    assertThat(refused(json, doc).problems())
        .extracting(Issue::toString)
        .containsExactly(
            "/segments/0/where/value: the string is longer than the limit of 50 characters");
  }

  // Minor: the canonical form of a 100,000-segment document was over the document limit, so
  // read(write(doc)) failed for a document that read had accepted.
  @Test
  void canonicalForm_ofAnAcceptedDocumentOfTheLargestSize_isAcceptedToo(@TempDir Path dir)
      throws IOException {
    StringBuilder sb =
        new StringBuilder("{\"format\":1,\"schema\":{\"attributes\":{\"age\":\"integer\"}},")
            .append("\"segments\":[");
    for (int i = 0; i < 100_000; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"name\":\"segment-")
          .append(i)
          .append("\",\"where\":{\"op\":\"gt\",\"attribute\":\"age\",\"value\":")
          .append(i)
          .append("}}");
    }
    String compact = sb.append("]}").toString();
    RulesDocument doc = RulesJson.read(compact);
    String canonical = RulesJson.write(doc);
    assertThat(canonical.length()).isGreaterThan((int) RulesJson.DEFAULT_MAX_DOCUMENT_LENGTH);

    assertThat(RulesJson.read(canonical).catalog()).isEqualTo(doc.catalog());
    Path file = dir.resolve("canonical.json");
    Files.writeString(file, canonical);
    assertThat(RulesJson.read(file).catalog()).isEqualTo(doc.catalog());
  }

  @Test
  void documentLimit_countsWhatIsWrittenNotTheWhitespaceBetween() {
    RulesJson json = RulesJson.withLimits(Limits.DEFAULT, 200);
    String doc = gt("age", "3");
    String spaced = doc.replace(",", " ,\n" + " ".repeat(1000));
    assertThat(json.parse(spaced).catalog()).isEqualTo(json.parse(doc).catalog());
    String longer = gt("age", "3").replace("\"s\"", "\"" + "s".repeat(200) + "\"");
    Issue p = refused(json, longer).problems().get(0);
    assertThat(p.message())
        .isEqualTo(
            "the document is longer than the limit of 200 characters (whitespace between values"
                + " is not counted)");
    assertThat(p.line()).isEqualTo(1);
  }
}
