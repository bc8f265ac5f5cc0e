package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.AS_OF;
import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Values;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The primitive read path ({@code longValue}, {@code doubleValue}, {@code epochDayValue}, {@code
 * epochMilliValue}) gives the results of the boxed one, for every comparison kind on integer,
 * number, date and timestamp attributes, absent values and extremes included (Long.MIN and MAX, the
 * value the engine asks with; -0.0; 2^53 + 1; LocalDate.MIN and MAX; Instant.MIN and MAX and
 * instants finer than a millisecond). Three customers hold the same value: one answering every
 * primitive read from primitive fields, one whose primitive reads always answer "ask value()", and
 * a {@code SchemaCustomer} (the interface's defaults); each must give the exact result of the rule
 * ({@link Values#compareLiterals}) and the result of the explanation (the boxed path).
 */
class PrimitiveReadProperties {

  private static final long TWO_53 = 1L << 53;

  @Provide
  Arbitrary<Object> integers() {
    List<Object> edges = new ArrayList<>();
    for (long l : new long[] {0, 1, -1, 30, TWO_53, -TWO_53, Long.MAX_VALUE, Long.MIN_VALUE}) {
      for (long delta = -1; delta <= 1; delta++) {
        edges.add(l + delta);
      }
    }
    return Arbitraries.oneOf(Arbitraries.of(edges), Arbitraries.longs().map(l -> (Object) l));
  }

  @Provide
  Arbitrary<Object> numbers() {
    List<Object> edges = new ArrayList<>();
    for (double d : new double[] {0, 1, -1, 0x1p53, 0x1p53 + 2, 0x1p63, -0x1p63, 0.5}) {
      edges.add(d);
      edges.add(Math.nextUp(d));
      edges.add(Math.nextDown(d));
    }
    edges.add(-0.0);
    edges.add((double) (TWO_53 + 1)); // 2^53 + 1 is not a double: it rounds to 2^53
    edges.add(Double.MIN_VALUE);
    edges.add(Double.MAX_VALUE);
    edges.add(-Double.MAX_VALUE);
    return Arbitraries.oneOf(
        Arbitraries.of(edges),
        Arbitraries.doubles()
            .filter(d -> Double.isFinite(d))
            .map(d -> (Object) d)); // NaN and infinities are never values
  }

  @Provide
  Arbitrary<Object> dates() {
    LocalDate today = LocalDate.of(2026, 11, 22);
    List<Object> edges = new ArrayList<>();
    for (LocalDate d : new LocalDate[] {LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, today}) {
      edges.add(d);
    }
    for (int delta = -3; delta <= 3; delta++) {
      edges.add(today.plusDays(delta));
      edges.add(today.minusDays(365 + delta));
    }
    return Arbitraries.oneOf(
        Arbitraries.of(edges),
        Arbitraries.longs()
            .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
            .map(d -> (Object) LocalDate.ofEpochDay(d)));
  }

  @Provide
  Arbitrary<Object> instants() {
    List<Object> edges = new ArrayList<>();
    edges.add(Instant.MIN);
    edges.add(Instant.MAX);
    edges.add(Instant.EPOCH);
    edges.add(Instant.ofEpochSecond(Values.MAX_MILLI_SECOND, 999_000_000));
    edges.add(Instant.ofEpochSecond(Values.MAX_MILLI_SECOND + 1));
    edges.add(Instant.ofEpochSecond(-Values.MAX_MILLI_SECOND));
    edges.add(Instant.ofEpochSecond(-Values.MAX_MILLI_SECOND - 1, 999_000_000));
    for (Instant base : new Instant[] {AS_OF, AS_OF.minusSeconds(180 * 86_400L)}) {
      for (long nanos :
          new long[] {-1_000_001, -1_000_000, -999_999, -1, 0, 1, 999_999, 1_000_000}) {
        edges.add(base.plusNanos(nanos));
      }
    }
    return Arbitraries.oneOf(
        Arbitraries.of(edges),
        Arbitraries.longs()
            .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
            .map(s -> (Object) Instant.ofEpochSecond(s)),
        Arbitraries.longs()
            .between(-1L << 40, 1L << 40)
            .map(ms -> (Object) Instant.ofEpochMilli(ms)),
        Arbitraries.longs()
            .between(AS_OF.getEpochSecond() - 400 * 86_400L, AS_OF.getEpochSecond() + 86_400L)
            .flatMap(
                s ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> (Object) Instant.ofEpochSecond(s, n))));
  }

  private Arbitrary<Object> valuesOf(String attribute) {
    return switch (attribute) {
      case "age" -> integers();
      case "balance" -> numbers();
      case "birthday" -> dates();
      default -> instants();
    };
  }

  /** An attribute, a value of it or null (no value), and four literals of its type. */
  record Case(String attribute, Object value, List<Object> literals) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of("age", "balance", "birthday", "lastSeen")
        .flatMap(
            a ->
                net.jqwik.api.Combinators.combine(
                        valuesOf(a).injectNull(0.15), valuesOf(a).list().ofSize(4))
                    .as((v, literals) -> new Case(a, v, literals)));
  }

  @Property(tries = 3000)
  void compare_primitiveAndBoxedAgreeWithTheRule(@ForAll("cases") Case c, @ForAll Operator op) {
    Object literal = c.literals().get(0);
    Object value = c.value();
    Truth expected =
        value == null ? Truth.UNKNOWN : Truth.of(op.test(Values.compareLiterals(value, literal)));
    check(new Compare(c.attribute(), op, literal), c.attribute(), value, expected);
  }

  @Property(tries = 2000)
  void between_primitiveAndBoxedAgreeWithTheRule(@ForAll("cases") Case c) {
    Object a = c.literals().get(0);
    Object b = c.literals().get(1);
    Object low = Values.compareLiterals(a, b) <= 0 ? a : b;
    Object high = low == a ? b : a;
    Object value = c.value();
    Truth expected =
        value == null
            ? Truth.UNKNOWN
            : Truth.of(
                Values.compareLiterals(value, low) >= 0
                    && Values.compareLiterals(value, high) <= 0);
    check(new Between(c.attribute(), low, high), c.attribute(), value, expected);
  }

  @Property(tries = 2000)
  void in_primitiveAndBoxedAgreeWithTheRule(@ForAll("cases") Case c, @ForAll boolean member) {
    List<Object> literals = c.literals();
    // Half the time the value is one of the literals, so that equality is tested too.
    Object value = member ? literals.get(3) : c.value();
    Truth expected =
        value == null
            ? Truth.UNKNOWN
            : Truth.of(literals.stream().anyMatch(l -> Values.compareLiterals(value, l) == 0));
    check(In.of(c.attribute(), literals), c.attribute(), value, expected);
  }

  @Property(tries = 2000)
  void relativeTime_primitiveAndBoxedAgree(
      @ForAll("cases") Case c,
      @ForAll RelativeTime.Op op,
      @ForAll WindowUnit unit,
      @ForAll @net.jqwik.api.constraints.LongRange(max = 400) long amount,
      @ForAll("nudges") Long nudge) {
    boolean date = c.attribute().equals("birthday");
    if (!date && !c.attribute().equals("lastSeen") || date && unit.isTimeOfDay()) {
      return; // not temporal, or a unit rejected for dates
    }
    Object value = c.value();
    if (nudge != null) { // on the window's bound, or a step (a day, a millisecond, a nano) off it
      java.time.ZonedDateTime bound =
          AS_OF.atZone(java.time.ZoneOffset.UTC).minus(amount, unit.chronoUnit());
      value =
          date
              ? bound.toLocalDate().plusDays(Long.signum(nudge))
              : bound.toInstant().plusNanos(nudge);
    }
    check(new RelativeTime(c.attribute(), op, amount, unit), c.attribute(), value, null);
  }

  /**
   * On dates, the anniversary reads the epoch day; as of days around the end of February in common
   * and leap years (February 29 counts as February 28 in a common year), on the as-of's own month
   * and day in earlier years half the time, so that TRUE comes up too.
   */
  @Property(tries = 2000)
  void anniversary_primitiveAndBoxedAgree(
      @ForAll("cases") Case c,
      @ForAll Anniversary.Period period,
      @ForAll("anniversaryDays") LocalDate asOf,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -1, max = 60) int yearsBefore) {
    if (!c.attribute().equals("birthday") && !c.attribute().equals("lastSeen")) {
      return;
    }
    Object value = c.value();
    Truth expected = value == null ? Truth.UNKNOWN : null;
    if (yearsBefore >= 0 && value != null) {
      LocalDate day = asOf.minusYears(yearsBefore);
      if (yearsBefore % 4 == 1 && asOf.equals(LocalDate.of(2027, 2, 28))) {
        day = LocalDate.of(2024 - 4 * yearsBefore, 2, 29); // a leap day, seen from a common year
      }
      value = value instanceof LocalDate ? day : day.atTime(23, 59).toInstant(ZoneOffset.UTC);
      // minusYears takes February 29 to the 28th in a common year: not the same day
      boolean leapDay = day.getMonthValue() == 2 && day.getDayOfMonth() == 29;
      expected =
          Truth.of(
              period == Anniversary.Period.MONTH
                  || day.getDayOfMonth() == asOf.getDayOfMonth()
                  || leapDay && !asOf.isLeapYear() && asOf.getDayOfMonth() == 28);
    }
    EvaluationContext ctx = EvaluationContext.at(asOf.atTime(12, 0).toInstant(ZoneOffset.UTC));
    check(new Anniversary(c.attribute(), period), c.attribute(), value, expected, ctx);
  }

  @Provide
  Arbitrary<LocalDate> anniversaryDays() {
    return Arbitraries.of(
        LocalDate.of(2027, 2, 28),
        LocalDate.of(2027, 3, 1),
        LocalDate.of(2028, 2, 28),
        LocalDate.of(2028, 2, 29),
        LocalDate.of(2026, 11, 22),
        LocalDate.of(2026, 12, 31));
  }

  @Provide
  Arbitrary<Long> nudges() {
    return Arbitraries.of(-1_000_000L, -999_999L, -1L, 0L, 1L, 1_000_000L).injectNull(0.3);
  }

  /**
   * Every customer gives {@code expected} (when not null) and the explanation's result, the boxed
   * path.
   */
  private static void check(Condition c, String attribute, Object value, Truth expected) {
    check(c, attribute, value, expected, CTX);
  }

  private static void check(
      Condition c, String attribute, Object value, Truth expected, EvaluationContext ctx) {
    CompiledCatalog compiled = Fixtures.compile(c);
    Customer schemaCustomer = Fixtures.customer("c", attribute, value);
    Truth boxed = compiled.explain("s", schemaCustomer, ctx).result();
    if (expected != null) {
      assertThat(boxed).as("explained %s for %s", c, value).isEqualTo(expected);
    }
    for (Customer customer :
        List.of(
            schemaCustomer,
            PrimitiveCustomer.of(attribute, value, false),
            PrimitiveCustomer.of(attribute, value, true))) {
      assertThat(compiled.evaluate(0, customer, ctx))
          .as("%s for %s through %s", c, value, customer)
          .isEqualTo(boxed);
      assertThat(compiled.explain("s", customer, ctx).result()).isEqualTo(boxed);
    }
  }
}
