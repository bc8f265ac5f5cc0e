package dev.segmentation.internal;

import java.util.Collection;

/**
 * An immutable set of strings with allocation-free {@link #contains(String)} that compares the
 * cached hash code before the characters: open addressing with linear probing over a power-of-two
 * table at most half full. A final class, so a membership test is never a virtual call.
 *
 * <pre>{@code
 * StringHashSet nordic = StringHashSet.of(List.of("FI", "SE", "NO"));
 * nordic.contains("SE"); // true
 * }</pre>
 */
public final class StringHashSet {

  // Invariant: keys.length is a power of two and > 2 * size; hashes[i] is keys[i].hashCode() for
  // every occupied slot, and a free slot holds null.
  private final String[] keys;
  private final int[] hashes;
  private final int mask;
  private final int size;

  private StringHashSet(Collection<String> values) {
    int capacity = LongHashSet.capacityFor(values.size());
    String[] k = new String[capacity];
    int[] h = new int[capacity];
    int m = capacity - 1;
    int n = 0;
    for (String v : values) {
      if (v == null) {
        throw new IllegalArgumentException("a string set cannot hold null");
      }
      int hash = v.hashCode();
      int i = slot(hash, m);
      while (k[i] != null && !k[i].equals(v)) {
        i = (i + 1) & m;
      }
      if (k[i] == null) {
        k[i] = v;
        h[i] = hash;
        n++;
      }
    }
    this.keys = k;
    this.hashes = h;
    this.mask = m;
    this.size = n;
  }

  /** A set of the given strings; duplicates are ignored. The collection is not kept. */
  public static StringHashSet of(Collection<String> values) {
    return new StringHashSet(values);
  }

  private static int slot(int hash, int mask) {
    return (hash ^ (hash >>> 16)) & mask; // String hashes differ mostly in their low bits
  }

  /** Whether {@code s} is a member; {@code s} must not be null. */
  public boolean contains(String s) {
    int hash = s.hashCode();
    String[] k = keys;
    int i = slot(hash, mask);
    while (true) {
      String x = k[i];
      if (x == null) {
        return false;
      }
      if (hashes[i] == hash && x.equals(s)) {
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  /** The number of distinct members. */
  public int size() {
    return size;
  }
}
