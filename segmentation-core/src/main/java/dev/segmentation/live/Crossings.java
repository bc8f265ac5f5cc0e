package dev.segmentation.live;

import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The instants at which a time bound that moves with {@code asOf} crosses a fixed value. Every
 * bound is computed by the same code the engines use ({@link EvaluationContext#minus}, {@link
 * EvaluationContext}), evaluated at candidate instants, so that the crossing found is the one the
 * engines see, to the nanosecond.
 */
final class Crossings {
  private Crossings() {}

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /**
   * The earliest {@code a > after} with {@code a - amount units >= t} (so that {@code t} has left
   * "the last amount units" and is "more than amount units ago"), or null when that never happens
   * up to {@link EvaluationContext#MAX_AS_OF}.
   *
   * <p>For minutes to weeks that is {@code t + amount units}. For months and years (calendar
   * arithmetic in the zone, with clamping to the month's last day) it is found by binary search,
   * first over seconds, then over nanoseconds, which is exact because {@code a - amount units}
   * never decreases as {@code a} grows.
   */
  static Instant firstAtLeast(Instant t, long amount, WindowUnit unit, ZoneId zone, Instant after) {
    if (unit != WindowUnit.MONTHS && unit != WindowUnit.YEARS) {
      try {
        // Whole seconds (no Duration.multipliedBy, which goes through BigDecimal): the same
        // instant the engines' asOf - amount units compares with, exactly.
        long seconds = Math.multiplyExact(amount, unit.chronoUnit().getDuration().getSeconds());
        Instant a = t.plusSeconds(seconds);
        return a.isAfter(after) ? a : null;
      } catch (DateTimeException | ArithmeticException e) {
        return null; // beyond the time line: never
      }
    }
    if (crossed(after, t, amount, unit, zone)) {
      return null;
    }
    Instant max = EvaluationContext.MAX_AS_OF;
    if (!crossed(max, t, amount, unit, zone)) {
      return null;
    }
    // Smallest second s whose last nanosecond has crossed.
    long lo = after.getEpochSecond();
    long hi = max.getEpochSecond();
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (crossed(Instant.ofEpochSecond(mid, NANOS_PER_SECOND - 1), t, amount, unit, zone)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    long second = lo;
    long loNano = second == after.getEpochSecond() ? after.getNano() + 1L : 0L;
    long hiNano = NANOS_PER_SECOND - 1;
    while (loNano < hiNano) {
      long mid = (loNano + hiNano) >>> 1;
      if (crossed(Instant.ofEpochSecond(second, mid), t, amount, unit, zone)) {
        hiNano = mid;
      } else {
        loNano = mid + 1;
      }
    }
    return Instant.ofEpochSecond(second, loNano);
  }

  // Whether asOf = a puts asOf - amount units at or after t, as the engines compute the bound.
  private static boolean crossed(Instant a, Instant t, long amount, WindowUnit unit, ZoneId zone) {
    return !EvaluationContext.at(a, zone).minus(amount, unit).isBefore(t);
  }

  /**
   * The start, in the zone, of the earliest date {@code D} with {@code D - amount units >= d}, as
   * the engines compute date bounds ({@code asOfDate - amount units}); null when beyond {@link
   * EvaluationContext#MAX_AS_OF}.
   */
  static Instant firstDateAtLeast(LocalDate d, long amount, WindowUnit unit, ZoneId zone) {
    LocalDate date;
    try {
      // d + amount units is a lower bound: D - amount units >= d implies D >= d + amount units.
      date = d.plus(amount, unit.chronoUnit());
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
    // No evaluation happens on an earlier date than asOf = MIN_AS_OF's.
    LocalDate first = LocalDate.ofInstant(EvaluationContext.MIN_AS_OF, zone);
    if (date.isBefore(first)) {
      date = first;
    }
    // Clamping (January 31 + 1 month = February 28) can leave the lower bound a few days short.
    for (int i = 0; i < 8; i++, date = date.plusDays(1)) {
      Instant start = startOf(date, zone);
      if (start == null) {
        return null;
      }
      Instant at =
          start.isBefore(EvaluationContext.MIN_AS_OF) ? EvaluationContext.MIN_AS_OF : start;
      if (EvaluationContext.at(at, zone).minusDays(amount, unit) >= d.toEpochDay()) {
        return start;
      }
    }
    throw new AssertionError("no crossing within a week of " + date + " for " + d);
  }

  /**
   * The first instant of {@code date} in the zone (perhaps before {@code MIN_AS_OF}), or null when
   * after {@code MAX_AS_OF}.
   */
  static Instant startOf(LocalDate date, ZoneId zone) {
    if (date.isAfter(LocalDate.ofInstant(EvaluationContext.MAX_AS_OF, zone))) {
      return null;
    }
    return date.atStartOfDay(zone).toInstant();
  }

  /** The "this" period whose rollover moves {@code period}: YESTERDAY moves with TODAY. */
  static CalendarPeriod rolling(CalendarPeriod period) {
    return switch (period) {
      case TODAY, YESTERDAY -> CalendarPeriod.TODAY;
      case THIS_WEEK, LAST_WEEK -> CalendarPeriod.THIS_WEEK;
      case THIS_MONTH, LAST_MONTH -> CalendarPeriod.THIS_MONTH;
      case THIS_QUARTER, LAST_QUARTER -> CalendarPeriod.THIS_QUARTER;
      case THIS_YEAR, LAST_YEAR -> CalendarPeriod.THIS_YEAR;
    };
  }
}
