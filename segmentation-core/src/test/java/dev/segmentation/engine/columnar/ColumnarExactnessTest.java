package dev.segmentation.engine.columnar;

import static dev.segmentation.engine.columnar.ThreeValued.assertEnginesAgree;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Boundary literals and values where a kernel's precomputed bounds could be off by one: each
 * condition's TRUE, FALSE and UNKNOWN rows must be the row engine's (see {@link ThreeValued}).
 */
class ColumnarExactnessTest {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00.000000500Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final long TWO_53 = 1L << 53;

  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("small", AttributeType.INTEGER) // fits an int: stored narrow
          .attribute("big", AttributeType.INTEGER) // has longs beyond int range
          .attribute("mid", AttributeType.INTEGER) // longs in a narrow range beyond int
          .attribute("x", AttributeType.NUMBER)
          .attribute("seen", AttributeType.TIMESTAMP) // with nanoseconds
          .attribute("whole", AttributeType.TIMESTAMP) // whole seconds only
          .attribute("day", AttributeType.DATE)
          .attribute("tags", AttributeType.STRING_SET) // more than 64 tags: lists of codes
          .attribute("few", AttributeType.STRING_SET) // masks
          .attribute("name", AttributeType.STRING) // more than 256 values: char codes
          .attribute("where", AttributeType.GEO_POINT)
          .eventType(
              EventType.of(
                  "buy",
                  Attribute.integer("qty"),
                  Attribute.number("amount"),
                  Attribute.string("sku"),
                  Attribute.date("shipped"),
                  Attribute.bool("gift")))
          .eventType(EventType.of("visit", Attribute.string("page"))) // whole seconds only
          .build();

  private static final long[] LONGS = {
    0,
    -1,
    1,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    TWO_53,
    TWO_53 + 1,
    TWO_53 + 2,
    -TWO_53 - 1,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    Long.MAX_VALUE - 1
  };
  private static final double[] DOUBLES = {
    0.0, -0.0, 2.5, -2.5, 1e17, TWO_53, TWO_53 + 2.0, 0x1p63, -0x1p63, Double.MIN_VALUE, 3.0
  };

  private static List<SchemaCustomer> customers() {
    Random random = new Random(5);
    List<SchemaCustomer> out = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      SchemaCustomer.Builder b = Customer.builder(SCHEMA, "c" + i);
      if (i % 7 != 0) {
        b.set("small", (long) (i % 40) - 20);
        b.set("big", LONGS[i % LONGS.length]);
        b.set("mid", (1L << 40) + i % 50 - 25);
        b.set("x", DOUBLES[i % DOUBLES.length]);
        b.set("day", LocalDate.of(2026, 11, 22).minusDays(i % 400 - 20));
        b.set("name", "name-" + (i % 300));
        b.set("where", new GeoPoint(60 + (i % 11) * 0.05, 25 + (i % 13) * 0.05));
      }
      if (i % 5 != 0) {
        // i % 47 is 0 for some of these rows: values equal to the literals' instants occur.
        Instant t = AS_OF.minusSeconds((i % 47) * 86_400L).plusNanos((i % 3) - 1);
        b.set("seen", t);
        b.set("whole", Instant.ofEpochSecond(t.getEpochSecond()));
      }
      if (i % 9 != 0) {
        ImmutableSet.Builder<String> tags = ImmutableSet.builder();
        ImmutableSet.Builder<String> few = ImmutableSet.builder();
        for (int k = 0; k < i % 6; k++) {
          tags.add("t" + random.nextInt(90));
          few.add("f" + random.nextInt(10));
        }
        b.set("tags", tags.build());
        b.set("few", few.build());
      }
      Instant t = AS_OF.minusSeconds(200L * 86_400);
      for (int e = 0; e < i % 8; e++) {
        t = t.plusSeconds(random.nextInt(40) * 86_400L).plusNanos(random.nextInt(3) - 1);
        ImmutableMap.Builder<String, Object> p = ImmutableMap.builder();
        if (random.nextInt(6) != 0) {
          p.put("qty", random.nextInt(4) == 0 ? Long.MAX_VALUE : (long) random.nextInt(5));
        }
        if (random.nextInt(6) != 0) {
          p.put("amount", DOUBLES[random.nextInt(DOUBLES.length)]);
        }
        p.put("sku", "sku-" + random.nextInt(4));
        p.put("shipped", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(3)));
        p.put("gift", random.nextBoolean());
        b.event("buy", t, p.build());
      }
      Instant v = AS_OF.minusSeconds(100L * 86_400 + 1);
      for (int e = 0; e < (i % 23 == 0 ? 40 : i % 6); e++) { // some rows with many events
        v = v.plusSeconds(random.nextInt(9) * 86_400L).plusSeconds(e % 3 - 1);
        b.event(
            "visit",
            Instant.ofEpochSecond(v.getEpochSecond()),
            ImmutableMap.of("page", "p" + e % 3));
      }
      out.add(b.build());
    }
    // Events exactly on window bounds (asOf, 30 days before it) and two whole days before asOf
    // (where days-since counts the partial second), and a nanosecond either side.
    List<Instant> times = new ArrayList<>();
    for (Instant t :
        List.of(AS_OF.minusSeconds(30L * 86_400), AS_OF, AS_OF.minusSeconds(2L * 86_400))) {
      times.addAll(List.of(t, t.plusNanos(1), t.minusNanos(1)));
    }
    for (Instant t : times) {
      out.add(
          Customer.builder(SCHEMA, "at-" + t)
              .event("buy", t, ImmutableMap.of("qty", 1L, "amount", 1.0))
              .build());
    }
    return out;
  }

  @Test
  void numbers_atExactBoundaries() {
    List<Condition> conditions = new ArrayList<>();
    for (Operator op : Operator.values()) {
      for (long l : LONGS) {
        conditions.add(new Compare("small", op, l));
        conditions.add(new Compare("big", op, l));
        conditions.add(new Compare("x", op, l));
        conditions.add(new Compare("mid", op, l));
        conditions.add(new Compare("mid", op, (1L << 40) + l % 30));
      }
      for (double d : DOUBLES) {
        conditions.add(new Compare("small", op, d));
        conditions.add(new Compare("big", op, d));
        conditions.add(new Compare("x", op, d));
      }
    }
    conditions.add(new Between("x", -0.0, 0.0));
    conditions.add(new Between("x", TWO_53 + 1, Long.MAX_VALUE));
    conditions.add(new Between("big", -2.5, TWO_53 + 1.0));
    conditions.add(In.of("x", 3L, 0.0, TWO_53 + 2));
    conditions.add(In.of("big", 3.0, Long.MAX_VALUE, -1.0, 2.5));
    conditions.add(In.of("small", -3L, 5.0, 7.5));
    assertEnginesAgree(SCHEMA, conditions, customers(), CTX);
  }

  @Test
  void timesAndDates_atExactBoundaries() {
    List<Condition> conditions = new ArrayList<>();
    Instant[] literals = {
      AS_OF, AS_OF.plusNanos(1), AS_OF.minusNanos(1), AS_OF.minusSeconds(86_400L * 10)
    };
    for (Operator op : Operator.values()) {
      for (Instant t : literals) {
        conditions.add(new Compare("seen", op, t));
        conditions.add(new Compare("whole", op, t));
      }
      conditions.add(new Compare("day", op, LocalDate.of(2026, 11, 2)));
    }
    for (String a : List.of("seen", "whole", "day")) {
      for (RelativeTime.Op op : RelativeTime.Op.values()) {
        conditions.add(new RelativeTime(a, op, 10, WindowUnit.DAYS));
        conditions.add(new RelativeTime(a, op, 2, WindowUnit.MONTHS));
        conditions.add(new RelativeTime(a, op, RelativeTime.MAX_AMOUNT, WindowUnit.YEARS));
      }
      for (CalendarPeriod p : CalendarPeriod.values()) {
        conditions.add(new dev.segmentation.condition.CalendarWindow(a, p));
      }
    }
    for (String a : List.of("seen", "whole")) {
      conditions.add(new RelativeTime(a, RelativeTime.Op.WITHIN_LAST, 36, WindowUnit.HOURS));
      conditions.add(new Between(a, AS_OF.minusSeconds(86_400L * 20), AS_OF.minusNanos(1)));
    }
    conditions.add(In.of("day", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3)));
    assertEnginesAgree(SCHEMA, conditions, customers(), CTX);
  }

  @Test
  void tagsStringsAndGeo_inEveryRepresentation() {
    List<Condition> conditions = new ArrayList<>();
    for (String a : List.of("tags", "few")) {
      String p = a.equals("tags") ? "t" : "f";
      for (TagMatch.Op op : TagMatch.Op.values()) {
        conditions.add(new TagMatch(a, op, ImmutableSet.of(p + "1", p + "2")));
        conditions.add(new TagMatch(a, op, ImmutableSet.of(p + "3", "absent")));
        conditions.add(new TagMatch(a, op, ImmutableSet.of(p + "4")));
      }
      for (Operator op : Operator.values()) {
        conditions.add(new TagCount(a, op, 2));
        conditions.add(new TagCount(a, op, 0));
      }
    }
    conditions.add(In.of("name", "name-3", "name-299", "other"));
    conditions.add(new StringMatch("name", StringMatch.Op.MATCHES, "^NAME-1[0-9]$", true));
    conditions.add(new Compare("name", Operator.GE, "name-5"));
    conditions.add(new GeoWithin("where", new GeoPoint(60.2, 25.2), 12.5));
    assertEnginesAgree(SCHEMA, conditions, customers(), CTX);
  }

  @Test
  void events_everyAggregateWindowAndFilter() {
    List<Condition> conditions = new ArrayList<>();
    List<EventWindow> windows =
        List.of(
            EventWindow.ever(),
            EventWindow.last(30, WindowUnit.DAYS),
            EventWindow.last(36, WindowUnit.HOURS),
            EventWindow.in(CalendarPeriod.THIS_MONTH),
            EventWindow.between(AS_OF.minusSeconds(86_400L * 90), AS_OF.minusNanos(1)));
    List<Condition> filters =
        List.of(
            new dev.segmentation.condition.Always(),
            new Compare("sku", Operator.EQ, "sku-1"),
            Or.of(new Compare("gift", Operator.EQ, true), new Compare("qty", Operator.GE, 3L)),
            new Not(new Compare("amount", Operator.LT, 2.5)));
    for (EventWindow w : windows) {
      for (Condition where : filters) {
        for (Aggregate a : Aggregate.values()) {
          List<String> properties =
              a == Aggregate.DISTINCT_COUNT
                  ? List.of("sku", "qty", "amount", "shipped", "gift")
                  : a.needsProperty()
                      ? List.of("qty", "amount")
                      : java.util.Collections.singletonList(null);
          for (String p : properties) {
            conditions.add(new EventCondition("buy", where, w, a, p, Operator.GE, 2L));
            conditions.add(new EventCondition("buy", where, w, a, p, Operator.LT, 2.5));
          }
        }
      }
    }
    for (EventWindow w : windows) {
      for (Condition where :
          List.of(
              new dev.segmentation.condition.Always(), new Compare("page", Operator.NE, "p1"))) {
        for (long n : new long[] {0, 1, 2, 3, 5, 20}) {
          for (Operator op : Operator.values()) {
            conditions.add(new EventCondition("visit", where, w, Aggregate.COUNT, null, op, n));
          }
        }
        conditions.add(
            new EventCondition(
                "visit", where, w, Aggregate.DAYS_SINCE_LAST, null, Operator.LE, 3L));
      }
    }
    // Sums that overflow a long continue in floating point, as in the row engine.
    conditions.add(
        new EventCondition(
            "buy", null, EventWindow.ever(), Aggregate.SUM, "qty", Operator.GT, 1e19));
    assertEnginesAgree(SCHEMA, conditions, customers(), CTX);
  }

  @Test
  void shortCircuit_operandsOnFewRows_stayExact() {
    // The first operand is FALSE for most rows, so later ones are asked about few rows (sparse
    // kernels); the OR and NOT nest junctions whose requests shrink at every level.
    Condition rare = new Compare("small", Operator.EQ, 3L);
    List<Condition> conditions =
        List.of(
            And.of(
                rare,
                new Compare("x", Operator.GT, 0.0),
                new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("t1", "t2", "t3"))),
            And.of(
                rare,
                Or.of(
                    new Compare("big", Operator.LT, 0L),
                    new Not(new Compare("name", Operator.EQ, "name-3")))),
            Or.of(new Not(rare), new Compare("seen", Operator.GT, AS_OF.minusSeconds(86_400L * 5))),
            And.of(
                new Compare("small", Operator.NE, 3L),
                new EventCondition(
                    "buy", null, EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 3L),
                new GeoWithin("where", new GeoPoint(60.2, 25.2), 20)));
    assertEnginesAgree(SCHEMA, conditions, customers(), CTX);
  }
}
