package dev.segmentation.engine.columnar;

import dev.segmentation.internal.DoubleHashSet;
import dev.segmentation.internal.LongHashSet;
import dev.segmentation.model.GeoPoint;

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

  /** {@code lo <= x <= hi} on a long column. */
  static final class LongRange extends LeafKernel {
    private final long[] values;
    private final long lo;
    private final long hi;

    LongRange(long[] values, long[] valid, Interval i) {
      super(valid, i.negate());
      this.values = values;
      this.lo = i.lo();
      this.hi = i.hi();
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          long x = values[r0 + i];
          if (x >= lo && x <= hi) {
            bits |= 1L << i;
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          long x = values[r0 + i];
          bits |= (x >= lo && x <= hi ? 1L : 0L) << i;
        }
      }
      return bits;
    }
  }

  /**
   * {@code lo <= x <= hi} on an int column (dates as epoch days, integers that fit an int): the
   * loop of {@link LongRange} over an {@code int[]}, kept separate so that each loop stays
   * monomorphic.
   */
  static final class IntRange extends LeafKernel {
    private final int[] values;
    private final long lo;
    private final long hi;

    IntRange(int[] values, long[] valid, Interval i) {
      super(valid, i.negate());
      this.values = values;
      this.lo = i.lo();
      this.hi = i.hi();
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          long x = values[r0 + i];
          if (x >= lo && x <= hi) {
            bits |= 1L << i;
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          long x = values[r0 + i];
          bits |= (x >= lo && x <= hi ? 1L : 0L) << i;
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
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          double x = values[r0 + i];
          if (x >= lo && x <= hi) {
            bits |= 1L << i;
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          double x = values[r0 + i];
          bits |= (x >= lo && x <= hi ? 1L : 0L) << i;
        }
      }
      return bits;
    }
  }

  /** Byte dictionary codes looked up in a table of results computed once per distinct value. */
  static final class ByteCodes extends LeafKernel {
    private final byte[] codes;
    private final boolean[] truth;

    ByteCodes(byte[] codes, long[] valid, boolean[] truth) {
      super(valid, false);
      this.codes = codes;
      this.truth = truth;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          if (truth[codes[r0 + i] & 0xFF]) {
            bits |= 1L << i;
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          bits |= (truth[codes[r0 + i] & 0xFF] ? 1L : 0L) << i;
        }
      }
      return bits;
    }
  }

  /** {@link ByteCodes} for dictionaries of up to 65,536 values. */
  static final class CharCodes extends LeafKernel {
    private final char[] codes;
    private final boolean[] truth;

    CharCodes(char[] codes, long[] valid, boolean[] truth) {
      super(valid, false);
      this.codes = codes;
      this.truth = truth;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          if (truth[codes[r0 + i]]) {
            bits |= 1L << i;
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          bits |= (truth[codes[r0 + i]] ? 1L : 0L) << i;
        }
      }
      return bits;
    }
  }

  /** {@link ByteCodes} for larger dictionaries. */
  static final class IntCodes extends LeafKernel {
    private final int[] codes;
    private final boolean[] truth;

    IntCodes(int[] codes, long[] valid, boolean[] truth) {
      super(valid, false);
      this.codes = codes;
      this.truth = truth;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      for (; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        if (truth[codes[r0 + i]]) {
          bits |= 1L << i;
        }
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
    private final boolean all;

    TagMask(long[] masks, long[] valid, long wanted, boolean all, boolean negate) {
      super(valid, negate);
      this.masks = masks;
      this.wanted = wanted;
      this.all = all;
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      long want = wanted;
      long expect = all ? wanted : 0;
      // any: (mask & want) != 0, i.e. != expect with expect 0; all: (mask & want) == want.
      if (sparse(m)) {
        for (; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          if (((masks[r0 + i] & want) == expect) == all) {
            bits |= 1L << i;
          }
        }
      } else if (all) {
        for (int i = 0; i < n; i++) {
          bits |= ((masks[r0 + i] & want) == want ? 1L : 0L) << i;
        }
      } else {
        for (int i = 0; i < n; i++) {
          bits |= ((masks[r0 + i] & want) != 0 ? 1L : 0L) << i;
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
      this.lo = i.lo();
      this.hi = i.hi();
    }

    @Override
    long bits(int r0, int n, long m) {
      long bits = 0;
      for (int i = 0; i < n; i++) {
        long size = Long.bitCount(masks[r0 + i]);
        bits |= (size >= lo && size <= hi ? 1L : 0L) << i;
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
        Column.TagColumn column,
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
        boolean above = s > loSec || (s == loSec && ns >= loNano);
        boolean below = s < hiSec || (s == hiSec && ns <= hiNano);
        bits |= (above && below ? 1L : 0L) << i;
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

    GeoWithin(Column.GeoColumn column, GeoPoint center, double km) {
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

    BooleanIs(Column.BooleanColumn column, boolean whenTrue, boolean whenFalse) {
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
