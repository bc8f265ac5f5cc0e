package dev.segmentation.internal;

/**
 * An immutable set of finite {@code double} values with constant-time, allocation-free {@link
 * #contains(double)}. {@code -0.0} and {@code 0.0} are the same member (numbers compare by value);
 * NaN is never a member.
 *
 * <pre>{@code
 * DoubleHashSet set = DoubleHashSet.of(new double[] {0.5, 3.0});
 * set.contains(3.0); // true
 * }</pre>
 */
public final class DoubleHashSet {

  private final LongHashSet bits;

  private DoubleHashSet(double[] values) {
    long[] keys = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("NaN cannot be a member of a set of numbers");
      }
      keys[i] = key(values[i]);
    }
    this.bits = LongHashSet.of(keys);
  }

  /** A set of the given values; duplicates (and {@code -0.0} next to {@code 0.0}) collapse. */
  public static DoubleHashSet of(double[] values) {
    return new DoubleHashSet(values);
  }

  private static long key(double d) {
    return Double.doubleToRawLongBits(d + 0.0); // + 0.0 turns -0.0 into 0.0
  }

  /** Whether {@code d} is a member. */
  public boolean contains(double d) {
    return d == d && bits.contains(key(d));
  }

  /** The number of distinct members. */
  public int size() {
    return bits.size();
  }
}
