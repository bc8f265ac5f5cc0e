package dev.segmentation.engine.columnar;

import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.internal.DoubleHashSet;
import dev.segmentation.internal.LongHashSet;
import dev.segmentation.internal.NumericLiteral;

/**
 * One node of a plan bound to a table: writes the node's TRUE and FALSE bits for one chunk of rows.
 *
 * <p>Invariants of every kernel's output, for the rows {@code [first, first + rows)} of the chunk:
 * a row's bit is set in at most one of {@code t} and {@code f} (neither means UNKNOWN), and no bit
 * beyond the chunk's last row is set. Chunks start at multiples of 64, so word {@code w} of a chunk
 * is word {@code (first >>> 6) + w} of the table.
 */
abstract class Kernel {

  /** Writes the TRUE and FALSE words of this kernel into {@code s.t[id]} and {@code s.f[id]}. */
  abstract void eval(int id, Scratch s);

  /** Per-thread buffers of one evaluation: TRUE and FALSE words of every kernel for a chunk. */
  static final class Scratch {
    final long[][] t;
    final long[][] f;
    final RowView view;
    int first;
    int rows;
    int words;

    Scratch(int kernels, int chunkWords, CustomerTable table) {
      t = new long[kernels][chunkWords];
      f = new long[kernels][chunkWords];
      view = new RowView(table);
    }

    void chunk(int first, int rows) {
      this.first = first;
      this.rows = rows;
      this.words = (rows + 63) >>> 6;
    }

    /** All ones on the chunk's rows. */
    long full(int w) {
      int remaining = rows - (w << 6);
      return remaining >= 64 ? -1L : (1L << remaining) - 1;
    }
  }

  /** TRUE, FALSE or UNKNOWN for every row. */
  static final class Constant extends Kernel {
    private final Truth truth;

    Constant(Truth truth) {
      this.truth = truth;
    }

    @Override
    void eval(int id, Scratch s) {
      long[] t = s.t[id];
      long[] f = s.f[id];
      for (int w = 0; w < s.words; w++) {
        long all = s.full(w);
        t[w] = truth == Truth.TRUE ? all : 0;
        f[w] = truth == Truth.FALSE ? all : 0;
      }
    }
  }

  /** Kleene AND: T = T1 & T2 & ..., F = F1 | F2 | ... ; of nothing is TRUE. */
  static final class And extends Kernel {
    private final int[] of;

    And(int[] of) {
      this.of = of;
    }

    @Override
    void eval(int id, Scratch s) {
      long[] t = s.t[id];
      long[] f = s.f[id];
      for (int w = 0; w < s.words; w++) {
        long tw = s.full(w);
        long fw = 0;
        for (int c : of) {
          tw &= s.t[c][w];
          fw |= s.f[c][w];
        }
        t[w] = tw;
        f[w] = fw;
      }
    }
  }

  /** Kleene OR: T = T1 | T2 | ..., F = F1 & F2 & ... ; of nothing is FALSE. */
  static final class Or extends Kernel {
    private final int[] of;

    Or(int[] of) {
      this.of = of;
    }

    @Override
    void eval(int id, Scratch s) {
      long[] t = s.t[id];
      long[] f = s.f[id];
      for (int w = 0; w < s.words; w++) {
        long tw = 0;
        long fw = s.full(w);
        for (int c : of) {
          tw |= s.t[c][w];
          fw &= s.f[c][w];
        }
        t[w] = tw;
        f[w] = fw;
      }
    }
  }

  /** Kleene NOT: swaps TRUE and FALSE; UNKNOWN stays. */
  static final class Not extends Kernel {
    private final int of;

    Not(int of) {
      this.of = of;
    }

    @Override
    void eval(int id, Scratch s) {
      System.arraycopy(s.f[of], 0, s.t[id], 0, s.words);
      System.arraycopy(s.t[of], 0, s.f[id], 0, s.words);
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
    void eval(int id, Scratch s) {
      int base = s.first >>> 6;
      for (int w = 0; w < s.words; w++) {
        long v = valid[base + w];
        long absent = ~v & s.full(w);
        s.t[id][w] = present ? v : absent;
        s.f[id][w] = present ? absent : v;
      }
    }
  }

  /** Predicate bits of present values; TRUE = bits & valid, FALSE = ~bits & valid. */
  abstract static class RowPredicate extends Kernel {
    private final long[] valid;

    RowPredicate(long[] valid) {
      this.valid = valid;
    }

    /** Whether the (present) value of {@code row} satisfies the predicate. */
    abstract boolean test(int row);

    @Override
    final void eval(int id, Scratch s) {
      int base = s.first >>> 6;
      for (int w = 0; w < s.words; w++) {
        long v = valid[base + w];
        long bits = 0;
        long todo = v;
        int rowBase = s.first + (w << 6);
        while (todo != 0) {
          int bit = Long.numberOfTrailingZeros(todo);
          todo &= todo - 1;
          if (test(rowBase + bit)) {
            bits |= 1L << bit;
          }
        }
        s.t[id][w] = bits;
        s.f[id][w] = v & ~bits;
      }
    }
  }

  /** {@code lo <= x <= hi} on a long column (negated for NE), exact bounds precomputed. */
  static final class LongRange extends Kernel {
    private final long[] values;
    private final long[] valid;
    private final long lo;
    private final long hi;
    private final boolean negate;

    LongRange(long[] values, long[] valid, long lo, long hi, boolean negate) {
      this.values = values;
      this.valid = valid;
      this.lo = lo;
      this.hi = hi;
      this.negate = negate;
    }

    @Override
    void eval(int id, Scratch s) {
      int base = s.first >>> 6;
      int end = s.first + s.rows;
      long[] t = s.t[id];
      long[] f = s.f[id];
      for (int w = 0; w < s.words; w++) {
        int r0 = s.first + (w << 6);
        int n = Math.min(64, end - r0);
        long bits = 0;
        for (int i = 0; i < n; i++) {
          long x = values[r0 + i];
          bits |= (x >= lo && x <= hi ? 1L : 0L) << i;
        }
        if (negate) {
          bits = ~bits;
        }
        long v = valid[base + w];
        t[w] = bits & v;
        f[w] = ~bits & v;
      }
    }
  }

  /**
   * {@code lo <= x <= hi} on an int column (dates as epoch days): the loop of {@link LongRange}
   * over an {@code int[]}, kept separate so that each loop stays monomorphic for the JIT.
   */
  static final class IntRange extends Kernel {
    private final int[] values;
    private final long[] valid;
    private final long lo;
    private final long hi;
    private final boolean negate;

    IntRange(int[] values, long[] valid, long lo, long hi, boolean negate) {
      this.values = values;
      this.valid = valid;
      this.lo = lo;
      this.hi = hi;
      this.negate = negate;
    }

    @Override
    void eval(int id, Scratch s) {
      int base = s.first >>> 6;
      int end = s.first + s.rows;
      long[] t = s.t[id];
      long[] f = s.f[id];
      for (int w = 0; w < s.words; w++) {
        int r0 = s.first + (w << 6);
        int n = Math.min(64, end - r0);
        long bits = 0;
        for (int i = 0; i < n; i++) {
          long x = values[r0 + i];
          bits |= (x >= lo && x <= hi ? 1L : 0L) << i;
        }
        if (negate) {
          bits = ~bits;
        }
        long v = valid[base + w];
        t[w] = bits & v;
        f[w] = ~bits & v;
      }
    }
  }

  /** Membership of a long (or epoch day) in a hash set. */
  static final class LongIn extends RowPredicate {
    private final long[] longs;
    private final int[] ints;
    private final LongHashSet set;

    LongIn(long[] longs, int[] ints, long[] valid, LongHashSet set) {
      super(valid);
      this.longs = longs;
      this.ints = ints;
      this.set = set;
    }

    @Override
    boolean test(int row) {
      return set.contains(longs != null ? longs[row] : ints[row]);
    }
  }

  /** An exact comparison of a double column with a number. */
  static final class DoubleCompare extends RowPredicate {
    private final double[] values;
    private final NumericLiteral literal;
    private final Operator op;

    DoubleCompare(double[] values, long[] valid, NumericLiteral literal, Operator op) {
      super(valid);
      this.values = values;
      this.literal = literal;
      this.op = op;
    }

    @Override
    boolean test(int row) {
      return op.test(literal.compareWith(values[row]));
    }
  }

  /** {@code low <= x <= high} on a double column, exactly. */
  static final class DoubleBetween extends RowPredicate {
    private final double[] values;
    private final NumericLiteral low;
    private final NumericLiteral high;

    DoubleBetween(double[] values, long[] valid, NumericLiteral low, NumericLiteral high) {
      super(valid);
      this.values = values;
      this.low = low;
      this.high = high;
    }

    @Override
    boolean test(int row) {
      double x = values[row];
      return low.compareWith(x) >= 0 && high.compareWith(x) <= 0;
    }
  }

  /** Membership of a double in a set of doubles and longs, by exact value. */
  static final class DoubleIn extends RowPredicate {
    private final double[] values;
    private final DoubleHashSet doubles;
    private final LongHashSet longs;

    DoubleIn(double[] values, long[] valid, DoubleHashSet doubles, LongHashSet longs) {
      super(valid);
      this.values = values;
      this.doubles = doubles;
      this.longs = longs;
    }

    @Override
    boolean test(int row) {
      double x = values[row] + 0.0;
      if (doubles.contains(x)) {
        return true;
      }
      // An integral double below 2^63 in magnitude converts to the long it equals exactly.
      return x == Math.rint(x) && Math.abs(x) < 0x1p63 && longs.contains((long) x);
    }
  }

  /** A boolean column compared with a constant: EQ/NE/IN over {true, false}. */
  static final class BooleanIs extends Kernel {
    private final long[] bits;
    private final long[] valid;
    private final boolean whenTrue;
    private final boolean whenFalse;

    BooleanIs(long[] bits, long[] valid, boolean whenTrue, boolean whenFalse) {
      this.bits = bits;
      this.valid = valid;
      this.whenTrue = whenTrue;
      this.whenFalse = whenFalse;
    }

    @Override
    void eval(int id, Scratch s) {
      int base = s.first >>> 6;
      for (int w = 0; w < s.words; w++) {
        long v = valid[base + w];
        long b = bits[base + w];
        long match = (whenTrue ? b : 0) | (whenFalse ? ~b : 0);
        s.t[id][w] = match & v;
        s.f[id][w] = ~match & v;
      }
    }
  }

  /** A dictionary column looked up in a table of results computed once per distinct value. */
  static final class CodeLookup extends Kernel {
    private final int[] codes;
    private final long[] valid;
    private final boolean[] trueByCode;

    CodeLookup(int[] codes, long[] valid, boolean[] trueByCode) {
      this.codes = codes;
      this.valid = valid;
      this.trueByCode = trueByCode;
    }

    @Override
    void eval(int id, Scratch s) {
      int base = s.first >>> 6;
      int end = s.first + s.rows;
      for (int w = 0; w < s.words; w++) {
        int r0 = s.first + (w << 6);
        int n = Math.min(64, end - r0);
        long v = valid[base + w];
        long bits = 0;
        for (int i = 0; i < n; i++) {
          // Missing rows hold code 0, which is a valid index; the validity mask drops them.
          bits |= (trueByCode[codes[r0 + i]] ? 1L : 0L) << i;
        }
        s.t[id][w] = bits & v;
        s.f[id][w] = ~bits & v;
      }
    }
  }

  /** Tag set tests over compressed rows: any / all / none of the wanted codes, or a size test. */
  static final class Tags extends RowPredicate {
    enum Mode {
      ANY,
      ALL,
      NONE,
      SIZE
    }

    private final int[] offsets;
    private final int[] codes;
    private final boolean[] wanted;
    private final int wantedPresent; // wanted values that occur in the dictionary
    private final int wantedTotal;
    private final Mode mode;
    private final Operator op;
    private final long count;

    Tags(
        CustomerTable.TagColumn column,
        boolean[] wanted,
        int wantedPresent,
        int wantedTotal,
        Mode mode,
        Operator op,
        long count) {
      super(column.valid);
      this.offsets = column.offsets;
      this.codes = column.codes;
      this.wanted = wanted;
      this.wantedPresent = wantedPresent;
      this.wantedTotal = wantedTotal;
      this.mode = mode;
      this.op = op;
      this.count = count;
    }

    @Override
    boolean test(int row) {
      int from = offsets[row];
      int to = offsets[row + 1];
      switch (mode) {
        case SIZE:
          return op.test(Long.compare(to - from, count));
        case ANY:
        case NONE:
          {
            boolean any = false;
            for (int i = from; i < to && !any; i++) {
              any = wanted[codes[i]];
            }
            return mode == Mode.ANY ? any : !any;
          }
        case ALL:
          {
            if (wantedPresent < wantedTotal) {
              return false; // some wanted value occurs in no row at all
            }
            int found = 0;
            for (int i = from; i < to; i++) {
              if (wanted[codes[i]]) {
                found++; // a set holds each value once
              }
            }
            return found == wantedTotal;
          }
      }
      throw new AssertionError(mode);
    }
  }

  /** Any condition, row by row through the row engine: exact for every kind, slower. */
  static final class RowByRow extends Kernel {
    private final CompiledCatalog leaf;
    private final EvaluationContext ctx;

    RowByRow(CompiledCatalog leaf, EvaluationContext ctx) {
      this.leaf = leaf;
      this.ctx = ctx;
    }

    @Override
    void eval(int id, Scratch s) {
      for (int w = 0; w < s.words; w++) {
        int r0 = s.first + (w << 6);
        int n = Math.min(64, s.first + s.rows - r0);
        long t = 0;
        long f = 0;
        for (int i = 0; i < n; i++) {
          s.view.row = r0 + i;
          Truth truth = leaf.evaluate(0, s.view, ctx);
          if (truth == Truth.TRUE) {
            t |= 1L << i;
          } else if (truth == Truth.FALSE) {
            f |= 1L << i;
          }
        }
        s.t[id][w] = t;
        s.f[id][w] = f;
      }
    }
  }

  /** A score or tier of the catalog, row by row through the row engine's catalog. */
  static final class CatalogValue extends Kernel {
    private final CompiledCatalog catalog;
    private final EvaluationContext ctx;
    private final String name;
    private final NumericLiteral scoreLiteral; // null for a tier test
    private final Operator op;
    private final String tier;

    CatalogValue(
        CompiledCatalog catalog,
        EvaluationContext ctx,
        String name,
        NumericLiteral scoreLiteral,
        Operator op,
        String tier) {
      this.catalog = catalog;
      this.ctx = ctx;
      this.name = name;
      this.scoreLiteral = scoreLiteral;
      this.op = op;
      this.tier = tier;
    }

    @Override
    void eval(int id, Scratch s) {
      for (int w = 0; w < s.words; w++) {
        int r0 = s.first + (w << 6);
        int n = Math.min(64, s.first + s.rows - r0);
        long t = 0;
        long f = 0;
        for (int i = 0; i < n; i++) {
          s.view.row = r0 + i;
          Truth truth;
          if (scoreLiteral != null) {
            truth = Truth.of(op.test(scoreLiteral.compareWith(catalog.score(name, s.view, ctx))));
          } else {
            String actual = catalog.tier(name, s.view, ctx);
            truth = actual == null ? Truth.UNKNOWN : Truth.of(actual.equals(tier));
          }
          if (truth == Truth.TRUE) {
            t |= 1L << i;
          } else if (truth == Truth.FALSE) {
            f |= 1L << i;
          }
        }
        s.t[id][w] = t;
        s.f[id][w] = f;
      }
    }
  }

  /** A score compared with a number, from the score's rule nodes (never UNKNOWN). */
  static final class ScoreCompare extends Kernel {
    private final ScorePlan plan;
    private final NumericLiteral literal;
    private final Operator op;

    ScoreCompare(ScorePlan plan, NumericLiteral literal, Operator op) {
      this.plan = plan;
      this.literal = literal;
      this.op = op;
    }

    @Override
    void eval(int id, Scratch s) {
      for (int w = 0; w < s.words; w++) {
        int n = Math.min(64, s.rows - (w << 6));
        long t = 0;
        for (int i = 0; i < n; i++) {
          if (op.test(literal.compareWith(plan.score(s.t, w, i)))) {
            t |= 1L << i;
          }
        }
        s.t[id][w] = t;
        s.f[id][w] = ~t & s.full(w);
      }
    }
  }

  /** A tiering's tier is a given one, from the tiers' nodes (never UNKNOWN). */
  static final class TierIs extends Kernel {
    private final TierPlan plan;
    private final int wanted;

    TierIs(TierPlan plan, int wanted) {
      this.plan = plan;
      this.wanted = wanted;
    }

    @Override
    void eval(int id, Scratch s) {
      for (int w = 0; w < s.words; w++) {
        int n = Math.min(64, s.rows - (w << 6));
        long t = 0;
        for (int i = 0; i < n; i++) {
          if (plan.tier(s.t, w, i) == wanted) {
            t |= 1L << i;
          }
        }
        s.t[id][w] = t;
        s.f[id][w] = ~t & s.full(w);
      }
    }
  }

  /**
   * A range of instants on a timestamp column, compared as (epoch second, nano) pairs; each end may
   * be open, inclusive or exclusive; negated for NE.
   */
  static final class InstantRange extends RowPredicate {
    private final long[] seconds;
    private final int[] nanos;
    private final java.time.Instant low; // null: no lower end
    private final boolean lowInclusive;
    private final java.time.Instant high; // null: no upper end
    private final boolean highInclusive;
    private final boolean negate;

    InstantRange(
        CustomerTable.TimestampColumn column,
        java.time.Instant low,
        boolean lowInclusive,
        java.time.Instant high,
        boolean highInclusive,
        boolean negate) {
      super(column.valid);
      this.seconds = column.seconds;
      this.nanos = column.nanos;
      this.low = low;
      this.lowInclusive = lowInclusive;
      this.high = high;
      this.highInclusive = highInclusive;
      this.negate = negate;
    }

    private static int compare(long s, int n, java.time.Instant t) {
      int c = Long.compare(s, t.getEpochSecond());
      return c != 0 ? c : Integer.compare(n, t.getNano());
    }

    @Override
    boolean test(int row) {
      long s = seconds[row];
      int n = nanos[row];
      boolean in = true;
      if (low != null) {
        int c = compare(s, n, low);
        in = lowInclusive ? c >= 0 : c > 0;
      }
      if (in && high != null) {
        int c = compare(s, n, high);
        in = highInclusive ? c <= 0 : c < 0;
      }
      return in != negate;
    }
  }
}
