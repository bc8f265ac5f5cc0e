package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.AS_OF;
import static dev.segmentation.engine.row.Fixtures.customer;
import static dev.segmentation.engine.row.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event conditions: windows, filters, aggregates and the examples of the behavioral issue. */
class EventConditionTest {

  private static EventCondition purchases(
      EventWindow window, Aggregate agg, String property, Operator op, Number value) {
    return new EventCondition("purchase", new Always(), window, agg, property, op, value);
  }

  private static Truth eval(Condition c, Customer customer) {
    return ExactSemanticsTest.eval(c, customer);
  }

  private static SchemaCustomer.Builder buy(
      SchemaCustomer.Builder b, Instant t, Map<String, ?> props) {
    return b.event("purchase", t, props);
  }

  private static final EventWindow LAST_30 = EventWindow.last(30, WindowUnit.DAYS);

  @Test
  void lastWindow_excludesItsStartAndEventsAfterAsOf() {
    Condition count = purchases(LAST_30, Aggregate.COUNT, null, Operator.EQ, 2L);
    SchemaCustomer.Builder b = customer("c");
    buy(b, AS_OF.minusSeconds(30 * 86_400), Map.of()); // exactly at the start: out
    buy(b, AS_OF.minusSeconds(30 * 86_400).plusNanos(1), Map.of()); // in
    buy(b, AS_OF, Map.of()); // at asOf: in
    buy(b, AS_OF.plusNanos(1), Map.of()); // in the future: never seen
    assertThat(eval(count, b.build())).isEqualTo(Truth.TRUE);
  }

  @Test
  void everWindow_ignoresEventsAfterAsOf() {
    SchemaCustomer c =
        buy(buy(customer("c"), daysAgo(1000), Map.of()), AS_OF.plusSeconds(1), Map.of()).build();
    assertThat(eval(purchases(EventWindow.ever(), Aggregate.COUNT, null, Operator.EQ, 1L), c))
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void betweenWindow_includesFromAndExcludesTo() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-02-01T00:00:00Z");
    SchemaCustomer c = buy(buy(customer("c"), from, Map.of()), to, Map.of()).build();
    Condition one =
        purchases(EventWindow.between(from, to), Aggregate.COUNT, null, Operator.EQ, 1L);
    assertThat(eval(one, c)).isEqualTo(Truth.TRUE);
  }

  @Test
  void calendarWindow_thisMonthCountsOnlyUpToAsOf() {
    SchemaCustomer c =
        buy(
                buy(
                    buy(customer("c"), Instant.parse("2026-11-01T00:00:00Z"), Map.of()),
                    Instant.parse("2026-10-31T23:59:59Z"),
                    Map.of()),
                Instant.parse("2026-11-25T00:00:00Z"),
                Map.of())
            .build();
    Condition one =
        purchases(
            EventWindow.in(CalendarPeriod.THIS_MONTH), Aggregate.COUNT, null, Operator.EQ, 1L);
    assertThat(eval(one, c)).isEqualTo(Truth.TRUE);
  }

  @Test
  void emptyWindow_countAndSumAreZeroOthersHaveNoValue() {
    SchemaCustomer none = buy(customer("c"), daysAgo(100), Map.of("amount", 5.0)).build();
    assertThat(eval(purchases(LAST_30, Aggregate.COUNT, null, Operator.EQ, 0L), none))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(purchases(LAST_30, Aggregate.SUM, "amount", Operator.EQ, 0L), none))
        .isEqualTo(Truth.TRUE);
    assertThat(
            eval(purchases(LAST_30, Aggregate.DISTINCT_COUNT, "category", Operator.EQ, 0L), none))
        .isEqualTo(Truth.TRUE);
    for (Aggregate a : new Aggregate[] {Aggregate.AVG, Aggregate.MIN, Aggregate.MAX}) {
      assertThat(eval(purchases(LAST_30, a, "amount", Operator.GE, 0L), none))
          .as(a.name())
          .isEqualTo(Truth.UNKNOWN);
    }
    for (Aggregate a : new Aggregate[] {Aggregate.DAYS_SINCE_FIRST, Aggregate.DAYS_SINCE_LAST}) {
      assertThat(eval(purchases(LAST_30, a, null, Operator.GE, 0L), none))
          .as(a.name())
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aggregates_skipMissingPropertyValues() {
    SchemaCustomer c =
        buy(
                buy(buy(customer("c"), daysAgo(3), Map.of("amount", 10.0)), daysAgo(2), Map.of()),
                daysAgo(1),
                Map.of("amount", 30.0))
            .build();
    assertThat(eval(purchases(LAST_30, Aggregate.AVG, "amount", Operator.EQ, 20L), c))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(purchases(LAST_30, Aggregate.SUM, "amount", Operator.EQ, 40L), c))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(purchases(LAST_30, Aggregate.MIN, "amount", Operator.EQ, 10L), c))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(purchases(LAST_30, Aggregate.MAX, "amount", Operator.EQ, 30.0), c))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(purchases(LAST_30, Aggregate.COUNT, null, Operator.EQ, 3L), c))
        .isEqualTo(Truth.TRUE);
    SchemaCustomer onlyMissing = buy(customer("c"), daysAgo(2), Map.of()).build();
    assertThat(eval(purchases(LAST_30, Aggregate.AVG, "amount", Operator.GE, 0L), onlyMissing))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(eval(purchases(LAST_30, Aggregate.SUM, "amount", Operator.EQ, 0L), onlyMissing))
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void sum_ofIntegers_isExactBeyond2pow53() {
    long big = 1L << 53;
    SchemaCustomer c =
        buy(
                buy(customer("c"), daysAgo(2), Map.of("quantity", big)),
                daysAgo(1),
                Map.of("quantity", 1L))
            .build();
    assertThat(eval(purchases(LAST_30, Aggregate.SUM, "quantity", Operator.EQ, big + 1), c))
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void sum_ofIntegersThatOverflow_continuesInFloatingPoint() {
    SchemaCustomer c =
        buy(
                buy(customer("c"), daysAgo(2), Map.of("quantity", Long.MAX_VALUE)),
                daysAgo(1),
                Map.of("quantity", Long.MAX_VALUE))
            .build();
    assertThat(eval(purchases(LAST_30, Aggregate.SUM, "quantity", Operator.GT, Long.MAX_VALUE), c))
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void daysSince_isWholeDaysRoundedDown() {
    SchemaCustomer c = buy(customer("c"), daysAgo(1.99), Map.of()).build();
    assertThat(
            eval(
                purchases(EventWindow.ever(), Aggregate.DAYS_SINCE_LAST, null, Operator.EQ, 1L), c))
        .isEqualTo(Truth.TRUE);
    SchemaCustomer exact = buy(customer("c"), daysAgo(2), Map.of()).build();
    assertThat(
            eval(
                purchases(EventWindow.ever(), Aggregate.DAYS_SINCE_FIRST, null, Operator.EQ, 2L),
                exact))
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void where_countsOnlyEventsWhereTheFilterIsTrue() {
    // The filter is UNKNOWN for the event without a category: it does not count, as in SQL.
    SchemaCustomer c =
        buy(
                buy(
                    buy(customer("c"), daysAgo(3), Map.of("category", "paper")),
                    daysAgo(2),
                    Map.of("category", "pens")),
                daysAgo(1),
                Map.of())
            .build();
    Condition notPens =
        new EventCondition(
            "purchase",
            new Compare("category", Operator.NE, "pens"),
            LAST_30,
            Aggregate.COUNT,
            null,
            Operator.EQ,
            1L);
    assertThat(eval(notPens, c)).isEqualTo(Truth.TRUE);
  }

  @Test
  void distinctCount_countsEqualValuesOnce() {
    SchemaCustomer c =
        buy(
                buy(
                    buy(customer("c"), daysAgo(3), Map.of("category", "paper")),
                    daysAgo(2),
                    Map.of("category", "paper")),
                daysAgo(1),
                Map.of("category", "pens"))
            .build();
    assertThat(eval(purchases(LAST_30, Aggregate.DISTINCT_COUNT, "category", Operator.EQ, 2L), c))
        .isEqualTo(Truth.TRUE);
  }

  // The examples of the behavioral issue, one condition each.

  @Test
  void example_atLeastThreePurchasesInTheLast90Days() {
    Condition c =
        purchases(EventWindow.last(90, WindowUnit.DAYS), Aggregate.COUNT, null, Operator.GE, 3L);
    SchemaCustomer.Builder b = customer("c");
    for (int d : new int[] {1, 40, 89}) {
      buy(b, daysAgo(d), Map.of());
    }
    assertThat(eval(c, b.build())).isEqualTo(Truth.TRUE);
    assertThat(eval(c, buy(customer("d"), daysAgo(1), Map.of()).build())).isEqualTo(Truth.FALSE);
  }

  @Test
  void example_spentOver1000InTheLastYear() {
    Condition c =
        purchases(
            EventWindow.last(1, WindowUnit.YEARS), Aggregate.SUM, "amount", Operator.GT, 1000L);
    SchemaCustomer big =
        buy(
                buy(customer("c"), daysAgo(300), Map.of("amount", 600.0)),
                daysAgo(10),
                Map.of("amount", 400.5))
            .build();
    SchemaCustomer old =
        buy(
                buy(customer("c"), daysAgo(400), Map.of("amount", 600.0)),
                daysAgo(10),
                Map.of("amount", 400.5))
            .build();
    assertThat(eval(c, big)).isEqualTo(Truth.TRUE);
    assertThat(eval(c, old)).isEqualTo(Truth.FALSE);
  }

  @Test
  void example_noPurchaseIn180Days() {
    Condition c =
        purchases(EventWindow.last(180, WindowUnit.DAYS), Aggregate.COUNT, null, Operator.EQ, 0L);
    assertThat(eval(c, customer("new", Map.of()))).isEqualTo(Truth.TRUE);
    assertThat(eval(c, buy(customer("c"), daysAgo(200), Map.of()).build())).isEqualTo(Truth.TRUE);
    assertThat(eval(c, buy(customer("c"), daysAgo(20), Map.of()).build())).isEqualTo(Truth.FALSE);
  }

  @Test
  void example_openedAnyNewsletterInTheLast30Days() {
    Condition c =
        new EventCondition(
            "email_open",
            new StringMatch("campaign", StringMatch.Op.STARTS_WITH, "newsletter", true),
            LAST_30,
            Aggregate.COUNT,
            null,
            Operator.GE,
            1L);
    SchemaCustomer yes =
        customer("c").event("email_open", daysAgo(3), Map.of("campaign", "Newsletter-11")).build();
    SchemaCustomer promo =
        customer("c").event("email_open", daysAgo(3), Map.of("campaign", "promo")).build();
    assertThat(eval(c, yes)).isEqualTo(Truth.TRUE);
    assertThat(eval(c, promo)).isEqualTo(Truth.FALSE);
  }

  @Test
  void example_visitedPricingAtLeastTwiceThisMonth() {
    Condition c =
        new EventCondition(
            "page_view",
            new StringMatch("path", StringMatch.Op.STARTS_WITH, "/pricing", false),
            EventWindow.in(CalendarPeriod.THIS_MONTH),
            Aggregate.COUNT,
            null,
            Operator.GE,
            2L);
    SchemaCustomer.Builder b = customer("c");
    b.event("page_view", Instant.parse("2026-11-02T10:00:00Z"), Map.of("path", "/pricing"));
    b.event("page_view", Instant.parse("2026-11-20T10:00:00Z"), Map.of("path", "/pricing/teams"));
    b.event("page_view", Instant.parse("2026-10-30T10:00:00Z"), Map.of("path", "/pricing"));
    b.event("page_view", Instant.parse("2026-11-21T10:00:00Z"), Map.of("path", "/blog"));
    assertThat(eval(c, b.build())).isEqualTo(Truth.TRUE);
  }

  @Test
  void example_firstPurchaseLessThan30DaysAgo() {
    Condition c = purchases(EventWindow.ever(), Aggregate.DAYS_SINCE_FIRST, null, Operator.LT, 30L);
    assertThat(eval(c, buy(customer("c"), daysAgo(12), Map.of()).build())).isEqualTo(Truth.TRUE);
    assertThat(
            eval(c, buy(buy(customer("c"), daysAgo(12), Map.of()), daysAgo(45), Map.of()).build()))
        .isEqualTo(Truth.FALSE);
    assertThat(eval(c, customer("c", ImmutableMap.of()))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void evaluate_withManyEvents_usesTheWindowOnly() {
    SchemaCustomer.Builder b = customer("c");
    for (int i = 0; i < 10_000; i++) {
      buy(b, AS_OF.minusSeconds(3600L * i), Map.of("amount", 1.0));
    }
    // Hours 0..719 are within the last 30 days (720 hours ago is exactly the excluded start).
    assertThat(eval(purchases(LAST_30, Aggregate.COUNT, null, Operator.EQ, 720L), b.build()))
        .isEqualTo(Truth.TRUE);
  }
}
