package dev.segmentation.cli;

import java.util.Arrays;

/**
 * How many customers have each value of one score: an open-addressing table keyed by the value's
 * bits, so that counting a customer boxes nothing and walks no tree (the report's summary counts
 * every customer on the reading thread). Values are told apart as {@link Double#compare} tells them
 * apart ({@code -0.0} before {@code 0.0}, every NaN one value); {@link #values()} and {@link
 * #counts()} list them in that ascending order.
 */
final class ScoreCounts {
  private long[] keys = new long[16];
  private long[] counts = new long[16]; // 0: an empty slot (a kept value has a count of at least 1)
  private int size;

  // The ascending view, made on first use after a change.
  private double[] sortedValues;
  private long[] sortedCounts;

  /** Counts one customer with score {@code value}. */
  void add(double value) {
    long bits = Double.doubleToLongBits(value); // every NaN the same bits, as Double.compare
    int mask = keys.length - 1;
    int slot = spread(bits) & mask;
    while (counts[slot] != 0 && keys[slot] != bits) {
      slot = (slot + 1) & mask;
    }
    if (counts[slot]++ == 0) {
      keys[slot] = bits;
      if (++size * 2 > keys.length) {
        grow();
      }
    }
    sortedValues = null;
  }

  /** The number of distinct values. */
  int size() {
    return size;
  }

  /** The distinct values in ascending order (do not modify). */
  double[] values() {
    sort();
    return sortedValues;
  }

  /** The customers of each of {@link #values()}, in the same order (do not modify). */
  long[] counts() {
    sort();
    return sortedCounts;
  }

  private void sort() {
    if (sortedValues != null) {
      return;
    }
    double[] values = new double[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (counts[i] != 0) {
        values[n++] = Double.longBitsToDouble(keys[i]);
      }
    }
    Arrays.sort(values); // the order of Double.compare
    long[] c = new long[size];
    for (int i = 0; i < keys.length; i++) {
      if (counts[i] != 0) {
        // binarySearch orders as sort does, so each value is found at its own place
        c[Arrays.binarySearch(values, Double.longBitsToDouble(keys[i]))] = counts[i];
      }
    }
    sortedValues = values;
    sortedCounts = c;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] != 0) {
        int slot = spread(oldKeys[i]) & mask;
        while (counts[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  // Mixes the bits so that whole numbers (which differ only in their high bits) spread.
  private static int spread(long bits) {
    long h = bits * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
