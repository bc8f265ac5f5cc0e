package dev.segmentation.model;

import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Conversion of raw Java values to the canonical representation of an {@link AttributeType}, and
 * exact comparison of numbers across integer and floating types.
 */
public final class Values {
  private Values() {}

  /**
   * The canonical form of {@code raw} for the attribute's type, or null for no value.
   *
   * <p>INTEGER accepts Long, Integer, Short, Byte, BigInteger in range, and integral doubles;
   * NUMBER accepts any finite Number; STRING_SET accepts any collection of non-null strings.
   *
   * @throws InvalidDataException naming the customer and attribute when the value does not fit
   */
  public static Object canonical(String customerId, Attribute<?> attribute, Object raw) {
    if (raw == null) {
      return null;
    }
    AttributeType type = attribute.type();
    switch (type) {
      case STRING:
        if (raw instanceof String) {
          return raw;
        }
        break;
      case INTEGER:
        if (raw instanceof Long) {
          return raw;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
          return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big && big.bitLength() < 64) {
          return big.longValue();
        }
        if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
          double d = ((Number) raw).doubleValue();
          checkNotNaN(customerId, attribute, d);
          if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return (long) d;
          }
          throw wrongType(customerId, attribute, raw, "a whole number");
        }
        break;
      case NUMBER:
        if (raw instanceof Double d) {
          checkNotNaN(customerId, attribute, d);
          return d;
        }
        if (raw instanceof Number n) {
          double d = n.doubleValue();
          checkNotNaN(customerId, attribute, d);
          return d;
        }
        break;
      case BOOLEAN:
        if (raw instanceof Boolean) {
          return raw;
        }
        break;
      case DATE:
        if (raw instanceof LocalDate) {
          return raw;
        }
        break;
      case TIMESTAMP:
        if (raw instanceof Instant) {
          return raw;
        }
        break;
      case STRING_SET:
        if (raw instanceof ImmutableSet<?> set && allStrings(set)) {
          return set;
        }
        if (raw instanceof Collection<?> c && allStrings(c)) {
          return ImmutableSet.copyOf(c);
        }
        break;
      case GEO_POINT:
        if (raw instanceof GeoPoint) {
          return raw;
        }
        break;
    }
    throw wrongType(customerId, attribute, raw, "a " + type.externalName());
  }

  private static boolean allStrings(Collection<?> c) {
    for (Object o : c) {
      if (!(o instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private static void checkNotNaN(String customerId, Attribute<?> attribute, double d) {
    if (Double.isNaN(d)) {
      throw new InvalidDataException(customerId, attribute.name(), "NaN is not a value");
    }
    if (Double.isInfinite(d)) {
      throw new InvalidDataException(customerId, attribute.name(), "infinity is not a value");
    }
  }

  private static InvalidDataException wrongType(
      String customerId, Attribute<?> attribute, Object raw, String expected) {
    String shown = String.valueOf(raw);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "...";
    }
    return new InvalidDataException(
        customerId,
        attribute.name(),
        "expected " + expected + ", got " + raw.getClass().getSimpleName() + " \"" + shown + "\"");
  }

  /**
   * Compares two numbers by exact numeric value: {@code compare(3L, 3.0) == 0}, and longs beyond
   * 2^53 are not rounded. Neither argument may be NaN.
   */
  public static int compareNumbers(Number a, Number b) {
    boolean aIntegral = isIntegral(a);
    boolean bIntegral = isIntegral(b);
    if (aIntegral && bIntegral) {
      return Long.compare(a.longValue(), b.longValue());
    }
    if (aIntegral) {
      return compare(a.longValue(), b.doubleValue());
    }
    if (bIntegral) {
      return -compare(b.longValue(), a.doubleValue());
    }
    return Double.compare(a.doubleValue() + 0.0, b.doubleValue() + 0.0);
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  /**
   * Compares a long with a double by exact value (no rounding of the long), returning a negative
   * number, zero or a positive number. {@code d} must not be NaN.
   */
  public static int compare(long l, double d) {
    // Every double >= 2^63 is above every long, every double < -2^63 below.
    if (d >= 0x1p63) {
      return -1;
    }
    if (d < -0x1p63) {
      return 1;
    }
    // Here d is within long range: compare integer parts exactly, then the fraction.
    long whole = (long) d; // truncates toward zero, exact for |d| < 2^63
    if (l != whole) {
      return l < whole ? -1 : 1;
    }
    double fraction = d - whole;
    return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
  }
}
