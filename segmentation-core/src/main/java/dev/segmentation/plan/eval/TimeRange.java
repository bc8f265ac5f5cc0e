package dev.segmentation.plan.eval;

import dev.segmentation.internal.EpochTime;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventColumns;
import dev.segmentation.model.ValueSource;
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
  // The first and last whole milliseconds inside the range (Long.MIN_VALUE / MAX_VALUE when the
  // range reaches beyond what milliseconds in a long can say; MAX_VALUE / MIN_VALUE when it holds
  // none of them): times given in milliseconds are compared with these alone.
  private final long lowMilli;
  private final long highMilli;

  private TimeRange(Instant low, boolean lowInclusive, Instant high, boolean highInclusive) {
    this.lowSec = low.getEpochSecond();
    this.lowNano = low.getNano();
    this.lowInclusive = lowInclusive;
    this.highSec = high.getEpochSecond();
    this.highNano = high.getNano();
    this.highInclusive = highInclusive;
    // A millisecond m is above low when m >= low (inclusive) or m > low: the least such m is low
    // rounded up (inclusive), or low rounded down plus one. Below high likewise, mirrored. A bound
    // beyond the milliseconds a long holds admits every one of them, or none.
    int lowPart = lowNano / 1_000_000;
    int highPart = highNano / 1_000_000;
    boolean lowExact = lowNano % 1_000_000 == 0;
    boolean highExact = highNano % 1_000_000 == 0;
    long least = Long.MIN_VALUE;
    long greatest = Long.MAX_VALUE;
    boolean empty = false;
    try {
      least = milli(lowSec, lowInclusive && lowExact ? lowPart : lowPart + 1);
    } catch (ArithmeticException e) {
      empty = lowSec > 0; // else low is before every millisecond
    }
    try {
      greatest = milli(highSec, highInclusive || !highExact ? highPart : highPart - 1);
    } catch (ArithmeticException e) {
      empty |= highSec < 0; // else high is after every millisecond
    }
    this.lowMilli = empty ? Long.MAX_VALUE : least; // no m is >= MAX and <= MIN at once
    this.highMilli = empty ? Long.MIN_VALUE : greatest;
  }

  // sec * 1000 + part (part in [-1, 1000]), exactly: throws only when that is beyond a long (for a
  // negative sec, sec * 1000 alone may be beyond it while the sum is not).
  private static long milli(long sec, int part) {
    return sec < 0
        ? Math.addExact(Math.multiplyExact(sec + 1, 1000L), part - 1000)
        : Math.addExact(Math.multiplyExact(sec, 1000L), part);
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
    return epochMilli >= lowMilli;
  }

  /** As {@link #belowHigh(Instant)}, for a time in epoch milliseconds. */
  boolean belowHigh(long epochMilli) {
    return epochMilli <= highMilli;
  }

  /**
   * The index of the first event inside the range, of {@code columns} when not null, else of {@code
   * events}: where a scan of the range starts ({@link #event}).
   */
  int firstIndex(EventColumns columns, List<Event> events) {
    return columns != null ? firstIndex(columns) : firstIndex(events);
  }

  /**
   * Event {@code i} (of {@code columns} when not null, else of {@code events}) when it is before
   * the range's end, else null: where a scan of the range stops. From the columns, the one
   * re-pointed object they answer with; no {@link Event} is made.
   */
  ValueSource event(EventColumns columns, List<Event> events, int i) {
    if (columns != null) {
      return belowHigh(columns.epochMilli(i)) ? columns.properties(i) : null;
    }
    Event e = events.get(i);
    return belowHigh(e.timestamp()) ? e : null;
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
