package dev.segmentation.live;

import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.function.LongPredicate;

/**
 * The instants at which a time bound that moves with {@code asOf} crosses a fixed value. Every
 * bound is computed by the same code the engines use ({@link EvaluationContext#minus}, {@link
 * EvaluationContext}), evaluated at candidate instants, so that the crossing found is the one the
 * engines see, to the nanosecond.
 */
final class Crossings {
  private Crossings() {}

  /**
   * Offers to {@code out} every instant after {@code out.after()} at which {@code asOf - amount
   * units >= t} can change its value (so that {@code t} leaves "the last amount units" and becomes
   * "more than amount units ago", or, for months and years, comes back), as the engines compute the
   * bound ({@link EvaluationContext#minus}); sometimes instants at which it stays the same.
   *
   * <p>For minutes to weeks that is {@code t + amount units}, once. For months and years the bound
   * is calendar arithmetic on {@code asOf}'s date and time in the zone, with clamping to the
   * month's last day, and it is not monotonic: with {@code t} on November 30 at 16:00, {@code asOf
   * - 2 months} passes {@code t} on January 30 at 16:00, falls back to November 30 00:00 when
   * January 31 starts (January 31 - 2 months is clamped to November 30), passes {@code t} again at
   * 16:00, and stays past it from February 1. So the bound at the end of each day and at the start
   * of each day are what only grow: the days from the first whose end has crossed to the first
   * whose start has crossed (at most a few) are searched one by one, and each of them in pieces
   * between the zone's offset changes, within which the bound grows with {@code asOf}.
   */
  static void offerChanges(Instant t, long amount, WindowUnit unit, ZoneId zone, Earliest out) {
    Instant after = out.after();
    if (unit != WindowUnit.MONTHS && unit != WindowUnit.YEARS) {
      try {
        // Whole seconds (no Duration.multipliedBy, which goes through BigDecimal): the same
        // instant the engines' asOf - amount units compares with, exactly.
        long seconds = Math.multiplyExact(amount, unit.chronoUnit().getDuration().getSeconds());
        out.offer(t.plusSeconds(seconds));
      } catch (DateTimeException | ArithmeticException e) {
        // beyond the time line: never
      }
      return;
    }
    long firstDay = LocalDate.ofInstant(after, zone).toEpochDay();
    long lastDay = LocalDate.ofInstant(EvaluationContext.MAX_AS_OF, zone).toEpochDay();
    // The first day whose end has crossed, and the first whose start has: both only grow.
    long endCrossed =
        firstDay(firstDay, lastDay, d -> crossed(dayEnd(d, zone), t, amount, unit, zone));
    if (endCrossed > lastDay) {
      return; // never crosses
    }
    long startCrossed =
        firstDay(endCrossed, lastDay, d -> crossed(dayStart(d, zone), t, amount, unit, zone));
    for (long d = endCrossed; d <= Math.min(startCrossed, lastDay); d++) {
      Instant from = dayStart(d, zone);
      if (d == startCrossed) {
        if (d == endCrossed) {
          out.offer(from); // crosses as the day starts
        }
        break; // from here on the bound stays past t
      }
      if (d > endCrossed) {
        out.offer(from); // the day's start takes the bound back before t (clamping)
      }
      Instant end = dayEnd(d, zone);
      // Within a day the bound grows with asOf, except where the zone's offset falls back.
      while (true) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(from);
        Instant to =
            next != null && !next.getInstant().isAfter(end) ? next.getInstant().minusNanos(1) : end;
        if (!crossed(from, t, amount, unit, zone) && crossed(to, t, amount, unit, zone)) {
          out.offer(firstCrossed(from, to, t, amount, unit, zone));
        }
        if (to.equals(end)) {
          break;
        }
        from = to.plusNanos(1);
        out.offer(from);
      }
    }
  }

  /** The first day in {@code [lo, hi]} for which {@code test} holds, or {@code hi + 1}. */
  private static long firstDay(long lo, long hi, LongPredicate test) {
    if (test.test(lo)) {
      return lo; // the common case for a value long past: no search
    }
    if (!test.test(hi)) {
      return hi + 1;
    }
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (test.test(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The first instant of epoch day {@code day} in the zone, no earlier than MIN_AS_OF. */
  private static Instant dayStart(long day, ZoneId zone) {
    Instant start = LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
    return start.isBefore(EvaluationContext.MIN_AS_OF) ? EvaluationContext.MIN_AS_OF : start;
  }

  /** The last instant of epoch day {@code day} in the zone, no later than MAX_AS_OF. */
  private static Instant dayEnd(long day, ZoneId zone) {
    LocalDate next = LocalDate.ofEpochDay(day).plusDays(1);
    if (next.isAfter(LocalDate.ofInstant(EvaluationContext.MAX_AS_OF, zone))) {
      return EvaluationContext.MAX_AS_OF;
    }
    return next.atStartOfDay(zone).toInstant().minusNanos(1);
  }

  /** The first instant in {@code (from, to]} that has crossed, given that {@code to} has. */
  private static Instant firstCrossed(
      Instant from, Instant to, Instant t, long amount, WindowUnit unit, ZoneId zone) {
    long lo = 1;
    long hi = Duration.between(from, to).toNanos();
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      if (crossed(from.plusNanos(mid), t, amount, unit, zone)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return from.plusNanos(lo);
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
