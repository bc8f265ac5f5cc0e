package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.check.Issue;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Operator;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules from a marketer's UI read against the schema and catalog a service defines in Java (issue
 * 13): no document to splice, pointers relative to the JSON given.
 */
class ServiceSchemaTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute(Attribute.integer("age"))
          .attribute(Attribute.string("country"))
          .attribute(Attribute.date("signup"))
          .build();
  private static final Catalog CATALOG =
      Catalog.of(new Segment("adults", null, new Compare("age", Operator.GE, 18L)));

  private static RulesException refused(Runnable read) {
    try {
      read.run();
    } catch (RulesException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void readSegment_againstJavaSchemaAndCatalog_referencesResolveAndDatesAreTyped() {
    Segment s =
        RulesJson.standard()
            .readSegment(
                "{\"name\":\"new-adults\",\"where\":{\"op\":\"and\",\"of\":["
                    + "{\"op\":\"inSegment\",\"segment\":\"adults\"},"
                    + "{\"op\":\"gt\",\"attribute\":\"signup\",\"value\":\"2026-01-01\"}]}}",
                SCHEMA,
                CATALOG);
    assertThat(s.condition().children().get(0)).isEqualTo(new InSegment("adults"));
    assertThat(s.condition().children().get(1))
        .isEqualTo(new Compare("signup", Operator.GT, LocalDate.of(2026, 1, 1)));
    Customer c =
        Customer.ofMap(SCHEMA, "c", Map.of("age", 30L, "signup", LocalDate.of(2026, 3, 1)));
    assertThat(
            RowEngine.compile(CATALOG.withSegment(s), SCHEMA)
                .segmentsOf(c, EvaluationContext.at(Instant.parse("2026-06-01T00:00:00Z"))))
        .containsExactlyInAnyOrder("adults", "new-adults");
  }

  @Test
  void readSegment_everyProblemAtPointersRelativeToTheJsonGiven() {
    RulesException e =
        refused(
            () ->
                RulesJson.standard()
                    .readSegment(
                        "{\"name\":\"x\",\"where\":{\"op\":\"or\",\"of\":["
                            + "{\"op\":\"startWith\",\"attribute\":\"country\",\"value\":\"F\"},"
                            + "{\"op\":\"gt\",\"attribute\":\"age\",\"value\":\"thirty\"},"
                            + "{\"op\":\"inSegment\",\"segment\":\"adultz\"}]}}",
                        SCHEMA,
                        CATALOG));
    assertThat(e.problems())
        .extracting(Issue::toString)
        .containsExactly(
            "/where/of/0/op: unknown operator \"startWith\"; did you mean \"startsWith\"?"
                + " (operators: always, never, and, or, not, eq, ne, lt, le, gt, ge, between, in,"
                + " startsWith, endsWith, contains, matches, containsAny, containsAll,"
                + " containsNone, tagCount, isPresent, isMissing, withinLast, moreThanAgo,"
                + " inCalendar, anniversary, withinDistance, inSegment, event, score, inTier)",
            "/where/of/1/value: attribute \"age\" is an integer, got \"thirty\"",
            "/where/of/2/segment: unknown segment \"adultz\"; did you mean \"adults\"?");
  }

  @Test
  void readSegments_listOfSegments_pointersStartAtTheArray_andACycleIsFound() {
    List<Segment> read =
        RulesJson.standard()
            .readSegments(
                "[{\"name\":\"a\",\"where\":{\"op\":\"inSegment\",\"segment\":\"b\"}},"
                    + "{\"name\":\"b\",\"where\":{\"op\":\"eq\",\"attribute\":\"country\","
                    + "\"value\":\"FI\"}}]",
                SCHEMA,
                CATALOG);
    assertThat(read).extracting(Segment::name).containsExactly("a", "b");

    RulesException e =
        refused(
            () ->
                RulesJson.standard()
                    .readSegments(
                        "[{\"name\":\"a\",\"where\":{\"op\":\"always\"}},"
                            + "{\"name\":\"adults\",\"where\":{\"op\":\"inSegment\","
                            + "\"segment\":\"adults\"}},"
                            + "{\"name\":\"b\",\"where\":{\"op\":\"gt\",\"attribute\":\"agee\","
                            + "\"value\":1}}]",
                        SCHEMA,
                        CATALOG));
    assertThat(e.problems())
        .extracting(Issue::path)
        .containsExactly("/1/where", "/2/where/attribute");
    assertThat(e.problems().get(0).message()).contains("cycle");
  }

  @Test
  void readCondition_bareCondition_pointersStartAtTheCondition() {
    Condition c =
        RulesJson.standard()
            .readCondition("{\"op\":\"inSegment\",\"segment\":\"adults\"}", SCHEMA, CATALOG);
    assertThat(c).isEqualTo(new InSegment("adults"));
    RulesException e =
        refused(
            () ->
                RulesJson.standard()
                    .readCondition(
                        "{\"op\":\"and\",\"of\":[{\"op\":\"eq\",\"attribute\":\"country\","
                            + "\"value\":3},{\"op\":\"isPresent\",\"attribute\":\"nope\"}]}",
                        SCHEMA,
                        CATALOG));
    assertThat(e.problems())
        .extracting(Issue::path)
        .containsExactly("/of/0/value", "/of/1/attribute");
    assertThatThrownBy(() -> RulesJson.standard().readCondition("[", SCHEMA, CATALOG))
        .isInstanceOf(RulesException.class)
        .hasMessageContaining("line 1");
  }
}
