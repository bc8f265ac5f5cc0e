package dev.segmentation.plan.eval;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.internal.EpochTime;
import java.time.zone.ZoneRules;

/**
 * The time bounds of one evaluation context, computed once per context (see {@link TimePlan}) so
 * that evaluating a customer does not allocate: instants as epoch seconds and nanos, dates as epoch
 * days. Immutable.
 */
final class Bounds {
  final EvaluationContext ctx;
  final long asOfSec;
  final int asOfNano;
  // In epoch milliseconds rounded down (EpochTime.epochMilliFloor), for values read in them.
  final long asOfMilliFloor;
  final long asOfDay;
  final int asOfMonth;
  final int asOfDayOfMonth;
  final boolean asOfLeapYear;
  final ZoneRules rules;
  private final long[] instantSec;
  private final int[] instantNano;
  private final long[] instantMilliFloor;
  private final long[] day;
  private final TimeRange[] ranges;

  Bounds(
      EvaluationContext ctx, long[] instantSec, int[] instantNano, long[] day, TimeRange[] ranges) {
    this.ctx = ctx;
    this.asOfSec = ctx.asOf().getEpochSecond();
    this.asOfNano = ctx.asOf().getNano();
    this.asOfDay = ctx.asOfDate().toEpochDay();
    this.asOfMonth = ctx.asOfDate().getMonthValue();
    this.asOfDayOfMonth = ctx.asOfDate().getDayOfMonth();
    this.asOfLeapYear = ctx.asOfDate().isLeapYear();
    this.rules = ctx.zone().getRules();
    this.instantSec = instantSec;
    this.instantNano = instantNano;
    this.asOfMilliFloor = EpochTime.epochMilliFloor(asOfSec, asOfNano);
    this.instantMilliFloor = new long[instantSec.length];
    for (int i = 0; i < instantSec.length; i++) {
      instantMilliFloor[i] = EpochTime.epochMilliFloor(instantSec[i], instantNano[i]);
    }
    this.day = day;
    this.ranges = ranges;
  }

  long instantSec(int slot) {
    return instantSec[slot];
  }

  /** The bound of {@code slot} in epoch milliseconds, rounded down. */
  long instantMilliFloor(int slot) {
    return instantMilliFloor[slot];
  }

  int instantNano(int slot) {
    return instantNano[slot];
  }

  long day(int slot) {
    return day[slot];
  }

  TimeRange range(int slot) {
    return ranges[slot];
  }
}
