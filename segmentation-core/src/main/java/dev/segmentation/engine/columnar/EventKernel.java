package dev.segmentation.engine.columnar;

import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.internal.ExactSum;
import dev.segmentation.internal.NumericLiteral;
import java.time.Instant;
import java.util.Arrays;

/**
 * An event condition over an event type's columns: for each needed customer, the events in the
 * window (a binary search on the sorted times, then a scan) that the filter holds for, the
 * aggregate, and its comparison; with the row engine's arithmetic, so that both engines agree to
 * the bit (sums are exact and rounded once, {@link ExactSum}, in the worker's {@link Scratch}).
 *
 * <p>The filter ({@code where}) arrives evaluated for every event, as TRUE words over the event
 * index, computed by the same columnar kernels over the event type's property columns.
 */
final class EventKernel extends Kernel {
  private final int[] offsets;
  private final long[] seconds;
  private final int[] nanos; // null: every event at a whole second
  // The window as inclusive bounds; with no nanos, the seconds alone (loNano, hiNano unused).
  private final long loSec;
  private final int loNano;
  private final long hiSec;
  private final int hiNano;
  private final long[] where; // TRUE words of the filter over events; null: every event
  private final Aggregate aggregate;
  private final Column property; // null when the aggregate reads none
  private final Operator op;
  private final NumericLiteral value;
  private final Interval interval; // the whole numbers the comparison holds for
  private final long asOfSec;
  private final int asOfNano;
  // For the COUNT path over whole seconds: the window's and the count's bounds clamped for
  // LeafKernel.within (seconds to the range of Instant, counts to that of an int).
  private final long countLoSec;
  private final long countHiSec;
  private final long countLo;
  private final long countHi;

  EventKernel(
      EventColumns events,
      InstantInterval window,
      long[] where,
      Aggregate aggregate,
      Column property,
      Operator op,
      Number value,
      Instant asOf) {
    this.offsets = events.offsets;
    this.seconds = events.seconds;
    this.nanos = events.nanos;
    this.loSec = nanos == null ? window.seconds(false).lo() : window.loSec();
    this.loNano = window.loNano();
    this.hiSec = window.hiSec();
    this.hiNano = window.hiNano();
    this.where = where;
    this.aggregate = aggregate;
    this.property = property;
    this.op = op;
    this.value = NumericLiteral.of(value);
    this.interval = Interval.of(op, value);
    this.asOfSec = asOf.getEpochSecond();
    this.asOfNano = asOf.getNano();
    this.countLoSec = LeafKernel.clampLow(loSec, LeafKernel.SECOND_MIN, LeafKernel.SECOND_MAX);
    this.countHiSec = LeafKernel.clampHigh(hiSec, LeafKernel.SECOND_MIN, LeafKernel.SECOND_MAX);
    this.countLo = LeafKernel.clampLow(interval.lo(), 0, Integer.MAX_VALUE);
    this.countHi = LeafKernel.clampHigh(interval.hi(), 0, Integer.MAX_VALUE);
  }

  private boolean atOrAfterLow(int e) {
    long s = seconds[e];
    return nanos == null ? s >= loSec : s > loSec || (s == loSec && nanos[e] >= loNano);
  }

  private boolean atOrBeforeHigh(int e) {
    long s = seconds[e];
    return nanos == null ? s <= hiSec : s < hiSec || (s == hiSec && nanos[e] <= hiNano);
  }

  private boolean selected(int e) {
    return where == null || (where[e >>> 6] & (1L << e)) != 0;
  }

  /** The first event of {@code [from, to)} at or after the window's start. */
  private int start(int from, int to) {
    if (to - from <= 8) {
      while (from < to && !atOrAfterLow(from)) {
        from++;
      }
      return from;
    }
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (atOrAfterLow(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Override
  void eval(int id, Scratch s, long[] need, int depth) {
    if (aggregate == Aggregate.COUNT && nanos == null) {
      countInSeconds(id, s, need);
      return;
    }
    for (int w = 0; w < s.words; w++) {
      for (long m = need[w]; m != 0; m &= m - 1) {
        int i = (w << 6) + Long.numberOfTrailingZeros(m);
        set(s, id, i, row(s.first + i, s));
      }
    }
  }

  /**
   * COUNT over whole-second events, the common behavioral rule ("3 purchases in 90 days"): each
   * needed row's events are counted without a branch (a customer's few events are cheaper to scan
   * than to search), and the count is compared with the literal's interval; never UNKNOWN.
   */
  private void countInSeconds(int id, Scratch s, long[] need) {
    long lo = countLoSec;
    long hi = countHiSec;
    long cLo = countLo;
    long cHi = countHi;
    long[] t = s.t[id];
    long[] f = s.f[id];
    for (int w = 0; w < s.words; w++) {
      long m = need[w];
      if (m == 0) {
        continue;
      }
      int r0 = s.first + (w << 6);
      long bits = 0;
      for (long todo = m; todo != 0; todo &= todo - 1) {
        int i = Long.numberOfTrailingZeros(todo);
        int e = offsets[r0 + i];
        int end = offsets[r0 + i + 1];
        long count;
        if (end - e > 16) {
          count = count(start(e, end), end);
        } else {
          count = 0;
          for (; e < end; e++) {
            long selected = where == null ? 1 : (where[e >>> 6] >>> e) & 1;
            count += LeafKernel.within(seconds[e], lo, hi) & selected;
          }
        }
        bits |= LeafKernel.within(count, cLo, cHi) << i;
      }
      if (interval.negate()) {
        bits = ~bits;
      }
      t[w] |= bits & m;
      f[w] |= ~bits & m;
    }
  }

  private long count(int e, int end) {
    long count = 0;
    for (; e < end && atOrBeforeHigh(e); e++) {
      if (selected(e)) {
        count++;
      }
    }
    return count;
  }

  private Truth row(int row, Scratch s) {
    int end = offsets[row + 1];
    int e = start(offsets[row], end);
    switch (aggregate) {
      case COUNT:
        return Truth.of(interval.contains(count(e, end)));
      case DAYS_SINCE_FIRST:
      case DAYS_SINCE_LAST:
        {
          int found = -1;
          for (; e < end && atOrBeforeHigh(e); e++) {
            if (selected(e)) {
              found = e;
              if (aggregate == Aggregate.DAYS_SINCE_FIRST) {
                break;
              }
            }
          }
          if (found < 0) {
            return Truth.UNKNOWN;
          }
          long elapsed = asOfSec - seconds[found];
          if (nanos != null && asOfNano < nanos[found]) {
            elapsed--; // the partial second does not complete
          }
          return Truth.of(interval.contains(Math.floorDiv(elapsed, 86_400L)));
        }
      case DISTINCT_COUNT:
        return distinct(e, end, s);
      default:
        return numeric(e, end, s.sum);
    }
  }

  // SUM, AVG, MIN and MAX of a numeric property: as the row engine's EventNode computes them.
  private Truth numeric(int e, int end, ExactSum sum) {
    PrimitiveColumns.IntegerColumn integers =
        property instanceof PrimitiveColumns.IntegerColumn
            ? (PrimitiveColumns.IntegerColumn) property
            : null;
    double[] doubles = integers == null ? ((PrimitiveColumns.NumberColumn) property).values : null;
    long[] valid = property.valid;
    long values = 0;
    sum.reset();
    long minLong = 0;
    long maxLong = 0;
    double minDouble = 0;
    double maxDouble = 0;
    for (; e < end && atOrBeforeHigh(e); e++) {
      if (!selected(e) || (valid[e >>> 6] & (1L << e)) == 0) {
        continue;
      }
      if (integers != null) {
        long x = integers.value(e);
        sum.add(x);
        minLong = values == 0 || x < minLong ? x : minLong;
        maxLong = values == 0 || x > maxLong ? x : maxLong;
      } else {
        double x = doubles[e];
        sum.add(x);
        minDouble = values == 0 || x < minDouble ? x : minDouble;
        maxDouble = values == 0 || x > maxDouble ? x : maxDouble;
      }
      values++;
    }
    switch (aggregate) {
      case SUM:
        return sum.isLong()
            ? Truth.of(interval.contains(sum.longValue()))
            : compare(sum.doubleValue());
      case AVG:
        if (values == 0) {
          return Truth.UNKNOWN;
        }
        return compare(sum.doubleValue() / values);
      case MIN:
        return values == 0
            ? Truth.UNKNOWN
            : integers != null ? Truth.of(interval.contains(minLong)) : compare(minDouble);
      case MAX:
        return values == 0
            ? Truth.UNKNOWN
            : integers != null ? Truth.of(interval.contains(maxLong)) : compare(maxDouble);
      default:
        throw new AssertionError(aggregate);
    }
  }

  private Truth compare(double x) {
    return Truth.of(op.test(value.compareWith(x)));
  }

  // The number of distinct present values of the property: their keys, sorted, counted.
  private Truth distinct(int e, int end, Scratch s) {
    long[] keys = s.keys;
    int n = 0;
    long[] valid = property.valid;
    for (; e < end && atOrBeforeHigh(e); e++) {
      if (!selected(e) || (valid[e >>> 6] & (1L << e)) == 0) {
        continue;
      }
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        s.keys = keys;
      }
      keys[n++] = key(e);
    }
    Arrays.sort(keys, 0, n);
    long count = n == 0 ? 0 : 1;
    for (int i = 1; i < n; i++) {
      if (keys[i] != keys[i - 1]) {
        count++;
      }
    }
    return Truth.of(interval.contains(count));
  }

  /** Whether distinct counts of {@code column}'s values have a key here (else row by row). */
  static boolean hasDistinctKey(Column column) {
    return column instanceof DictionaryColumns.StringColumn
        || column instanceof PrimitiveColumns.IntegerColumn
        || column instanceof PrimitiveColumns.NumberColumn
        || column instanceof PrimitiveColumns.DateColumn
        || column instanceof PrimitiveColumns.BooleanColumn;
  }

  // Equal keys exactly for equal values: dictionary codes, longs, days, bits, and doubles by their
  // bits after +0.0 (so that -0.0 and 0.0 count once, as in the row engine).
  private long key(int e) {
    if (property instanceof DictionaryColumns.StringColumn c) {
      return c.code(e);
    }
    if (property instanceof PrimitiveColumns.WholeNumbers c) { // integers, and dates as epoch days
      return c.value(e);
    }
    if (property instanceof PrimitiveColumns.NumberColumn c) {
      return Double.doubleToLongBits(c.values[e] + 0.0);
    }
    PrimitiveColumns.BooleanColumn c = (PrimitiveColumns.BooleanColumn) property;
    return (c.bits[e >>> 6] >>> e) & 1;
  }
}
