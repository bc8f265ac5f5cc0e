package dev.segmentation.engine.columnar;

import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Values;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

/**
 * The typed column setters shared by {@link TableColumns} (attributes, one value per customer) and
 * {@link TableColumns.Events} (event properties, one value per event). Each setter checks its whole
 * column (length, type, every value's range) and copies it into the table's form at once; an {@code
 * absent} bit set marks a row without a value (null: every row has one). The caller's arrays are
 * never kept.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class ColumnValues<B extends ColumnValues<B>> {
  private static final long MIN_DAY = LocalDate.MIN.toEpochDay();
  private static final long MAX_DAY = LocalDate.MAX.toEpochDay();

  /** The declared attribute (or property) called {@code name}, or null. */
  ColumnValues() {} // the two kinds of column sets of this package only

  abstract Attribute<?> declared(String name);

  /** How errors name the column {@code name}: {@code column "age"}. */
  abstract String describe(String name);

  /** The number of values each column holds. */
  abstract int length();

  /** Keeps a filled column (frozen when the table is built); a column given twice is an error. */
  abstract void put(Attribute<?> attribute, Column column);

  abstract B self();

  /**
   * Whole numbers of an integer attribute.
   *
   * @throws IllegalArgumentException naming the column when it is not an integer attribute, or the
   *     array's length or {@code absent} does not fit the rows
   */
  public B longs(String name, long[] values, BitSet absent) {
    Attribute<?> a =
        attribute(name, AttributeType.INTEGER, "longs", values == null ? -1 : values.length);
    PrimitiveColumns.IntegerColumn c = new PrimitiveColumns.IntegerColumn(a);
    fill(c, name, absent);
    for (int r = 0; r < values.length; r++) {
      if (c.isValid(r)) {
        c.putLong(r, values[r]);
      }
    }
    return done(a, c);
  }

  /**
   * Dates of a date attribute as epoch days ({@code LocalDate.toEpochDay()}), each within {@code
   * LocalDate.MIN} and {@code LocalDate.MAX}.
   */
  public B epochDays(String name, long[] days, BitSet absent) {
    Attribute<?> a =
        attribute(name, AttributeType.DATE, "epochDays", days == null ? -1 : days.length);
    PrimitiveColumns.DateColumn c = new PrimitiveColumns.DateColumn(a);
    fill(c, name, absent);
    for (int r = 0; r < days.length; r++) {
      if (c.isValid(r)) {
        long d = days[r];
        if (d < MIN_DAY || d > MAX_DAY) {
          throw error(name, r, "epoch day " + d + " is outside the dates LocalDate can hold");
        }
        c.putLong(r, d);
      }
    }
    return done(a, c);
  }

  /** Numbers of a number attribute; NaN and infinities are not values (mark the row absent). */
  public B doubles(String name, double[] values, BitSet absent) {
    Attribute<?> a =
        attribute(name, AttributeType.NUMBER, "doubles", values == null ? -1 : values.length);
    PrimitiveColumns.NumberColumn c = new PrimitiveColumns.NumberColumn(a);
    fill(c, name, absent);
    for (int r = 0; r < values.length; r++) {
      if (c.isValid(r)) {
        double v = values[r];
        if (!Double.isFinite(v)) {
          throw error(name, r, v + " is not a value (mark the row absent instead)");
        }
        c.values[r] = v;
      }
    }
    return done(a, c);
  }

  /** Values of a boolean attribute. */
  public B booleans(String name, boolean[] values, BitSet absent) {
    Attribute<?> a =
        attribute(name, AttributeType.BOOLEAN, "booleans", values == null ? -1 : values.length);
    PrimitiveColumns.BooleanColumn c = new PrimitiveColumns.BooleanColumn(a);
    fill(c, name, absent);
    for (int r = 0; r < values.length; r++) {
      if (c.isValid(r) && values[r]) {
        c.bits[r >>> 6] |= 1L << r;
      }
    }
    return done(a, c);
  }

  /** Instants of a timestamp attribute as epoch milliseconds. */
  public B epochMillis(String name, long[] millis, BitSet absent) {
    Attribute<?> a =
        attribute(
            name, AttributeType.TIMESTAMP, "epochMillis", millis == null ? -1 : millis.length);
    PrimitiveColumns.TimestampColumn c = new PrimitiveColumns.TimestampColumn(a);
    fill(c, name, absent);
    for (int r = 0; r < millis.length; r++) {
      if (c.isValid(r)) {
        c.put(r, Math.floorDiv(millis[r], 1000), nanoOfMilli(millis[r]));
      }
    }
    return done(a, c);
  }

  /** Values of a string attribute; a null element is a row without a value. */
  public B strings(String name, String[] values) {
    Attribute<?> a =
        attribute(name, AttributeType.STRING, "strings", values == null ? -1 : values.length);
    DictionaryColumns.StringColumn c = new DictionaryColumns.StringColumn(a);
    fill(c, name, null);
    for (int r = 0; r < values.length; r++) {
      if (values[r] == null) {
        c.valid[r >>> 6] &= ~(1L << r);
      } else {
        c.putCode(r, c.intern(values[r]));
      }
    }
    return done(a, c);
  }

  /**
   * Values of a string attribute as codes into {@code dictionary} (distinct, non-null strings): row
   * {@code r} has the value {@code dictionary[codes[r]]}. The dictionary is kept in its order.
   */
  public B codes(String name, int[] codes, String[] dictionary, BitSet absent) {
    Attribute<?> a =
        attribute(name, AttributeType.STRING, "codes", codes == null ? -1 : codes.length);
    if (dictionary == null) {
      throw new IllegalArgumentException(describe(name) + ": the dictionary must not be null");
    }
    DictionaryColumns.StringColumn c = new DictionaryColumns.StringColumn(a);
    for (int i = 0; i < dictionary.length; i++) {
      if (dictionary[i] == null) {
        throw new IllegalArgumentException(describe(name) + ": dictionary entry " + i + " is null");
      }
      int code = c.intern(dictionary[i]);
      if (code != i) {
        throw new IllegalArgumentException(
            describe(name)
                + ": dictionary entries "
                + code
                + " and "
                + i
                + " are both \""
                + dictionary[i]
                + "\"");
      }
    }
    fill(c, name, absent);
    for (int r = 0; r < codes.length; r++) {
      if (c.isValid(r)) {
        if (codes[r] < 0 || codes[r] >= dictionary.length) {
          throw error(
              name,
              r,
              "code "
                  + codes[r]
                  + " is not in the dictionary of "
                  + dictionary.length
                  + " entries");
        }
        c.putCode(r, codes[r]);
      }
    }
    return done(a, c);
  }

  /**
   * Values of an attribute of any type, each converted to its canonical form as {@code
   * Customer.builder(...).set} does (tag sets, geo points, and the types above given as objects); a
   * null element is a row without a value.
   */
  public B values(String name, List<?> values) {
    Attribute<?> a = declaredOrThrow(name);
    checkLength(name, values == null ? -1 : values.size());
    Column c = Column.of(a);
    c.reserve(length());
    int r = 0;
    for (Object raw : values) {
      Object canonical;
      try {
        canonical = Values.canonical(null, a, raw);
      } catch (InvalidDataException e) {
        String prefix = new InvalidDataException(null, e.attribute(), "").getMessage();
        String m = e.getMessage();
        throw error(name, r, m.startsWith(prefix) ? m.substring(prefix.length()) : m);
      }
      c.append(r++, canonical);
    }
    return done(a, c);
  }

  // ----------------------------------------------------------------------------------- checks

  private Attribute<?> attribute(String name, AttributeType type, String setter, int length) {
    Attribute<?> a = declaredOrThrow(name);
    if (a.type() != type) {
      throw new IllegalArgumentException(
          describe(name)
              + " is of type "
              + a.type()
              + ", not "
              + type
              + ": "
              + setter
              + "(...) fills "
              + type
              + " columns only (values(...) takes any type)");
    }
    checkLength(name, length);
    return a;
  }

  private Attribute<?> declaredOrThrow(String name) {
    if (name == null) {
      throw new IllegalArgumentException("the column's name must not be null");
    }
    Attribute<?> a = declared(name);
    if (a == null) {
      throw new IllegalArgumentException(describe(name) + ": the schema declares no such column");
    }
    return a;
  }

  private void checkLength(String name, int length) {
    if (length < 0) {
      throw new IllegalArgumentException(describe(name) + ": the values must not be null");
    }
    if (length != length()) {
      throw new IllegalArgumentException(
          describe(name) + " has " + length + " values for " + length() + " rows");
    }
  }

  // Sizes the column and sets the validity of every row not in `absent`.
  private void fill(Column c, String name, BitSet absent) {
    int n = length();
    if (absent != null && absent.length() > n) {
      throw error(name, absent.length() - 1, "marked absent, but there are only " + n + " rows");
    }
    c.reserve(n);
    long[] gaps = absent == null ? new long[0] : absent.toLongArray();
    for (int w = 0; w < (n + 63) >>> 6; w++) {
      long bits = ~(w < gaps.length ? gaps[w] : 0);
      int tail = n - (w << 6);
      c.valid[w] = tail >= 64 ? bits : bits & ((1L << tail) - 1);
    }
  }

  /** Stores {@code column} at {@code columns[i]}, unless a column of that name is there already. */
  final void keep(Column[] columns, int i, Column column, String name) {
    if (columns[i] != null) {
      throw new IllegalArgumentException(describe(name) + " is given twice");
    }
    columns[i] = column;
  }

  private B done(Attribute<?> a, Column c) {
    put(a, c); // frozen when the table is built
    return self();
  }

  /** The nanosecond of the second of an instant given in epoch milliseconds. */
  static int nanoOfMilli(long epochMilli) {
    return Math.floorMod(epochMilli, 1000) * 1_000_000;
  }

  final IllegalArgumentException error(String name, int row, String problem) {
    return new IllegalArgumentException(describe(name) + ", row " + row + ": " + problem);
  }

  /** A column of {@code a} in which none of {@code rows} rows has a value (not yet frozen). */
  static Column empty(Attribute<?> a, int rows) {
    Column c = Column.of(a);
    c.reserve(rows);
    return c;
  }
}
