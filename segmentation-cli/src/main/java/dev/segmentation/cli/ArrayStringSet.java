package dev.segmentation.cli;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of a few strings, in an exact array in the order first read with duplicates
 * dropped: the order, equality, hash code and text of the {@code ImmutableSet.copyOf} of the same
 * strings ({@code ArrayStringSetProperties}), built with one array and no hash table. {@code
 * contains} compares with each element in turn, which for the few tags of a customer is no slower
 * than a hash probe; the scanner uses it up to {@link #MAX_SIZE} elements and an {@code
 * ImmutableSet} above. Building an {@code ImmutableSet} of two or three strings was about a tenth
 * of the time the scanner spent on a line of the generated customers.
 */
final class ArrayStringSet extends AbstractSet<String> {
  /** The most elements the scanner keeps in this form. */
  static final int MAX_SIZE = 8;

  /**
   * The empty set, which the scanner gives for {@code []} too: the engine's calls on a customer's
   * sets then meet one class, which the JIT calls directly, rather than two or three.
   */
  static final ArrayStringSet EMPTY = new ArrayStringSet(new String[0]);

  private final String[] elements;

  private ArrayStringSet(String[] elements) {
    this.elements = elements;
  }

  /** The set of {@code strings[0..n)} (none null), in their order, each kept at its first place. */
  static ArrayStringSet of(String[] strings, int n) {
    String[] kept = new String[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      String s = strings[i];
      if (indexOf(kept, size, s) < 0) {
        kept[size++] = s;
      }
    }
    return new ArrayStringSet(size == n ? kept : Arrays.copyOf(kept, size));
  }

  // Hash codes first: a string caches its own, and the scanner's strings are shared, so most
  // elements that differ are told apart without comparing text.
  private static int indexOf(String[] a, int n, String o) {
    int h = o.hashCode();
    for (int i = 0; i < n; i++) {
      String s = a[i];
      if (s == o || s.hashCode() == h && s.equals(o)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String s && indexOf(elements, elements.length, s) >= 0;
  }

  @Override
  public int size() {
    return elements.length;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < elements.length;
      }

      @Override
      public String next() {
        if (next >= elements.length) {
          throw new NoSuchElementException();
        }
        return elements[next++];
      }
    };
  }
}
