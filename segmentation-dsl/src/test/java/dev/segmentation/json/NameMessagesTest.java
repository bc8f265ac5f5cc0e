package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.check.Issue;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import org.junit.jupiter.api.Test;

/**
 * The words of every message about a name from a fixed set (operators, comparisons, units, periods,
 * aggregates), pinned: they are built by {@code Spelling} and {@code ExternalName}.
 */
class NameMessagesTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute(Attribute.date("birthday"))
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  private static String problem(String condition) {
    try {
      RulesJson.standard().readCondition(condition, SCHEMA, Catalog.of());
    } catch (RulesException e) {
      assertThat(e.problems()).hasSize(1);
      Issue i = e.problems().get(0);
      return i.toString();
    }
    throw new AssertionError("accepted: " + condition);
  }

  @Test
  void unknownOperator_suggestionAndEveryOperator() {
    assertThat(problem("{\"op\":\"eqq\",\"attribute\":\"birthday\",\"value\":1}"))
        .startsWith(
            "/op: unknown operator \"eqq\"; did you mean \"eq\"? (operators: always, never,")
        .endsWith(", event, score, inTier)");
  }

  @Test
  void unknownPeriod_theTwoPeriods() {
    assertThat(problem("{\"op\":\"anniversary\",\"attribute\":\"birthday\",\"period\":\"year\"}"))
        .isEqualTo("/period: unknown period \"year\"; use \"day\" or \"month\"");
  }

  @Test
  void unknownUnit_suggestionAndEveryUnit() {
    assertThat(
            problem(
                "{\"op\":\"withinLast\",\"attribute\":\"birthday\",\"amount\":3,\"unit\":\"dayz\"}"))
        .isEqualTo(
            "/unit: unknown unit \"dayz\"; did you mean \"days\"? (units: minutes, hours, days,"
                + " weeks, months, years)");
  }

  @Test
  void unknownComparison_everyComparison() {
    assertThat(
            problem(
                "{\"op\":\"event\",\"type\":\"purchase\",\"window\":\"ever\","
                    + "\"aggregate\":\"count\",\"compare\":\"gte\",\"value\":1}"))
        .isEqualTo("/compare: unknown comparison \"gte\"; use one of eq, ne, lt, le, gt, ge");
  }

  @Test
  void unknownAggregate_suggestionAndEveryAggregate() {
    assertThat(
            problem(
                "{\"op\":\"event\",\"type\":\"purchase\",\"window\":\"ever\","
                    + "\"aggregate\":\"cont\",\"compare\":\"ge\",\"value\":1}"))
        .startsWith("/aggregate: unknown aggregate \"cont\"; did you mean \"count\"? (aggregates: ")
        .endsWith(")");
  }
}
