package dev.segmentation.internal;

import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * The time bounds of relative conditions and event windows for one evaluation context, computed the
 * same way by every engine (so that they agree on the instant "90 days before asOf" and on which
 * events a window holds).
 */
public final class TimeBounds {
  private TimeBounds() {}

  /** An epoch day before every date: what a day bound beyond the time line becomes. */
  public static final long BEFORE_ALL_DAYS = Long.MIN_VALUE / 2;

  /**
   * {@code asOf - amount units}; {@link Instant#MIN} when that leaves the time line (amounts are at
   * most {@code RelativeTime.MAX_AMOUNT}, but that many years do): such a bound is before every
   * instant.
   */
  public static Instant minus(EvaluationContext ctx, long amount, WindowUnit unit) {
    try {
      return ctx.minus(amount, unit);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MIN;
    }
  }

  /** {@code asOfDate - amount units} as an epoch day; {@link #BEFORE_ALL_DAYS} off the line. */
  public static long minusDays(EvaluationContext ctx, long amount, WindowUnit unit) {
    try {
      return ctx.minusDays(amount, unit);
    } catch (DateTimeException | ArithmeticException e) {
      return BEFORE_ALL_DAYS;
    }
  }

  /**
   * The instants an event window selects: never after {@code asOf}.
   *
   * @param low the start
   * @param lowInclusive whether the start itself is in the range
   * @param high the end
   * @param highInclusive whether the end itself is in the range
   */
  public record Range(Instant low, boolean lowInclusive, Instant high, boolean highInclusive) {}

  /** The range of {@code window} for {@code ctx}. */
  public static Range window(EvaluationContext ctx, EventWindow window) {
    Instant asOf = ctx.asOf();
    if (window instanceof EventWindow.Last last) {
      return new Range(minus(ctx, last.amount(), last.unit()), false, asOf, true);
    }
    if (window instanceof EventWindow.Between between) {
      return between.to().isAfter(asOf)
          ? new Range(between.from(), true, asOf, true)
          : new Range(between.from(), true, between.to(), false);
    }
    if (window instanceof EventWindow.InCalendar cal) {
      Instant end = ctx.periodEnd(cal.period());
      return end.isAfter(asOf)
          ? new Range(ctx.periodStart(cal.period()), true, asOf, true)
          : new Range(ctx.periodStart(cal.period()), true, end, false);
    }
    return new Range(Instant.MIN, true, asOf, true);
  }
}
