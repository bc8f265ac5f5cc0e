package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Column}s that encode values as codes into a dictionary built while the table is
 * appended: strings (byte, char or int codes by dictionary size) and tag sets (one 64-bit mask per
 * row, or code lists), with the dictionary's share of the table's size.
 */
final class DictionaryColumns {
  private DictionaryColumns() {}

  // Estimated bytes of a dictionary entry beyond its characters: the String and its array.
  static final int STRING_OVERHEAD = 56;

  private static long dictionaryBytes(String[] dictionary) {
    long total = 8L * dictionary.length;
    for (String s : dictionary) {
      total += STRING_OVERHEAD + s.length();
    }
    return total;
  }

  // -------------------------------------------------------------------------------- strings

  /**
   * Dictionary-encoded strings: a row's code indexes {@link #dictionary}. After {@code freeze}
   * exactly one of {@link #bytes} (at most 256 distinct values, unsigned), {@link #chars} (at most
   * 65,536) and {@link #ints} holds the codes.
   */
  static final class StringColumn extends Column {
    private int[] building = new int[0];
    private Map<String, Integer> index = new HashMap<>();
    private List<String> entries = new ArrayList<>();
    String[] dictionary;
    byte[] bytes;
    char[] chars;
    int[] ints;

    StringColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void ensure(int rows) {
      if (building.length < rows) {
        building = Arrays.copyOf(building, grown(building.length, rows));
      }
    }

    @Override
    void put(int row, Object v) {
      if (v != null) {
        building[row] = DictionaryColumns.code(index, entries, (String) v);
      }
    }

    /** The code of {@code s}, added to the dictionary when new. */
    int intern(String s) {
      return DictionaryColumns.code(index, entries, s);
    }

    /** Stores a code of the dictionary for row {@code row} (the row's validity is the caller's). */
    void putCode(int row, int code) {
      building[row] = code;
    }

    int code(int row) {
      return bytes != null ? bytes[row] & 0xFF : chars != null ? chars[row] : ints[row];
    }

    @Override
    Object get(int row) {
      return isValid(row) ? dictionary[code(row)] : null;
    }

    @Override
    void freeze(int size) {
      super.freeze(size);
      dictionary = entries.toArray(new String[0]);
      index = null;
      entries = null;
      if (dictionary.length <= 256) {
        bytes = new byte[size];
        for (int i = 0; i < size; i++) {
          bytes[i] = (byte) building[i];
        }
      } else if (dictionary.length <= 65_536) {
        chars = new char[size];
        for (int i = 0; i < size; i++) {
          chars[i] = (char) building[i];
        }
      } else {
        ints = Arrays.copyOf(building, size);
      }
      building = null;
    }

    @Override
    long bytes() {
      long codes =
          bytes != null ? bytes.length : chars != null ? 2L * chars.length : 4L * ints.length;
      return codes + validBytes() + dictionaryBytes(dictionary);
    }
  }

  private static int code(Map<String, Integer> index, List<String> entries, String s) {
    Integer c = index.get(s);
    if (c == null) {
      c = entries.size();
      entries.add(s);
      index.put(s, c);
    }
    return c;
  }

  // ------------------------------------------------------------------------------ tag sets

  /**
   * Tag sets. After {@code freeze}, with at most 64 distinct tags, {@link #masks} holds one bit per
   * dictionary code for every row; otherwise the codes of row {@code r} are {@code
   * codes[offsets[r]..offsets[r+1])} (a missing set has an empty range). Exactly one form is set.
   */
  static final class TagColumn extends Column {
    /** The largest dictionary stored as one 64-bit mask per row. */
    static final int MASK_TAGS = 64;

    private Map<String, Integer> index = new HashMap<>();
    private List<String> entries = new ArrayList<>();
    String[] dictionary;
    long[] masks;
    int[] offsets = new int[1];
    int[] codes = new int[0];
    private int used;
    private Object[] tags = new Object[8]; // one row's tags while it is put

    TagColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void ensure(int rows) {
      if (offsets.length < rows + 1) {
        offsets = Arrays.copyOf(offsets, grown(offsets.length, rows + 1));
      }
    }

    @Override
    void put(int row, Object v) {
      offsets[row] = used;
      if (v != null) {
        ImmutableSet<?> set = (ImmutableSet<?>) v;
        int n = set.size();
        if (codes.length < used + n) {
          codes = Arrays.copyOf(codes, grown(codes.length, used + n, row + 1, expectedRows));
        }
        tags = set.toArray(tags); // no iterator per row: the reused array, grown when too short
        for (int i = 0; i < n; i++) {
          codes[used++] = code(index, entries, (String) tags[i]);
        }
      }
      offsets[row + 1] = used;
    }

    /** The code of {@code tag}, or -1 when no row has it. */
    int codeOf(String tag) {
      for (int c = 0; c < dictionary.length; c++) {
        if (dictionary[c].equals(tag)) {
          return c;
        }
      }
      return -1;
    }

    @Override
    Object get(int row) {
      if (!isValid(row)) {
        return null;
      }
      ImmutableSet.Builder<String> b = ImmutableSet.builder();
      if (masks != null) {
        for (long m = masks[row]; m != 0; m &= m - 1) {
          b.add(dictionary[Long.numberOfTrailingZeros(m)]);
        }
      } else {
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
          b.add(dictionary[codes[i]]);
        }
      }
      return b.build();
    }

    @Override
    void freeze(int size) {
      super.freeze(size);
      dictionary = entries.toArray(new String[0]);
      index = null;
      tags = null;
      entries = null;
      if (dictionary.length <= MASK_TAGS) {
        masks = new long[size];
        for (int r = 0; r < size; r++) {
          long m = 0;
          for (int i = offsets[r]; i < offsets[r + 1]; i++) {
            m |= 1L << codes[i];
          }
          masks[r] = m;
        }
        offsets = null;
        codes = null;
      } else {
        offsets = Arrays.copyOf(offsets, size + 1);
        codes = Arrays.copyOf(codes, used);
      }
    }

    @Override
    long bytes() {
      long values = masks != null ? 8L * masks.length : 4L * offsets.length + 4L * codes.length;
      return values + validBytes() + dictionaryBytes(dictionary);
    }
  }
}
