package dev.segmentation.engine.columnar;

import dev.segmentation.model.Attribute;
import dev.segmentation.model.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The {@link Column}s that hold their values in primitive arrays, one slot per row: whole numbers
 * (integers, and dates as epoch days) narrowed to ints when they fit, numbers, booleans as bits,
 * timestamps (without a nanosecond array when every value is a whole second) and geo points.
 */
final class PrimitiveColumns {
  private PrimitiveColumns() {}

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
        put(row, t.getEpochSecond(), t.getNano());
      }
    }

    /** Stores an instant of row {@code row} as its epoch second and nanosecond. */
    void put(int row, long second, int nano) {
      seconds[row] = second;
      if (nano != 0) {
        if (nanos == null) {
          nanos = new int[seconds.length];
        }
        nanos[row] = nano;
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
