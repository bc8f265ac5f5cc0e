package dev.segmentation.plan.eval;

import dev.segmentation.internal.EpochTime;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventColumns;
import java.time.Instant;
import java.util.List;

/**
 * An interval of instants with inclusive or exclusive ends, as primitives; the events an event
 * window selects for one evaluation context.
 */
final class TimeRange {
  private final long lowSec;
  private final int lowNano;
  private final boolean lowInclusive;
  private final long highSec;
  private final int highNano;
  private final boolean highInclusive;

  private TimeRange(Instant low, boolean lowInclusive, Instant high, boolean highInclusive) {
    this.lowSec = low.getEpochSecond();
    this.lowNano = low.getNano();
    this.lowInclusive = lowInclusive;
    this.highSec = high.getEpochSecond();
    this.highNano = high.getNano();
    this.highInclusive = highInclusive;
  }

  static TimeRange of(Instant low, boolean lowInclusive, Instant high, boolean highInclusive) {
    return new TimeRange(low, lowInclusive, high, highInclusive);
  }

  boolean aboveLow(Instant t) {
    int c = EpochTime.compare(t, lowSec, lowNano);
    return lowInclusive ? c >= 0 : c > 0;
  }

  boolean belowHigh(Instant t) {
    int c = EpochTime.compare(t, highSec, highNano);
    return highInclusive ? c <= 0 : c < 0;
  }

  /** As {@link #aboveLow(Instant)}, for a time in epoch milliseconds. */
  boolean aboveLow(long epochMilli) {
    int c = compareMillis(epochMilli, lowSec, lowNano);
    return lowInclusive ? c >= 0 : c > 0;
  }

  /** As {@link #belowHigh(Instant)}, for a time in epoch milliseconds. */
  boolean belowHigh(long epochMilli) {
    int c = compareMillis(epochMilli, highSec, highNano);
    return highInclusive ? c <= 0 : c < 0;
  }

  private static int compareMillis(long epochMilli, long sec, int nano) {
    return EpochTime.compare(
        Math.floorDiv(epochMilli, 1000L),
        (int) Math.floorMod(epochMilli, 1000L) * 1_000_000,
        sec,
        nano);
  }

  /** As {@link #firstIndex(List)}, over events offered by position, sorted by time. */
  int firstIndex(EventColumns events) {
    int lo = 0;
    int hi = events.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (aboveLow(events.epochMilli(mid))) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * The index of the first event at or after the range's start, by binary search over events sorted
   * by time ({@code events.size()} when none).
   */
  int firstIndex(List<Event> events) {
    int lo = 0;
    int hi = events.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (aboveLow(events.get(mid).timestamp())) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
