package dev.segmentation.engine.columnar;

import dev.segmentation.model.Attribute;
import java.util.Arrays;

/**
 * One attribute's values for every row, in primitive arrays, with a validity bitmap: bit {@code r}
 * of {@link #valid} is set when row {@code r} has a value. Rows are appended in order while the
 * table is built; {@link #freeze} then trims the arrays and narrows them to the smallest
 * representation that holds every value (ints for small integers, byte or char codes for small
 * dictionaries, one 64-bit mask per row for tag sets of at most 64 distinct tags, no nanosecond
 * array when every timestamp is a whole second). After {@code freeze} a column is immutable.
 *
 * <p>The implementations, one per representation, are in {@link PrimitiveColumns} and {@link
 * DictionaryColumns}; {@link #of} picks one per attribute type.
 *
 * <p>Invariant after {@code freeze}: arrays hold exactly {@code size} rows ({@code size + 1}
 * offsets), the value slot of a row without a value holds zero (code 0, false, empty set), and no
 * validity bit at or beyond {@code size} is set.
 */
abstract class Column {
  final Attribute<?> attribute;
  long[] valid = new long[1];
  int expectedRows; // the rows there will be in all (reserve), or 0 when not known

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

  /** Sizes the column for {@code rows} rows in all, so that appending them copies nothing. */
  final void reserve(int rows) {
    expectedRows = Math.max(expectedRows, rows);
    int words = (rows + 63) >>> 6;
    if (valid.length < words) {
      valid = Arrays.copyOf(valid, words);
    }
    ensure(rows); // on an empty column grown(0, rows) is rows itself, for 16 rows and more
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
        return new PrimitiveColumns.IntegerColumn(a);
      case NUMBER:
        return new PrimitiveColumns.NumberColumn(a);
      case BOOLEAN:
        return new PrimitiveColumns.BooleanColumn(a);
      case STRING:
        return new DictionaryColumns.StringColumn(a);
      case DATE:
        return new PrimitiveColumns.DateColumn(a);
      case TIMESTAMP:
        return new PrimitiveColumns.TimestampColumn(a);
      case STRING_SET:
        return new DictionaryColumns.TagColumn(a);
      case GEO_POINT:
        return new PrimitiveColumns.GeoColumn(a);
    }
    throw new AssertionError(a.type());
  }

  static int grown(int length, int needed) {
    return Math.max(needed, length + (length >> 1) + 16);
  }

  /** Rows seen before a growth follows its projection to the expected rows ({@link #grown}). */
  static final int PROJECT_AFTER_ROWS = 4096;

  /*
   * The room for `needed` items (events, tags) once `rows` rows hold them: half as much again as
   * `length`, or, once PROJECT_AFTER_ROWS rows are in and `expectedRows` are expected, the items
   * per row so far times the rows expected, plus 1/32. Growing by half copied the events' arrays
   * 36 times for 34 million events, each copy a large array for the collector to move again; the
   * projection grows them once or twice. Never beyond int indexes.
   */
  static int grown(int length, int needed, int rows, int expectedRows) {
    long capacity = grown(length, needed);
    if (rows >= PROJECT_AFTER_ROWS && expectedRows > rows) {
      long projected = (long) Math.ceil((double) needed / rows * expectedRows);
      capacity = Math.max(capacity, projected + (projected >> 5));
    }
    return (int) Math.min(capacity, Integer.MAX_VALUE - 16);
  }
}
