package dev.segmentation.condition;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.GeoPoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/** Argument checks shared by the condition records; errors are IllegalArgumentExceptions. */
final class Args {
  private Args() {}

  static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  static String name(String value, String what) {
    notNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }

  static <T> ImmutableList<T> list(Collection<? extends T> values, String what) {
    notNull(values, what);
    for (T v : values) {
      notNull(v, "an element of " + what);
    }
    return ImmutableList.copyOf(values);
  }

  /**
   * The canonical form of a literal: integral numbers become Long, floating ones Double; strings,
   * booleans, dates, timestamps and geo points stay as they are. NaN and other types are rejected.
   */
  static Object literal(Object value, String what) {
    notNull(value, what);
    if (value instanceof Long
        || value instanceof String
        || value instanceof Boolean
        || value instanceof LocalDate
        || value instanceof Instant
        || value instanceof GeoPoint) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      if (big.bitLength() < 64) {
        return big.longValue();
      }
      throw new IllegalArgumentException(what + " " + value + " is outside the 64-bit range");
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(what + " must be a finite number, got " + value);
      }
      return d + 0.0; // -0.0 becomes 0.0
    }
    throw new IllegalArgumentException(
        what
            + " has unsupported type "
            + value.getClass().getName()
            + "; use String, Long, Double, Boolean, LocalDate, Instant or GeoPoint");
  }

  static ImmutableSet<Object> literals(Collection<?> values, String what) {
    notNull(values, what);
    ImmutableSet.Builder<Object> b = ImmutableSet.builderWithExpectedSize(values.size());
    for (Object v : values) {
      b.add(literal(v, "an element of " + what));
    }
    return b.build();
  }

  static ImmutableSet<String> strings(Collection<String> values, String what) {
    notNull(values, what);
    for (String v : values) {
      notNull(v, "an element of " + what);
    }
    return ImmutableSet.copyOf(values);
  }

  static Number number(Number value, String what) {
    return (Number) literal(notNull(value, what), what);
  }
}
