package dev.segmentation.internal;

import java.util.Arrays;

/**
 * An immutable set of {@code long} values with constant-time, allocation-free {@link
 * #contains(long)}: open addressing with linear probing over a power-of-two table at most half
 * full. Built once from an array; used for {@code in} lists of up to hundreds of thousands of
 * numbers (and of epoch days).
 *
 * <pre>{@code
 * LongHashSet set = LongHashSet.of(new long[] {3, 5, 8});
 * set.contains(5); // true
 * }</pre>
 */
public final class LongHashSet {

  // Invariant: table.length is a power of two and > 2 * size; a slot holds a member or EMPTY.
  // The value EMPTY itself is tracked in containsEmptyValue, because it cannot mark a free slot.
  private static final long EMPTY = 0L;

  private final long[] table;
  private final int mask;
  private final int size;
  private final boolean containsEmptyValue;

  private LongHashSet(long[] values) {
    int capacity = capacityFor(values.length);
    long[] t = new long[capacity];
    int m = capacity - 1;
    int n = 0;
    boolean zero = false;
    for (long v : values) {
      if (v == EMPTY) {
        if (!zero) {
          zero = true;
          n++;
        }
        continue;
      }
      int i = slot(v, m);
      while (t[i] != EMPTY && t[i] != v) {
        i = (i + 1) & m;
      }
      if (t[i] == EMPTY) {
        t[i] = v;
        n++;
      }
    }
    this.table = t;
    this.mask = m;
    this.size = n;
    this.containsEmptyValue = zero;
  }

  /**
   * The table length for {@code size} members: the least power of two above {@code 2 * size}, at
   * least 4 (shared with {@link StringHashSet}).
   */
  static int capacityFor(int size) {
    return Integer.highestOneBit(Math.max(4, size * 2 + 1) - 1) << 1;
  }

  /** A set of the given values; duplicates are ignored. The array is not kept. */
  public static LongHashSet of(long[] values) {
    return new LongHashSet(values);
  }

  private static int slot(long v, int mask) {
    long h = v * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads sequential ids
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** Whether {@code v} is a member. */
  public boolean contains(long v) {
    if (v == EMPTY) {
      return containsEmptyValue;
    }
    int i = slot(v, mask);
    long[] t = table;
    while (true) {
      long x = t[i];
      if (x == v) {
        return true;
      }
      if (x == EMPTY) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  /** The number of distinct members. */
  public int size() {
    return size;
  }

  /** The members in ascending order (a new array). */
  public long[] toSortedArray() {
    long[] out = new long[size];
    int n = 0;
    if (containsEmptyValue) {
      out[n++] = EMPTY;
    }
    for (long x : table) {
      if (x != EMPTY) {
        out[n++] = x;
      }
    }
    Arrays.sort(out);
    return out;
  }
}
