package dev.segmentation.engine.columnar;

import dev.segmentation.internal.DoubleHashSet;
import dev.segmentation.internal.LongHashSet;
import dev.segmentation.model.GeoPoint;
import java.time.Instant;
import java.util.Arrays;

/**
 * A test of one column's present values: UNKNOWN where the row has no value, else TRUE or FALSE as
 * {@link #bits} says (inverted when {@code negate}, for {@code ne} and {@code containsNone}).
 *
 * <p>Each subclass computes predicate bits for one word of 64 rows in its own loop, so that every
 * loop is monomorphic and runs over primitive arrays: when many rows of the word are needed it
 * tests all of them without branches (the JIT's conditional moves), and when few are needed (after
 * the earlier operands of an AND made most rows FALSE) only those.
 */
abstract class LeafKernel extends Kernel {
  /** At most this many needed rows in a word: test only them instead of all 64. */
  static final int SPARSE_ROWS = 8;

  private final long[] valid;
  private final boolean negate;

  LeafKernel(long[] valid, boolean negate) {
    this.valid = valid;
    this.negate = negate;
  }

  /**
   * Predicate bits of rows {@code r0 + i}, {@code 0 <= i < n}: exact at least for the bits of
   * {@code m} (rows with a value), anything elsewhere.
   */
  abstract long bits(int r0, int n, long m);

  static boolean sparse(long m) {
    return Long.bitCount(m) <= SPARSE_ROWS;
  }

  @Override
  final void eval(int id, Scratch s, long[] need, int depth) {
    long[] t = s.t[id];
    long[] f = s.f[id];
    int base = s.first >>> 6;
    for (int w = 0; w < s.words; w++) {
      long m = need[w] & valid[base + w];
      if (m == 0) {
        continue;
      }
      long b = bits(s.first + (w << 6), s.countOf(w), m);
      if (negate) {
        b = ~b;
      }
      t[w] |= b & m;
      f[w] |= ~b & m;
    }
  }

  /** Every instant's epoch second lies within these (bounds for {@link #within} on seconds). */
  static final long SECOND_MIN = Instant.MIN.getEpochSecond();

  static final long SECOND_MAX = Instant.MAX.getEpochSecond();

  /**
   * 1 when {@code lo <= x <= hi}, else 0, without a branch: the bounds are such that neither
   * difference overflows, so their sign bits decide.
   */
  static long within(long x, long lo, long hi) {
    return (((x - lo) | (hi - x)) >>> 63) ^ 1;
  }

  /**
   * {@code lo} raised to {@code min} and at most {@code max + 1}: the same bound for [min, max].
   */
  static long clampLow(long lo, long min, long max) {
    return Math.min(Math.max(lo, min), max + 1);
  }

  /** {@code hi} lowered to {@code max} and at least {@code min - 1}. */
  static long clampHigh(long hi, long min, long max) {
    return Math.max(Math.min(hi, max), min - 1);
  }

  /**
   * {@code lo <= x <= hi} on a long column whose values lie in {@code [min, max]}; branch-free when
   * that range is narrow enough for {@link #within} (timestamps' seconds always are), with
   * comparisons otherwise.
   */
  static final class LongRange extends LeafKernel {
    private final long[] values;
    private final long lo;
    private final long hi;
    private final boolean narrow;

    LongRange(long[] values, long[] valid, Interval i, long min, long max) {
      super(valid, i.negate());
      this.values = values;
      // Narrow when min - 1, max + 1 and max - min + 1 do not overflow: then the clamped bounds
      // are safe for every value in [min, max] (missing rows hold 0; their bits are masked).
      this.narrow =
          min > max
              || (min > Long.MIN_VALUE
                  && max < Long.MAX_VALUE
                  && max - min >= 0
                  && max - min < Long.MAX_VALUE - 1);
      this.lo = narrow && min <= max ? clampLow(i.lo(), min, max) : i.lo();
      this.hi = narrow && min <= max ? clampHigh(i.hi(), min, max) : i.hi();
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (!narrow) {
        for (int i = 0; i < n; i++) {
          long x = values[r0 + i];
          bits |= ((x >= lo) & (x <= hi) ? 1L : 0L) << i;
        }
      } else if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          bits |= within(values[r0 + i], lo, hi) << i;
        }
      } else {
        for (int i = 0; i < n; i++) {
          bits |= within(values[r0 + i], lo, hi) << i;
        }
      }
      return bits;
    }
  }

  /**
   * {@code lo <= x <= hi} on an int column (dates as epoch days, integers that fit an int),
   * branch-free: the loop of {@link LongRange} over an {@code int[]}, kept separate so that each
   * loop stays monomorphic.
   */
  static final class IntRange extends LeafKernel {
    private final int[] values;
    private final long lo;
    private final long hi;

    IntRange(int[] values, long[] valid, Interval i) {
      super(valid, i.negate());
      this.values = values;
      this.lo = clampLow(i.lo(), Integer.MIN_VALUE, Integer.MAX_VALUE);
      this.hi = clampHigh(i.hi(), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          bits |= within(values[r0 + i], lo, hi) << i;
        }
      } else {
        for (int i = 0; i < n; i++) {
          bits |= within(values[r0 + i], lo, hi) << i;
        }
      }
      return bits;
    }
  }

  /** {@code lo <= x <= hi} on a double column, with the exact bounds of {@link DoubleInterval}. */
  static final class DoubleRange extends LeafKernel {
    private final double[] values;
    private final double lo;
    private final double hi;

    DoubleRange(double[] values, long[] valid, DoubleInterval i) {
      super(valid, i.negate());
      this.values = values;
      this.lo = i.lo();
      this.hi = i.hi();
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      // Non-short-circuit & keeps both comparisons as flags: no branch to mispredict.
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          double x = values[r0 + i];
          bits |= ((x >= lo) & (x <= hi) ? 1L : 0L) << i;
        }
      } else {
        for (int i = 0; i < n; i++) {
          double x = values[r0 + i];
          bits |= ((x >= lo) & (x <= hi) ? 1L : 0L) << i;
        }
      }
      return bits;
    }
  }

  /** The results of a leaf per dictionary code as 0/1 bytes, shifted into place without a test. */
  static byte[] bytesOf(boolean[] truth) {
    byte[] out = new byte[truth.length];
    for (int i = 0; i < truth.length; i++) {
      out[i] = (byte) (truth[i] ? 1 : 0);
    }
    return out;
  }

  /** Byte dictionary codes looked up in a table of results computed once per distinct value. */
  static final class ByteCodes extends LeafKernel {
    private final byte[] codes;
    private final byte[] truth;

    ByteCodes(byte[] codes, long[] valid, boolean[] truth) {
      super(valid, false);
      this.codes = codes;
      this.truth = bytesOf(Arrays.copyOf(truth, 256)); // every unsigned byte indexes it
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          bits |= (long) truth[codes[r0 + i] & 0xFF] << i;
        }
      } else {
        for (int i = 0; i < n; i++) {
          bits |= (long) truth[codes[r0 + i] & 0xFF] << i;
        }
      }
      return bits;
    }
  }

  /** {@link ByteCodes} for dictionaries of up to 65,536 values. */
  static final class CharCodes extends LeafKernel {
    private final char[] codes;
    private final byte[] truth;

    CharCodes(char[] codes, long[] valid, boolean[] truth) {
      super(valid, false);
      this.codes = codes;
      this.truth = bytesOf(Arrays.copyOf(truth, 65_536));
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          bits |= (long) truth[codes[r0 + i]] << i;
        }
      } else {
        for (int i = 0; i < n; i++) {
          bits |= (long) truth[codes[r0 + i]] << i;
        }
      }
      return bits;
    }
  }

  /** {@link ByteCodes} for larger dictionaries. */
  static final class IntCodes extends LeafKernel {
    private final int[] codes;
    private final byte[] truth;

    IntCodes(int[] codes, long[] valid, boolean[] truth) {
      super(valid, false);
      this.codes = codes;
      this.truth = bytesOf(truth);
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      // Missing rows hold code 0, a valid index; only needed rows are read.
      for (; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        bits |= (long) truth[codes[r0 + i]] << i;
      }
      return bits;
    }
  }

  /** Membership of an integer (long or int column) in a hash set. */
  static final class IntegerIn extends LeafKernel {
    private final long[] longs;
    private final int[] ints;
    private final LongHashSet set;

    IntegerIn(long[] longs, int[] ints, long[] valid, LongHashSet set) {
      super(valid, false);
      this.longs = longs;
      this.ints = ints;
      this.set = set;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      for (; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        if (set.contains(longs != null ? longs[r0 + i] : ints[r0 + i])) {
          bits |= 1L << i;
        }
      }
      return bits;
    }
  }

  /** Membership of a double in a set of doubles and longs, by exact value. */
  static final class DoubleIn extends LeafKernel {
    private final double[] values;
    private final DoubleHashSet doubles;
    private final LongHashSet longs;

    DoubleIn(double[] values, long[] valid, DoubleHashSet doubles, LongHashSet longs) {
      super(valid, false);
      this.values = values;
      this.doubles = doubles;
      this.longs = longs;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      for (; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        double x = values[r0 + i] + 0.0;
        // An integral double below 2^63 in magnitude converts to the long it equals exactly.
        if (doubles.contains(x)
            || (x == Math.rint(x) && Math.abs(x) < 0x1p63 && longs.contains((long) x))) {
          bits |= 1L << i;
        }
      }
      return bits;
    }
  }

  /**
   * Tag sets as 64-bit masks: any of the wanted tags ({@code containsNone} is its negation), or all
   * of them.
   */
  static final class TagMask extends LeafKernel {
    private final long[] masks;
    private final long wanted;
    // test(mask) is 1 when d = (mask & wanted) ^ expect is non-zero, xor flip: for any (expect 0,
    // flip 0) some wanted bit is present; for all (expect wanted, flip 1) none is absent.
    private final long flip;
    private final long expect;

    TagMask(long[] masks, long[] valid, long wanted, boolean all, boolean negate) {
      super(valid, negate);
      this.masks = masks;
      this.wanted = wanted;
      this.expect = all ? wanted : 0;
      this.flip = all ? 1 : 0;
    }

    private long test(long mask) {
      long d = (mask & wanted) ^ expect;
      return ((d | -d) >>> 63) ^ flip;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          bits |= test(masks[r0 + i]) << i;
        }
      } else {
        for (int i = 0; i < n; i++) {
          bits |= test(masks[r0 + i]) << i;
        }
      }
      return bits;
    }
  }

  /** The size of a tag set stored as a mask, within an interval. */
  static final class TagMaskSize extends LeafKernel {
    private final long[] masks;
    private final long lo;
    private final long hi;

    TagMaskSize(long[] masks, long[] valid, Interval i) {
      super(valid, i.negate());
      this.masks = masks;
      this.lo = clampLow(i.lo(), 0, 64);
      this.hi = clampHigh(i.hi(), 0, 64);
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      for (int i = 0; i < n; i++) {
        bits |= within(Long.bitCount(masks[r0 + i]), lo, hi) << i;
      }
      return bits;
    }
  }

  /**
   * Tag sets as lists of codes ({@code codes[offsets[r]..offsets[r+1])}, each code once): any or
   * all of the wanted codes, or the size within an interval.
   */
  static final class TagList extends LeafKernel {
    enum Mode {
      ANY,
      ALL,
      SIZE
    }

    private final int[] offsets;
    private final int[] codes;
    private final boolean[] wanted;
    private final int wantedCount; // for ALL: the distinct wanted tags, each of which occurs
    private final Mode mode;
    private final long lo;
    private final long hi;

    TagList(
        DictionaryColumns.TagColumn column,
        boolean[] wanted,
        int wantedCount,
        Mode mode,
        Interval size,
        boolean negate) {
      super(column.valid, negate);
      this.offsets = column.offsets;
      this.codes = column.codes;
      this.wanted = wanted;
      this.wantedCount = wantedCount;
      this.mode = mode;
      this.lo = size == null ? 0 : size.lo();
      this.hi = size == null ? 0 : size.hi();
    }

    private boolean test(int row) {
      int from = offsets[row];
      int to = offsets[row + 1];
      switch (mode) {
        case SIZE:
          return to - from >= lo && to - from <= hi;
        case ANY:
          for (int i = from; i < to; i++) {
            if (wanted[codes[i]]) {
              return true;
            }
          }
          return false;
        case ALL:
          int found = 0;
          for (int i = from; i < to; i++) {
            if (wanted[codes[i]]) {
              found++;
            }
          }
          return found == wantedCount;
      }
      throw new AssertionError(mode);
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      for (; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        if (test(r0 + i)) {
          bits |= 1L << i;
        }
      }
      return bits;
    }
  }

  /**
   * Instants as (epoch second, nano) pairs within inclusive bounds {@code [lo, hi]}; for columns
   * whose values are all whole seconds the plan uses a {@link LongRange} on the seconds instead.
   */
  static final class InstantRange extends LeafKernel {
    private final long[] seconds;
    private final int[] nanos;
    private final long loSec;
    private final int loNano;
    private final long hiSec;
    private final int hiNano;

    InstantRange(
        long[] seconds,
        int[] nanos,
        long[] valid,
        long loSec,
        int loNano,
        long hiSec,
        int hiNano,
        boolean negate) {
      super(valid, negate);
      this.seconds = seconds;
      this.nanos = nanos;
      this.loSec = loSec;
      this.loNano = loNano;
      this.hiSec = hiSec;
      this.hiNano = hiNano;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      for (int i = 0; i < n; i++) {
        long s = seconds[r0 + i];
        int ns = nanos[r0 + i];
        boolean above = (s > loSec) | ((s == loSec) & (ns >= loNano));
        boolean below = (s < hiSec) | ((s == hiSec) & (ns <= hiNano));
        bits |= (above & below ? 1L : 0L) << i;
      }
      return bits;
    }
  }

  /** Within a distance of a point, by the same haversine formula as {@link GeoPoint}. */
  static final class GeoWithin extends LeafKernel {
    private final double[] lat;
    private final double[] lon;
    private final double centerLat;
    private final double centerLon;
    private final double km;

    GeoWithin(PrimitiveColumns.GeoColumn column, GeoPoint center, double km) {
      super(column.valid, false);
      this.lat = column.lat;
      this.lon = column.lon;
      this.centerLat = center.latitude();
      this.centerLon = center.longitude();
      this.km = km;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      for (; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        if (GeoPoint.distanceKm(lat[r0 + i], lon[r0 + i], centerLat, centerLon) <= km) {
          bits |= 1L << i;
        }
      }
      return bits;
    }
  }

  /** The same result for every row with a value (UNKNOWN without): e.g. all of an absent tag. */
  static final class Valued extends Kernel {
    private final long[] valid;
    private final boolean value;

    Valued(long[] valid, boolean value) {
      this.valid = valid;
      this.value = value;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      int base = s.first >>> 6;
      long[] out = value ? s.t[id] : s.f[id];
      for (int w = 0; w < s.words; w++) {
        out[w] |= valid[base + w] & need[w];
      }
    }
  }

  /** A boolean column compared with constants: TRUE where the value is one of the wanted. */
  static final class BooleanIs extends Kernel {
    private final long[] bits;
    private final long[] valid;
    private final boolean whenTrue;
    private final boolean whenFalse;

    BooleanIs(PrimitiveColumns.BooleanColumn column, boolean whenTrue, boolean whenFalse) {
      this.bits = column.bits;
      this.valid = column.valid;
      this.whenTrue = whenTrue;
      this.whenFalse = whenFalse;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      int base = s.first >>> 6;
      long[] t = s.t[id];
      long[] f = s.f[id];
      for (int w = 0; w < s.words; w++) {
        long m = need[w] & valid[base + w];
        long b = bits[base + w];
        long match = (whenTrue ? b : 0) | (whenFalse ? ~b : 0);
        t[w] |= match & m;
        f[w] |= ~match & m;
      }
    }
  }

  /** Presence: never UNKNOWN. */
  static final class Presence extends Kernel {
    private final long[] valid;
    private final boolean present;

    Presence(long[] valid, boolean present) {
      this.valid = valid;
      this.present = present;
    }

    @Override
    void eval(int id, Scratch s, long[] need, int depth) {
      int base = s.first >>> 6;
      long[] yes = present ? s.t[id] : s.f[id];
      long[] no = present ? s.f[id] : s.t[id];
      for (int w = 0; w < s.words; w++) {
        long v = valid[base + w];
        yes[w] |= v & need[w];
        no[w] |= ~v & need[w];
      }
    }
  }
}
