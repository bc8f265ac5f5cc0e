package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One attribute's values for every row, in primitive arrays, with a validity bitmap: bit {@code r}
 * of {@link #valid} is set when row {@code r} has a value. Rows are appended in order while the
 * table is built; {@link #freeze} then trims the arrays and narrows them to the smallest
 * representation that holds every value (ints for small integers, byte or char codes for small
 * dictionaries, one 64-bit mask per row for tag sets of at most 64 distinct tags, no nanosecond
 * array when every timestamp is a whole second). After {@code freeze} a column is immutable.
 *
 * <p>Invariant after {@code freeze}: arrays hold exactly {@code size} rows ({@code size + 1}
 * offsets), the value slot of a row without a value holds zero (code 0, false, empty set), and no
 * validity bit at or beyond {@code size} is set.
 */
abstract class Column {
  final Attribute<?> attribute;
  long[] valid = new long[1];

  Column(Attribute<?> attribute) {
    this.attribute = attribute;
  }

  final boolean isValid(int row) {
    return (valid[row >>> 6] & (1L << row)) != 0;
  }

  /** Appends row {@code row} (the next one) with a canonical value, or null for no value. */
  final void append(int row, Object canonical) {
    int words = (row >>> 6) + 1;
    if (valid.length < words) {
      valid = Arrays.copyOf(valid, Math.max(words, valid.length * 2));
    }
    ensure(row + 1);
    if (canonical != null) {
      valid[row >>> 6] |= 1L << row;
    }
    put(row, canonical);
  }

  /** Grows the value arrays to hold {@code rows} rows. */
  abstract void ensure(int rows);

  /** Stores the value of a row (null: no value; the slot must then stay zero). */
  abstract void put(int row, Object canonical);

  /** The canonical value of a row, or null (allocates: for row views and explanations). */
  abstract Object get(int row);

  /** Trims and narrows the arrays to {@code size} rows; the column is immutable afterwards. */
  void freeze(int size) {
    valid = Arrays.copyOf(valid, (size + 63) >>> 6);
  }

  /** Bytes of the arrays (and dictionaries) the column holds. */
  abstract long bytes();

  final long validBytes() {
    return 8L * valid.length;
  }

  static Column of(Attribute<?> a) {
    switch (a.type()) {
      case INTEGER:
        return new IntegerColumn(a);
      case NUMBER:
        return new NumberColumn(a);
      case BOOLEAN:
        return new BooleanColumn(a);
      case STRING:
        return new StringColumn(a);
      case DATE:
        return new DateColumn(a);
      case TIMESTAMP:
        return new TimestampColumn(a);
      case STRING_SET:
        return new TagColumn(a);
      case GEO_POINT:
        return new GeoColumn(a);
    }
    throw new AssertionError(a.type());
  }

  static int grown(int length, int needed) {
    return Math.max(needed, length + (length >> 1) + 16);
  }

  // Estimated bytes of a dictionary entry beyond its characters: the String and its array.
  static final int STRING_OVERHEAD = 56;

  static long dictionaryBytes(String[] dictionary) {
    long total = 8L * dictionary.length;
    for (String s : dictionary) {
      total += STRING_OVERHEAD + s.length();
    }
    return total;
  }

  // ------------------------------------------------------------------------ whole numbers

  /**
   * Whole numbers (integers, and dates as epoch days): {@link #ints} when every value fits an int,
   * else {@link #longs} (one is null); with the least and greatest value ({@code min > max} when
   * there is none).
   */
  abstract static class WholeNumbers extends Column {
    long[] longs = new long[0];
    int[] ints;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    WholeNumbers(Attribute<?> a) {
      super(a);
    }

    @Override
    final void ensure(int rows) {
      if (longs.length < rows) {
        longs = Arrays.copyOf(longs, grown(longs.length, rows));
      }
    }

    final void putLong(int row, long x) {
      longs[row] = x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }

    final long value(int row) {
      return ints != null ? ints[row] : longs[row];
    }

    @Override
    final void freeze(int size) {
      super.freeze(size);
      if (min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) {
        ints = new int[size];
        for (int i = 0; i < size; i++) {
          ints[i] = (int) longs[i];
        }
        longs = null;
      } else {
        longs = Arrays.copyOf(longs, size);
      }
    }

    @Override
    final long bytes() {
      return (ints != null ? 4L * ints.length : 8L * longs.length) + validBytes();
    }
  }

  static final class IntegerColumn extends WholeNumbers {
    IntegerColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void put(int row, Object v) {
      if (v != null) {
        putLong(row, (Long) v);
      }
    }

    @Override
    Object get(int row) {
      return isValid(row) ? value(row) : null;
    }
  }

  /** Dates as epoch days: ints for every date within about ±5.8 million years of 1970. */
  static final class DateColumn extends WholeNumbers {
    DateColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void put(int row, Object v) {
      if (v != null) {
        putLong(row, ((LocalDate) v).toEpochDay());
      }
    }

    @Override
    Object get(int row) {
      return isValid(row) ? LocalDate.ofEpochDay(value(row)) : null;
    }
  }

  // -------------------------------------------------------------------------------- numbers

  static final class NumberColumn extends Column {
    double[] values = new double[0];

    NumberColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void ensure(int rows) {
      if (values.length < rows) {
        values = Arrays.copyOf(values, grown(values.length, rows));
      }
    }

    @Override
    void put(int row, Object v) {
      if (v != null) {
        values[row] = (Double) v;
      }
    }

    @Override
    Object get(int row) {
      return isValid(row) ? values[row] : null;
    }

    @Override
    void freeze(int size) {
      super.freeze(size);
      values = Arrays.copyOf(values, size);
    }

    @Override
    long bytes() {
      return 8L * values.length + validBytes();
    }
  }

  // ------------------------------------------------------------------------------- booleans

  static final class BooleanColumn extends Column {
    long[] bits = new long[1];

    BooleanColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void ensure(int rows) {
      int words = (rows + 63) >>> 6;
      if (bits.length < words) {
        bits = Arrays.copyOf(bits, grown(bits.length, words));
      }
    }

    @Override
    void put(int row, Object v) {
      if (v != null && (Boolean) v) {
        bits[row >>> 6] |= 1L << row;
      }
    }

    @Override
    Object get(int row) {
      return isValid(row) ? (bits[row >>> 6] & (1L << row)) != 0 : null;
    }

    @Override
    void freeze(int size) {
      super.freeze(size);
      bits = Arrays.copyOf(bits, (size + 63) >>> 6);
    }

    @Override
    long bytes() {
      return 8L * bits.length + validBytes();
    }
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
        building[row] = code(index, entries, (String) v);
      }
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

  static int code(Map<String, Integer> index, List<String> entries, String s) {
    Integer c = index.get(s);
    if (c == null) {
      c = entries.size();
      entries.add(s);
      index.put(s, c);
    }
    return c;
  }

  // ----------------------------------------------------------------------------- timestamps

  /**
   * Instants as epoch seconds and nanoseconds; {@link #nanos} is null when every value is a whole
   * second, which lets kernels compare the seconds alone.
   */
  static final class TimestampColumn extends Column {
    long[] seconds = new long[0];
    int[] nanos;

    TimestampColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void ensure(int rows) {
      if (seconds.length < rows) {
        int n = grown(seconds.length, rows);
        seconds = Arrays.copyOf(seconds, n);
        if (nanos != null) {
          nanos = Arrays.copyOf(nanos, n);
        }
      }
    }

    @Override
    void put(int row, Object v) {
      if (v != null) {
        Instant t = (Instant) v;
        seconds[row] = t.getEpochSecond();
        if (t.getNano() != 0) {
          if (nanos == null) {
            nanos = new int[seconds.length];
          }
          nanos[row] = t.getNano();
        }
      }
    }

    int nano(int row) {
      return nanos == null ? 0 : nanos[row];
    }

    @Override
    Object get(int row) {
      return isValid(row) ? Instant.ofEpochSecond(seconds[row], nano(row)) : null;
    }

    @Override
    void freeze(int size) {
      super.freeze(size);
      seconds = Arrays.copyOf(seconds, size);
      if (nanos != null) {
        nanos = Arrays.copyOf(nanos, size);
      }
    }

    @Override
    long bytes() {
      return 8L * seconds.length + (nanos == null ? 0 : 4L * nanos.length) + validBytes();
    }
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
        if (codes.length < used + set.size()) {
          codes = Arrays.copyOf(codes, grown(codes.length, used + set.size()));
        }
        for (Object o : set) {
          codes[used++] = code(index, entries, (String) o);
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

  // ---------------------------------------------------------------------------- geo points

  static final class GeoColumn extends Column {
    double[] lat = new double[0];
    double[] lon = new double[0];

    GeoColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void ensure(int rows) {
      if (lat.length < rows) {
        int n = grown(lat.length, rows);
        lat = Arrays.copyOf(lat, n);
        lon = Arrays.copyOf(lon, n);
      }
    }

    @Override
    void put(int row, Object v) {
      if (v != null) {
        GeoPoint p = (GeoPoint) v;
        lat[row] = p.latitude();
        lon[row] = p.longitude();
      }
    }

    @Override
    Object get(int row) {
      return isValid(row) ? new GeoPoint(lat[row], lon[row]) : null;
    }

    @Override
    void freeze(int size) {
      super.freeze(size);
      lat = Arrays.copyOf(lat, size);
      lon = Arrays.copyOf(lon, size);
    }

    @Override
    long bytes() {
      return 16L * lat.length + validBytes();
    }
  }
}
