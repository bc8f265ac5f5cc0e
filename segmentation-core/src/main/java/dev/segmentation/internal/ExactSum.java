package dev.segmentation.internal;

/**
 * The exact sum of longs and finite doubles, rounded once: so that a sum does not depend on the
 * order of its terms (floating-point addition is not associative: {@code 98.66 + 173.68 + 27.66} is
 * {@code 300.00000000000006} left to right, {@code 27.66 + 98.66 + 173.68} is {@code 300.0}).
 *
 * <pre>{@code
 * ExactSum sum = new ExactSum();
 * sum.add(98.66); sum.add(173.68); sum.add(27.66);
 * sum.doubleValue(); // 300.0, the exact sum rounded to the nearest double, in every order
 * }</pre>
 *
 * <p>Longs are added into a 128-bit integer. Doubles are added into a fixed-point number of 72
 * 32-bit digits whose lowest bit is {@code 2^-1074} (the smallest subnormal), so that every finite
 * double is an integer multiple of it and every addition is exact (a Kulisch accumulator; each
 * addition touches three digits, carries are propagated lazily). {@link #doubleValue()} rounds the
 * total once, to the nearest double, ties to even; a total beyond {@code Double.MAX_VALUE} rounds
 * to an infinity as IEEE addition would. Adding allocates nothing; an instance holds two arrays of
 * 72 longs and is reused through {@link #reset()}. Not thread-safe: one per thread or worker.
 */
public final class ExactSum {
  private static final int DIGITS = 72; // 2,304 bits: 2,098 for doubles, the rest for carries
  private static final long MASK = 0xFFFF_FFFFL;
  private static final int ONE = 1074; // the bit position of 2^0
  private static final int PENDING_LIMIT = 1 << 30; // additions before carries must propagate

  private final long[] digits = new long[DIGITS]; // signed, not normalized: the value is the sum
  private final long[] work = new long[DIGITS]; // zero between calls of doubleValue
  private int lowest = DIGITS; // digits outside [lowest, highest] are zero
  private int highest = -1;
  private int pending;
  private long intLo; // the longs' sum, a 128-bit two's complement integer
  private long intHi;
  private boolean anyDouble;
  private boolean inUse;

  private static final ThreadLocal<ExactSum> PER_THREAD = ThreadLocal.withInitial(ExactSum::new);

  /**
   * This thread's instance, reset, for one sum; {@link #release()} it when done (a nested use while
   * it is held gets a new instance). Allocates nothing after a thread's first call.
   */
  public static ExactSum acquire() {
    ExactSum s = PER_THREAD.get();
    if (s.inUse) {
      s = new ExactSum();
    }
    s.inUse = true;
    s.reset();
    return s;
  }

  /** Ends the use begun by {@link #acquire()}. */
  public void release() {
    inUse = false;
  }

  /** Makes the sum 0 again. */
  public void reset() {
    clear(digits, lowest, highest);
    lowest = DIGITS;
    highest = -1;
    pending = 0;
    intLo = 0;
    intHi = 0;
    anyDouble = false;
  }

  /** Adds a long, exactly. */
  public void add(long x) {
    long lo = intLo + x;
    long carry = Long.compareUnsigned(lo, intLo) < 0 ? 1 : 0; // out of the unsigned low word
    intHi += (x >> 63) + carry;
    intLo = lo;
  }

  /** Adds a finite double, exactly. */
  public void add(double x) {
    assert Double.isFinite(x) : x;
    anyDouble = true;
    long bits = Double.doubleToRawLongBits(x);
    int exponent = (int) (bits >>> 52) & 0x7FF;
    long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
    if (exponent != 0) {
      mantissa |= 1L << 52;
      exponent--; // the lowest bit's position: 2^(exponent - 1075) is bit exponent - 1
    } else if (mantissa == 0) {
      return; // +-0
    }
    int d = add(digits, mantissa, exponent, bits < 0);
    lowest = Math.min(lowest, d);
    highest = Math.max(highest, d + 2);
    if (++pending == PENDING_LIMIT) {
      propagate(digits, lowest, DIGITS - 1);
      highest = DIGITS - 1;
      pending = 0;
    }
  }

  // Adds or subtracts m * 2^position (0 <= m < 2^53) into three digits of `to`; returns the
  // lowest of them.
  private static int add(long[] to, long m, int position, boolean negative) {
    int d = position >>> 5;
    int s = position & 31;
    long d0;
    long d1;
    long d2;
    if (s == 0) {
      d0 = m & MASK;
      d1 = m >>> 32;
      d2 = 0;
    } else {
      d0 = (m << s) & MASK;
      d1 = (m >>> (32 - s)) & MASK;
      d2 = m >>> (64 - s);
    }
    if (negative) {
      to[d] -= d0;
      to[d + 1] -= d1;
      to[d + 2] -= d2;
    } else {
      to[d] += d0;
      to[d + 1] += d1;
      to[d + 2] += d2;
    }
    return d;
  }

  // Carries from digit `from` up to `to`, leaving digits below `to` in [0, 2^32) and the signed
  // rest in digit `to`; the value is unchanged.
  private static void propagate(long[] w, int from, int to) {
    long carry = 0;
    for (int i = from; i < to; i++) {
      long v = w[i] + carry;
      w[i] = v & MASK;
      carry = v >> 32;
    }
    w[to] += carry;
  }

  /** Whether the sum is of longs only and fits a long (then {@link #longValue()} is exact). */
  public boolean isLong() {
    return !anyDouble && intHi == (intLo >> 63);
  }

  /** The sum, when {@link #isLong()}. */
  public long longValue() {
    assert isLong();
    return intLo;
  }

  /** The exact sum rounded to the nearest double (ties to even); 0.0 for no terms. */
  public double doubleValue() {
    if (isLong()) {
      return (double) intLo; // correctly rounded by the language
    }
    int lo = lowest;
    int hi = highest;
    long[] w = work;
    if (hi >= lo) {
      System.arraycopy(digits, lo, w, lo, hi - lo + 1);
    }
    if (intLo != 0 || intHi != 0) { // the longs, as four 32-bit pieces at 2^0, 2^32, ...
      long top = intHi >> 32;
      lo = Math.min(lo, add(w, intLo & MASK, ONE, false));
      add(w, intLo >>> 32, ONE + 32, false);
      add(w, intHi & MASK, ONE + 64, false);
      hi = Math.max(hi, add(w, Math.abs(top), ONE + 96, top < 0) + 2);
    }
    if (hi < lo) {
      return 0.0; // only zeros were added
    }
    hi = Math.min(DIGITS - 1, hi + 2); // room for the carries of at most 2^30 additions
    try {
      propagate(w, lo, hi);
      boolean negative = w[hi] < 0;
      if (negative) {
        for (int i = lo; i <= hi; i++) {
          w[i] = -w[i];
        }
        propagate(w, lo, hi);
      }
      double magnitude = round(w, lo, hi);
      return negative ? -magnitude : magnitude;
    } finally {
      clear(w, lo, hi);
    }
  }

  // Zeroes a[from..to] (nothing when to < from) in a loop of its own, not Arrays.fill: a few
  // digits, cleared once or twice per sum (an event condition's SUM or AVG per customer), where
  // the library call's overhead was 5% of the CLI's parse threads.
  private static void clear(long[] a, int from, int to) {
    for (int i = from; i <= to; i++) {
      a[i] = 0;
    }
  }

  // The non-negative integer N in normalized digits w[lo..hi], times 2^-1074, rounded to a double.
  private static double round(long[] w, int lo, int hi) {
    int t = hi;
    while (t >= lo && w[t] == 0) {
      t--;
    }
    if (t < lo) {
      return 0.0;
    }
    int top = t * 32 + 63 - Long.numberOfLeadingZeros(w[t]); // the position of N's highest bit
    if (top < 53) { // N < 2^53: exact, and below 2^-1021 (subnormal or the least normals)
      return Math.scalb((double) (digit(w, 0) | digit(w, 1) << 32), -ONE);
    }
    int low = top - 63; // the 64 bits [low, low + 64) hold N's highest bit as their bit 63
    // What follows has no branch that depends on the value of N beyond its size: a branch the JIT
    // never saw taken while profiling is compiled as a trap, and the first sum that took it threw
    // away the compiled code of every evaluation this was inlined into (six deoptimizations in
    // one CLI run over 1,000,000 customers, when the rare case was a tie or a low bit set).
    long x;
    long below; // N's bits under the 64 taken: not 0 when any is set
    if (low <= 0) {
      x = (digit(w, 0) | digit(w, 1) << 32) << -low;
      below = 0;
    } else {
      int d = low >>> 5;
      int s = low & 31;
      x =
          s == 0
              ? digit(w, d) | digit(w, d + 1) << 32
              : digit(w, d) >>> s | digit(w, d + 1) << (32 - s) | digit(w, d + 2) << (64 - s);
      below = digit(w, d) & ((1L << s) - 1);
      // From lo, or from d - 1 when lo is above it (w is 0 outside [lo, hi]): at least one pass.
      for (int i = Math.max(0, Math.min(lo, d - 1)); i < d; i++) {
        below |= w[i];
      }
    }
    long mantissa = x >>> 11; // 53 bits, the highest set
    long rest = x & 0x7FF; // the next 11 bits: above half, half (a tie) or below
    long sticky = (below | -below) >>> 63;
    long aboveHalf = (0x400 - rest) >>> 63;
    long half = ((rest ^ 0x400) - 1) >>> 63;
    mantissa += aboveHalf | (half & (sticky | (mantissa & 1))); // to nearest, ties to even
    // Exact unless beyond Double.MAX_VALUE, which gives an infinity as IEEE rounding does.
    return Math.scalb((double) mantissa, low + 11 - ONE);
  }

  private static long digit(long[] w, int i) {
    return i < DIGITS ? w[i] : 0;
  }
}
