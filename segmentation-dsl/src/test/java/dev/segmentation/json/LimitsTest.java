package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.check.Issue;
import dev.segmentation.check.Limits;
import org.junit.jupiter.api.Test;

/** Hostile documents are refused with a clear error: no StackOverflowError, OOM or hang. */
class LimitsTest {
  private static final String HEAD =
      "{\"format\":1,\"schema\":{\"attributes\":{\"age\":\"integer\",\"name\":\"string\"}},"
          + "\"segments\":[{\"name\":\"s\",\"where\":";
  private static final String TAIL = "}]}";

  /** The exception reading {@code document} throws; fails when the document is accepted. */
  static RulesException refused(RulesJson json, String document) {
    try {
      json.parse(document);
    } catch (RulesException e) {
      return e;
    }
    throw new AssertionError("the document was accepted");
  }

  @Test
  void nesting_100000Levels_refusedByTheParser() {
    int levels = 100_000;
    StringBuilder sb = new StringBuilder(HEAD);
    for (int i = 0; i < levels; i++) {
      sb.append("{\"op\":\"not\",\"of\":");
    }
    sb.append("{\"op\":\"always\"}");
    sb.append("}".repeat(levels)).append(TAIL);
    RulesException e = refused(RulesJson.standard(), sb.toString());
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).message())
        .isEqualTo("conditions are nested deeper than the limit of 64");
  }

  @Test
  void nesting_deeperThanConditionLimit_namesThePath() {
    RulesJson json = RulesJson.withLimits(new Limits(3, 1000, 1000, 1000, 100), 1_000_000);
    String doc =
        HEAD
            + "{\"op\":\"not\",\"of\":{\"op\":\"not\",\"of\":{\"op\":\"not\",\"of\":{\"op\":\"always\"}}}}"
            + TAIL;
    RulesException e = refused(json, doc);
    assertThat(e.problems())
        .extracting(Issue::toString)
        .containsExactly(
            "/segments/0/where/of/of/of: conditions are nested deeper than the limit of 3");
  }

  @Test
  void list_longerThanLimit_isRefusedWithoutReadingItsValues() {
    RulesJson json = RulesJson.withLimits(new Limits(64, 1000, 10, 1000, 100), 1_000_000);
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      values.append(i == 0 ? "" : ",").append(i);
    }
    String doc = HEAD + "{\"op\":\"in\",\"attribute\":\"age\",\"values\":[" + values + "]}" + TAIL;
    assertThat(refused(json, doc).problems())
        .extracting(Issue::toString)
        .containsExactly("/segments/0/where/values: has 11 entries, more than 10");
  }

  @Test
  void document_of50Megabytes_isRefusedBySize() {
    StringBuilder sb = new StringBuilder(52_000_000);
    sb.append(HEAD).append("{\"op\":\"in\",\"attribute\":\"age\",\"values\":[");
    while (sb.length() < 50_000_000) {
      sb.append("123456789,");
    }
    sb.append("1]}").append(TAIL);
    RulesException e = refused(RulesJson.standard(), sb.toString());
    assertThat(e.problems().get(0).message())
        .startsWith("the document is longer than the limit of 10,000,000 characters");
  }

  @Test
  void number_1e999999_isRefusedAsTooLarge() {
    String doc = HEAD + "{\"op\":\"gt\",\"attribute\":\"age\",\"value\":1e999999}" + TAIL;
    assertThat(refused(RulesJson.standard(), doc).problems())
        .extracting(Issue::toString)
        .containsExactly("/segments/0/where/value: the number 1E+999999 is too large");
  }

  @Test
  void number_beyond64Bits_isRefused() {
    String doc =
        HEAD
            + "{\"op\":\"gt\",\"attribute\":\"age\",\"value\":123456789012345678901234567890}"
            + TAIL;
    assertThat(refused(RulesJson.standard(), doc).problems().get(0).message())
        .isEqualTo("the number 123456789012345678901234567890 is outside the 64-bit range");
  }

  @Test
  void number_withThousandsOfDigits_isRefusedByTheParser() {
    String doc =
        HEAD + "{\"op\":\"gt\",\"attribute\":\"age\",\"value\":" + "9".repeat(5000) + "}" + TAIL;
    assertThat(refused(RulesJson.standard(), doc).problems().get(0).message())
        .isEqualTo("the number is longer than the limit of 100 characters");
  }

  @Test
  void string_longerThanLimit_isRefusedByTheParser() {
    RulesJson json = RulesJson.withLimits(new Limits(64, 1000, 1000, 100, 100), 1_000_000);
    String doc =
        HEAD
            + "{\"op\":\"eq\",\"attribute\":\"name\",\"value\":\""
            + "x".repeat(5000)
            + "\"}"
            + TAIL;
    assertThat(refused(json, doc).problems())
        .extracting(Issue::toString)
        .containsExactly(
            "/segments/0/where/value: the string is longer than the limit of 100 characters");
  }

  @Test
  void conditions_moreThanLimit_reportedOnce() {
    RulesJson json = RulesJson.withLimits(new Limits(64, 5, 1000, 1000, 100), 1_000_000);
    StringBuilder of = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      of.append(i == 0 ? "" : ",").append("{\"op\":\"always\"}");
    }
    String doc = HEAD + "{\"op\":\"and\",\"of\":[" + of + "]}" + TAIL;
    assertThat(refused(json, doc).problems())
        .extracting(Issue::message)
        .containsExactly("the document has more than 5 conditions");
  }

  @Test
  void duplicateKeys_areASyntaxError() {
    assertThatThrownBy(() -> RulesJson.read("{\"format\":1,\"format\":1}"))
        .isInstanceOf(RulesException.class)
        .hasMessageContaining("Duplicate field 'format'");
  }

  @Test
  void classNames_haveNoMeaning_unknownOpIsAnError() {
    String doc =
        HEAD + "{\"op\":\"java.lang.Runtime\",\"@class\":\"java.lang.ProcessBuilder\"}" + TAIL;
    RulesException e = refused(RulesJson.standard(), doc);
    assertThat(e.problems()).extracting(Issue::path).containsExactly("/segments/0/where/op");
  }
}
