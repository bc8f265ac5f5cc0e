package dev.segmentation.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextChangeTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute(Attribute.date("birthday"))
          .attribute(Attribute.integer("age"))
          .attribute(Attribute.timestamp("lastLogin"))
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  private static final Segment RECENT_BUYERS =
      new Segment(
          "recent-buyers",
          "",
          new EventCondition(
              "purchase",
              new Always(),
              EventWindow.last(30, WindowUnit.DAYS),
              Aggregate.COUNT,
              null,
              Operator.GE,
              1L));
  private static final Segment BIRTHDAY_MONTH =
      new Segment("birthday-month", "", new Anniversary("birthday", Anniversary.Period.MONTH));
  private static final Segment ADULTS =
      new Segment("adults", "", new Compare("age", Operator.GE, 18L));
  private static final Segment LOGGED_IN_THIS_QUARTER_OF_A_YEAR =
      new Segment(
          "active",
          "",
          new RelativeTime("lastLogin", RelativeTime.Op.WITHIN_LAST, 3, WindowUnit.MONTHS));

  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  private static Customer customer(String id, String lastPurchase, LocalDate birthday) {
    var b = Customer.builder(SCHEMA, id).set("age", 30L).set("birthday", birthday);
    if (lastPurchase != null) {
      b.event("purchase", Instant.parse(lastPurchase), Map.of("amount", 10.0));
    }
    return b.build();
  }

  @Test
  void next_lastPurchaseInThirtyDays_isThirtyDaysAfterIt() {
    NextChange next = NextChange.of(Catalog.of(RECENT_BUYERS), SCHEMA);
    Customer c = customer("c1", "2026-11-01T08:15:00.000000123Z", LocalDate.of(1990, 5, 5));

    assertThat(next.next(c, EvaluationContext.at(AS_OF)))
        .contains(Instant.parse("2026-12-01T08:15:00.000000123Z"));
  }

  @Test
  void next_futureEvent_isWhenItHappens() {
    NextChange next = NextChange.of(Catalog.of(RECENT_BUYERS), SCHEMA);
    Customer c = customer("c1", "2026-12-24T00:00:00Z", LocalDate.of(1990, 5, 5));

    assertThat(next.next(c, EvaluationContext.at(AS_OF)))
        .contains(Instant.parse("2026-12-24T00:00:00Z"));
  }

  @Test
  void next_birthdayMonth_isMidnightOfTheFirstInTheZone() {
    NextChange next = NextChange.of(Catalog.of(BIRTHDAY_MONTH), SCHEMA);
    ZoneId helsinki = ZoneId.of("Europe/Helsinki");
    Customer december = customer("c1", null, LocalDate.of(1990, 12, 5));
    Customer november = customer("c2", null, LocalDate.of(1990, 11, 30));

    EvaluationContext ctx = EvaluationContext.at(AS_OF, helsinki);
    // Enters at the start of December in Helsinki (UTC+2); the November child leaves then.
    assertThat(next.next(december, ctx)).contains(Instant.parse("2026-11-30T22:00:00Z"));
    assertThat(next.next(november, ctx)).contains(Instant.parse("2026-11-30T22:00:00Z"));
  }

  @Test
  void next_threeCalendarMonths_isExactAfterClamping() {
    NextChange next = NextChange.of(Catalog.of(LOGGED_IN_THIS_QUARTER_OF_A_YEAR), SCHEMA);
    Customer c =
        Customer.builder(SCHEMA, "c1")
            .set("lastLogin", Instant.parse("2026-08-31T10:00:00Z"))
            .build();

    // November 30 minus 3 months is August 30: still inside; December 1 minus 3 months is
    // September 1, after August 31, so the login leaves the window at December 1, 00:00.
    assertThat(next.next(c, EvaluationContext.at(AS_OF)))
        .contains(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void next_nothingMovesWithTime_isEmpty() {
    NextChange next = NextChange.of(Catalog.of(ADULTS), SCHEMA);

    assertThat(next.dependsOnTime()).isFalse();
    assertThat(next.next(customer("c1", "2026-11-01T00:00:00Z", null), EvaluationContext.at(AS_OF)))
        .isEmpty();
  }

  @Test
  void schedule_perSegment_isTheEarliestAndHowManyChangeThen() {
    NextChange next = NextChange.of(Catalog.of(RECENT_BUYERS, ADULTS), SCHEMA);
    CustomerTable table =
        CustomerTable.of(
            SCHEMA,
            List.of(
                customer("a", "2026-11-01T00:00:00Z", null),
                customer("b", "2026-11-01T00:00:00Z", null),
                customer("c", "2026-11-10T00:00:00Z", null),
                customer("d", null, null)));

    var schedule = next.schedule(table, EvaluationContext.at(AS_OF));

    assertThat(schedule.get("recent-buyers"))
        .isEqualTo(new NextChange.Due(Optional.of(Instant.parse("2026-12-01T00:00:00Z")), 2));
    assertThat(schedule.get("adults")).isEqualTo(new NextChange.Due(Optional.empty(), 0));
    assertThat(next.nextByRow(table, EvaluationContext.at(AS_OF)))
        .containsExactly(
            Instant.parse("2026-12-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"),
            Instant.parse("2026-12-10T00:00:00Z"),
            null);
  }

  @Test
  void next_unknownSegment_namesTheSegmentsThereAre() {
    NextChange next = NextChange.of(Catalog.of(RECENT_BUYERS), SCHEMA);

    assertThatThrownBy(
            () -> next.next("vip", customer("c", null, null), EvaluationContext.at(AS_OF)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the catalog has no segment \"vip\"; it has [recent-buyers]");
  }

  @Test
  void next_bySegment_followsReferences() {
    Segment refers =
        new Segment(
            "recent-adults",
            "",
            new dev.segmentation.condition.InSegment("recent-buyers")
                .and(new dev.segmentation.condition.InSegment("adults")));
    NextChange next =
        NextChange.of(
            new Catalog(ImmutableList.of(RECENT_BUYERS, ADULTS, refers), null, null, null), SCHEMA);
    Customer c = customer("c1", "2026-11-01T00:00:00Z", null);

    assertThat(next.nextBySegment(c, EvaluationContext.at(AS_OF)))
        .containsExactly(
            Instant.parse("2026-12-01T00:00:00Z"), null, Instant.parse("2026-12-01T00:00:00Z"));
  }

  /**
   * "Within the last 2 months" of November 30, 16:00 (UTC-8): {@code asOf - 2 months} passes it on
   * January 30 at 16:00, falls back to November 30 00:00 when January 31 starts (January 31 - 2
   * months is clamped to November 30), passes it again at 16:00 and stays past it from February 1.
   * Each of those instants is a change, for a timestamp and for an event in a sliding window.
   */
  @Test
  void next_monthsBoundClampedAtAMonthsEnd_followsItBackAndForth() {
    ZoneId zone = ZoneId.of("-08:00");
    Instant t = Instant.parse("2025-12-01T00:00:00Z"); // November 30, 16:00 in the zone
    Segment within =
        new Segment(
            "within",
            "",
            new RelativeTime("lastLogin", RelativeTime.Op.WITHIN_LAST, 2, WindowUnit.MONTHS));
    Segment bought =
        new Segment(
            "bought",
            "",
            new EventCondition(
                "purchase",
                new Always(),
                EventWindow.last(2, WindowUnit.MONTHS),
                Aggregate.COUNT,
                null,
                Operator.GE,
                1L));
    Customer c =
        Customer.builder(SCHEMA, "c")
            .set("lastLogin", t)
            .event("purchase", t, Map.of("amount", 10.0))
            .build();
    List<Instant> expected =
        List.of(
            Instant.parse("2026-01-31T00:00:00Z"), // January 30, 16:00: passes t
            Instant.parse("2026-01-31T08:00:00Z"), // January 31 starts: back before t
            Instant.parse("2026-02-01T00:00:00Z")); // January 31, 16:00: past t again
    for (Segment s : List.of(within, bought)) {
      NextChange next = NextChange.of(Catalog.of(s), SCHEMA);
      CompiledCatalog compiled = RowEngine.compile(Catalog.of(s), SCHEMA);
      EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-01-15T00:00:00Z"), zone);
      for (Instant change : expected) {
        Truth before = compiled.evaluate(0, c, ctx);
        assertThat(next.next(c, ctx)).as(s.name()).contains(change);
        assertThat(compiled.evaluate(0, c, EvaluationContext.at(change.minusNanos(1), zone)))
            .isEqualTo(before);
        assertThat(compiled.evaluate(0, c, EvaluationContext.at(change, zone)))
            .as(s.name() + " at " + change)
            .isNotEqualTo(before);
        ctx = EvaluationContext.at(change, zone);
      }
      // From then on the bound stays past t.
      assertThat(next.next(c, ctx)).as(s.name()).isEmpty();
      assertThat(
              compiled.evaluate(
                  0, c, EvaluationContext.at(Instant.parse("2027-06-01T00:00:00Z"), zone)))
          .isEqualTo(compiled.evaluate(0, c, ctx));
    }
  }
}
