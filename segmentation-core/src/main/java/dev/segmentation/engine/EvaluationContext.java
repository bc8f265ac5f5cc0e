package dev.segmentation.engine;

import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.WindowUnit;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The instant and zone an evaluation happens at. Evaluation never reads the system clock: every
 * time-relative condition ("in the last 90 days", "this month") is relative to {@link #asOf()}, and
 * calendar windows use {@link #zone()}.
 *
 * <pre>{@code
 * EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));
 * EvaluationContext live = EvaluationContext.of(clock); // reads the injected clock once, now
 * }</pre>
 *
 * Immutable and thread-safe. Calendar period bounds are computed once at construction, so engines
 * read them without allocating.
 */
public final class EvaluationContext {

  /**
   * The earliest {@code asOf}: years 1 to 9999 are what SQL databases hold, and calendar windows
   * around any instant in that range are representable.
   */
  public static final Instant MIN_AS_OF = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest {@code asOf}. */
  public static final Instant MAX_AS_OF = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private final Instant asOf;
  private final ZoneId zone;
  private final LocalDate asOfDate;
  private final long[] periodStartDay = new long[CalendarPeriod.values().length];
  private final long[] periodEndDay = new long[CalendarPeriod.values().length];
  private final Instant[] periodStart = new Instant[CalendarPeriod.values().length];
  private final Instant[] periodEnd = new Instant[CalendarPeriod.values().length];

  private EvaluationContext(Instant asOf, ZoneId zone) {
    if (asOf == null) {
      throw new IllegalArgumentException("asOf must not be null");
    }
    if (zone == null) {
      throw new IllegalArgumentException("zone must not be null");
    }
    if (asOf.isBefore(MIN_AS_OF) || asOf.isAfter(MAX_AS_OF)) {
      throw new IllegalArgumentException(
          "asOf " + asOf + " is outside the supported range " + MIN_AS_OF + " to " + MAX_AS_OF);
    }
    this.asOf = asOf;
    this.zone = zone;
    this.asOfDate = LocalDate.ofInstant(asOf, zone);
    for (CalendarPeriod p : CalendarPeriod.values()) {
      LocalDate start = start(p, asOfDate);
      LocalDate end = end(p, start);
      periodStartDay[p.ordinal()] = start.toEpochDay();
      periodEndDay[p.ordinal()] = end.toEpochDay();
      periodStart[p.ordinal()] = start.atStartOfDay(zone).toInstant();
      periodEnd[p.ordinal()] = end.atStartOfDay(zone).toInstant();
    }
  }

  /**
   * Evaluation at {@code asOf} in UTC.
   *
   * @throws IllegalArgumentException when {@code asOf} is before {@link #MIN_AS_OF} or after {@link
   *     #MAX_AS_OF}
   */
  public static EvaluationContext at(Instant asOf) {
    return new EvaluationContext(asOf, ZoneOffset.UTC);
  }

  /** Evaluation at {@code asOf} with calendar windows in {@code zone}. */
  public static EvaluationContext at(Instant asOf, ZoneId zone) {
    return new EvaluationContext(asOf, zone);
  }

  /** Evaluation at the clock's current instant, in the clock's zone. */
  public static EvaluationContext of(Clock clock) {
    if (clock == null) {
      throw new IllegalArgumentException("clock must not be null");
    }
    return new EvaluationContext(clock.instant(), clock.getZone());
  }

  /** Evaluation now, by the system clock, in UTC. */
  public static EvaluationContext now() {
    return of(Clock.systemUTC());
  }

  /** The same instant with calendar windows in another zone. */
  public EvaluationContext withZone(ZoneId newZone) {
    return new EvaluationContext(asOf, newZone);
  }

  public Instant asOf() {
    return asOf;
  }

  public ZoneId zone() {
    return zone;
  }

  /** {@code asOf} as a date in the zone. */
  public LocalDate asOfDate() {
    return asOfDate;
  }

  /** First day of the period, as an epoch day (inclusive). */
  public long periodStartDay(CalendarPeriod period) {
    return periodStartDay[period.ordinal()];
  }

  /** Day after the last day of the period, as an epoch day (exclusive). */
  public long periodEndDay(CalendarPeriod period) {
    return periodEndDay[period.ordinal()];
  }

  /** Start of the period's first day in the zone (inclusive). */
  public Instant periodStart(CalendarPeriod period) {
    return periodStart[period.ordinal()];
  }

  /** Start of the day after the period in the zone (exclusive). */
  public Instant periodEnd(CalendarPeriod period) {
    return periodEnd[period.ordinal()];
  }

  /** An epoch day before every date: what {@link #minusDays} gives beyond the time line. */
  public static final long BEFORE_ALL_DAYS = Long.MIN_VALUE / 2;

  /**
   * {@code asOf} minus {@code amount} units: fixed durations for minutes to weeks, calendar
   * arithmetic in the zone for months and years; {@link Instant#MIN} when that leaves the time line
   * (amounts are at most {@code RelativeTime.MAX_AMOUNT}, but that many years do), a bound before
   * every instant. Every engine and the SQL backend take their bounds from here.
   */
  public Instant minus(long amount, WindowUnit unit) {
    try {
      return switch (unit) {
        // Whole seconds: Duration.multipliedBy goes through BigDecimal, a hot spot for the live
        // tracker, which binds bounds for many instants.
        case MINUTES, HOURS, DAYS, WEEKS ->
            asOf.minusSeconds(
                Math.multiplyExact(amount, unit.chronoUnit().getDuration().getSeconds()));
        case MONTHS -> ZonedDateTime.ofInstant(asOf, zone).minusMonths(amount).toInstant();
        case YEARS -> ZonedDateTime.ofInstant(asOf, zone).minusYears(amount).toInstant();
      };
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MIN;
    }
  }

  /**
   * {@link #asOfDate()} minus {@code amount} units (days or longer), as an epoch day; {@link
   * #BEFORE_ALL_DAYS} when that leaves the time line.
   *
   * @throws IllegalArgumentException for minutes or hours
   */
  public long minusDays(long amount, WindowUnit unit) {
    try {
      return switch (unit) {
        case DAYS -> asOfDate.minusDays(amount).toEpochDay();
        case WEEKS -> asOfDate.minusWeeks(amount).toEpochDay();
        case MONTHS -> asOfDate.minusMonths(amount).toEpochDay();
        case YEARS -> asOfDate.minusYears(amount).toEpochDay();
        case MINUTES, HOURS ->
            throw new IllegalArgumentException(unit.externalName() + " do not apply to dates");
      };
    } catch (DateTimeException | ArithmeticException e) {
      return BEFORE_ALL_DAYS;
    }
  }

  /**
   * The instants an event window selects in this context: never after {@code asOf}.
   *
   * @param low the start
   * @param lowInclusive whether the start itself is in the range
   * @param high the end
   * @param highInclusive whether the end itself is in the range
   */
  public record Range(Instant low, boolean lowInclusive, Instant high, boolean highInclusive) {}

  /** The range of {@code window} in this context. */
  public Range range(EventWindow window) {
    if (window instanceof EventWindow.Last last) {
      return new Range(minus(last.amount(), last.unit()), false, asOf, true);
    }
    if (window instanceof EventWindow.Between between) {
      return between.to().isAfter(asOf)
          ? new Range(between.from(), true, asOf, true)
          : new Range(between.from(), true, between.to(), false);
    }
    if (window instanceof EventWindow.InCalendar cal) {
      Instant end = periodEnd(cal.period());
      return end.isAfter(asOf)
          ? new Range(periodStart(cal.period()), true, asOf, true)
          : new Range(periodStart(cal.period()), true, end, false);
    }
    return new Range(Instant.MIN, true, asOf, true);
  }

  private static LocalDate start(CalendarPeriod p, LocalDate d) {
    switch (p) {
      case TODAY:
        return d;
      case YESTERDAY:
        return d.minusDays(1);
      case THIS_WEEK:
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case LAST_WEEK:
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
      case THIS_MONTH:
        return d.withDayOfMonth(1);
      case LAST_MONTH:
        return d.withDayOfMonth(1).minusMonths(1);
      case THIS_QUARTER:
        return quarterStart(d);
      case LAST_QUARTER:
        return quarterStart(d).minusMonths(3);
      case THIS_YEAR:
        return d.withDayOfYear(1);
      case LAST_YEAR:
        return d.withDayOfYear(1).minusYears(1);
    }
    throw new AssertionError(p);
  }

  private static LocalDate end(CalendarPeriod p, LocalDate start) {
    switch (p) {
      case TODAY:
      case YESTERDAY:
        return start.plusDays(1);
      case THIS_WEEK:
      case LAST_WEEK:
        return start.plusWeeks(1);
      case THIS_MONTH:
      case LAST_MONTH:
        return start.plusMonths(1);
      case THIS_QUARTER:
      case LAST_QUARTER:
        return start.plusMonths(3);
      case THIS_YEAR:
      case LAST_YEAR:
        return start.plusYears(1);
    }
    throw new AssertionError(p);
  }

  private static LocalDate quarterStart(LocalDate d) {
    int firstMonth = ((d.getMonthValue() - 1) / 3) * 3 + 1;
    return LocalDate.of(d.getYear(), firstMonth, 1);
  }

  @Override
  public String toString() {
    return "asOf " + asOf + " in " + zone;
  }
}
