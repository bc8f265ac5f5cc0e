package dev.segmentation.engine.row;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The text formats of {@link Explanation}, independent of any engine. */
class ExplanationTest {
  private static final Explanation AGE_OK =
      Explanation.leaf("age >= 18", Truth.TRUE, "30", ">= 18");
  private static final Explanation AGE_LOW =
      Explanation.leaf("age >= 30", Truth.FALSE, "25", ">= 30");
  private static final Explanation NO_COUNTRY =
      Explanation.leaf("country = \"FI\"", Truth.UNKNOWN, Explanation.MISSING, "= \"FI\"");

  private static Explanation node(String op, Truth result, Explanation... children) {
    Kind kind = Kind.valueOf(op.toUpperCase(Locale.ROOT));
    return new Explanation(kind, op, result, null, null, ImmutableList.copyOf(children));
  }

  @Test
  void logicIsToldApartByKind_notByDescription() {
    // A summary that happens to be described "not" or "and" is not a NOT or an AND.
    assertThat(Explanation.leaf("not", Truth.FALSE, null, null).whyNot()).isEqualTo("not is false");
    assertThat(new Explanation("and", Truth.FALSE, null, null, ImmutableList.of(AGE_LOW)).whyNot())
        .isEqualTo("and: age is 25, expected >= 30");
  }

  @Test
  void explanations_carryTheKindOfTheConditionNodeTheyExplain() {
    Schema schema = Schema.builder().attribute("age", AttributeType.INTEGER).build();
    CompiledCatalog compiled =
        RowEngine.compile(
            Catalog.of(
                Segment.of(
                    "s",
                    And.of(
                        new Compare("age", Operator.GE, 18L),
                        new Not(new Presence("age", false))))),
            schema);
    Customer c = Customer.builder(schema, "c").set("age", 30L).build();
    Explanation e = compiled.explain("s", c, EvaluationContext.at(Instant.EPOCH));
    assertThat(e.kind()).isEqualTo(Kind.AND);
    assertThat(e.children().get(0).kind()).isEqualTo(Kind.COMPARE);
    assertThat(e.children().get(1).kind()).isEqualTo(Kind.NOT);
    assertThat(e.children().get(1).children().get(0).kind()).isEqualTo(Kind.PRESENCE);
  }

  @Test
  void toText_indentsTwoSpacesPerLevelAndShowsActualValues() {
    assertThat(node("and", Truth.FALSE, AGE_OK, node("not", Truth.FALSE, AGE_OK)).toText())
        .isEqualTo(
            "FALSE  and\n"
                + "  TRUE  age >= 18  (actual 30)\n"
                + "  FALSE  not\n"
                + "    TRUE  age >= 18  (actual 30)\n");
  }

  @Test
  void whyNot_ofLeaves_namesTheValueAndTheExpectation() {
    assertThat(AGE_LOW.whyNot()).isEqualTo("age is 25, expected >= 30");
    assertThat(NO_COUNTRY.whyNot()).isEqualTo("country is missing");
    assertThat(AGE_OK.whyNot()).isEmpty();
  }

  @Test
  void whyNot_ofAnd_isTheShortestDecisiveReason() {
    Explanation longer =
        Explanation.leaf(
            "lastSeen within the last 30 days",
            Truth.FALSE,
            "2020-01-01T00:00:00Z",
            "within the last 30 days");
    assertThat(node("and", Truth.FALSE, AGE_OK, longer, AGE_LOW, NO_COUNTRY).whyNot())
        .isEqualTo("age is 25, expected >= 30");
    assertThat(node("and", Truth.UNKNOWN, AGE_OK, NO_COUNTRY).whyNot())
        .isEqualTo("country is missing");
  }

  @Test
  void whyNot_ofOr_listsEveryOperandsReason() {
    assertThat(node("or", Truth.UNKNOWN, AGE_LOW, NO_COUNTRY).whyNot())
        .isEqualTo("age is 25, expected >= 30; and country is missing");
  }

  @Test
  void whyNot_ofNot_saysWhatWasTrue() {
    assertThat(node("not", Truth.FALSE, AGE_OK).whyNot())
        .isEqualTo("age is 30, expected not >= 18");
    assertThat(node("not", Truth.UNKNOWN, NO_COUNTRY).whyNot()).isEqualTo("country is missing");
    assertThat(node("not", Truth.FALSE, node("and", Truth.TRUE, AGE_OK, AGE_OK)).whyNot())
        .isEqualTo("(age >= 18 and age >= 18) is true");
  }

  @Test
  void whyNot_ofWrappersAndConstants() {
    assertThat(
            new Explanation(
                    "in segment \"adults\"", Truth.FALSE, null, null, ImmutableList.of(AGE_LOW))
                .whyNot())
        .isEqualTo("in segment \"adults\": age is 25, expected >= 30");
    assertThat(
            Explanation.leaf(Kind.NEVER, "never (contradiction)", Truth.FALSE, null, null).whyNot())
        .isEqualTo("never (contradiction)");
  }
}
