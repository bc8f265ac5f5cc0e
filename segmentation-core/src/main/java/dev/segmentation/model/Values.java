package dev.segmentation.model;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.internal.CodePointOrder;
import dev.segmentation.internal.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;

/**
 * Conversion of raw Java values to the canonical representation of an {@link AttributeType}, and
 * exact comparison of numbers across integer and floating types.
 */
public final class Values {
  private Values() {}

  /**
   * The canonical form of {@code raw} for the attribute's type, or null for no value: the one rule
   * by which every customer implementation's values are read, by both engines and by {@link
   * Customer#builder}.
   *
   * <table>
   *   <caption>What each type accepts</caption>
   *   <tr><th>type</th><th>canonical</th><th>also accepted</th></tr>
   *   <tr><td>integer</td><td>Long</td><td>Integer, Short, Byte; BigInteger and BigDecimal with
   *       a whole value in the long range; Double and Float with a whole value</td></tr>
   *   <tr><td>number</td><td>Double</td><td>Float; Long, Integer, Short, Byte and BigInteger a
   *       double holds exactly; BigDecimal equal to the decimal form of a double ({@code 98.66},
   *       not {@code 0.30000000000000001})</td></tr>
   *   <tr><td>string</td><td>String</td><td>an enum constant, as its name</td></tr>
   *   <tr><td>timestamp</td><td>Instant</td><td>OffsetDateTime, ZonedDateTime (their
   *       instant)</td></tr>
   *   <tr><td>stringSet</td><td>ImmutableSet</td><td>any Collection of non-null strings
   *       (duplicates count once)</td></tr>
   *   <tr><td>date, boolean, geoPoint</td><td>LocalDate, Boolean, GeoPoint</td><td>-</td></tr>
   * </table>
   *
   * <p>NaN and infinities are never values.
   *
   * @throws InvalidDataException naming the customer and attribute when the value does not fit
   */
  public static Object canonical(String customerId, Attribute<?> attribute, Object raw) {
    return canonical(customerId, null, attribute.name(), attribute.type(), raw);
  }

  /**
   * As {@link #canonical(String, Attribute, Object)}, for an attribute given by name and type, or
   * for a property of an event of type {@code eventType} (named in errors; null for an attribute).
   */
  public static Object canonical(
      String customerId, String eventType, String attribute, AttributeType type, Object raw) {
    if (raw == null) {
      return null;
    }
    switch (type) {
      case STRING:
        if (raw instanceof String) {
          return raw;
        }
        if (raw instanceof Enum<?> e) {
          return e.name();
        }
        break;
      case INTEGER:
        if (raw instanceof Long) {
          return raw;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
          return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big) {
          if (big.bitLength() < 64) {
            return big.longValue();
          }
          throw inexact(
              customerId, eventType, attribute, raw, "is outside the range of an integer");
        }
        if (raw instanceof BigDecimal dec) {
          // At most 19 digits before the point, so that no huge exponent is expanded.
          if (dec.signum() == 0) {
            return 0L;
          }
          if (dec.precision() - dec.scale() <= 19) {
            try {
              return dec.longValueExact();
            } catch (ArithmeticException notWholeOrTooLarge) {
              // reported below
            }
          }
          throw inexact(
              customerId, eventType, attribute, raw, "is not a whole number in the long range");
        }
        if (raw instanceof Double || raw instanceof Float) {
          double d = ((Number) raw).doubleValue();
          checkFinite(customerId, eventType, attribute, d);
          if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return (long) d;
          }
          throw wrongType(customerId, eventType, attribute, raw, "a whole number");
        }
        break;
      case NUMBER:
        if (raw instanceof Double d) {
          checkFinite(customerId, eventType, attribute, d);
          return d;
        }
        if (raw instanceof Float f) {
          checkFinite(customerId, eventType, attribute, f);
          return f.doubleValue();
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
          return ((Number) raw).doubleValue();
        }
        if (raw instanceof Long || raw instanceof BigInteger || raw instanceof BigDecimal) {
          Double d = exactDouble((Number) raw);
          if (d != null) {
            return d;
          }
          throw inexact(
              customerId,
              eventType,
              attribute,
              raw,
              "cannot be held exactly by a number (a double)");
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
        if (raw instanceof OffsetDateTime t) {
          return t.toInstant();
        }
        if (raw instanceof ZonedDateTime t) {
          return t.toInstant();
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
    throw wrongType(customerId, eventType, attribute, raw, type.withArticle());
  }

  /**
   * The double equal to a Long or BigInteger, or to a BigDecimal's decimal form (the digits {@link
   * Double#toString} prints for it: {@code 98.66}); null when there is none.
   */
  private static Double exactDouble(Number n) {
    if (n instanceof Long l) {
      double d = l;
      return compare(l, d) == 0 ? d : null;
    }
    BigDecimal exact = n instanceof BigInteger big ? new BigDecimal(big) : (BigDecimal) n;
    double d = exact.doubleValue();
    if (!Double.isFinite(d)) {
      return null;
    }
    BigDecimal held =
        n instanceof BigInteger ? new BigDecimal(d) : new BigDecimal(Double.toString(d));
    return held.compareTo(exact) == 0 ? d + 0.0 : null;
  }

  private static boolean allStrings(Collection<?> c) {
    for (Object o : c) {
      if (!(o instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private static void checkFinite(String customerId, String eventType, String attribute, double d) {
    if (Double.isNaN(d)) {
      throw invalid(customerId, eventType, attribute, "NaN is not a value");
    }
    if (Double.isInfinite(d)) {
      throw invalid(customerId, eventType, attribute, "infinity is not a value");
    }
  }

  private static InvalidDataException wrongType(
      String customerId, String eventType, String attribute, Object raw, String expected) {
    return invalid(
        customerId, eventType, attribute, "expected " + expected + ", got " + described(raw));
  }

  private static InvalidDataException inexact(
      String customerId, String eventType, String attribute, Object raw, String problem) {
    return invalid(customerId, eventType, attribute, described(raw) + " " + problem);
  }

  private static InvalidDataException invalid(
      String customerId, String eventType, String attribute, String problem) {
    return new InvalidDataException(
        customerId,
        attribute,
        eventType == null ? problem : "in a \"" + eventType + "\" event: " + problem);
  }

  private static String described(Object raw) {
    return raw.getClass().getSimpleName() + " \"" + Text.abbreviate(String.valueOf(raw)) + "\"";
  }

  /**
   * Compares strings as the rules do: by Unicode code point (not by UTF-16 unit, which puts
   * supplementary characters before U+E000-U+FFFF), without allocating. What a backend that stores
   * or sorts values outside the library must use to agree with it.
   */
  public static int compareStrings(String a, String b) {
    return CodePointOrder.compare(a, b);
  }

  /**
   * Whether two literals are of one kind that {@link #compareLiterals} orders: both numbers, both
   * strings, both dates, both instants or both booleans.
   */
  public static boolean comparableLiterals(Object a, Object b) {
    return (a instanceof Number && b instanceof Number)
        || (a instanceof String && b instanceof String)
        || (a instanceof LocalDate && b instanceof LocalDate)
        || (a instanceof Instant && b instanceof Instant)
        || (a instanceof Boolean && b instanceof Boolean);
  }

  /**
   * Compares two literals of one kind as the rules do, with the sign of the result only: numbers by
   * exact value ({@link #compareNumbers}), strings by code point ({@link #compareStrings}), dates
   * and instants in time, booleans false first.
   *
   * @throws IllegalArgumentException when they are not of one kind ({@link #comparableLiterals})
   */
  public static int compareLiterals(Object a, Object b) {
    if (!comparableLiterals(a, b)) {
      throw new IllegalArgumentException("literals of different kinds: " + a + ", " + b);
    }
    if (a instanceof Number x) {
      return Integer.signum(compareNumbers(x, (Number) b));
    }
    if (a instanceof String x) {
      return Integer.signum(compareStrings(x, (String) b));
    }
    if (a instanceof LocalDate x) {
      return Integer.signum(x.compareTo((LocalDate) b));
    }
    if (a instanceof Instant x) {
      return Integer.signum(x.compareTo((Instant) b));
    }
    return Boolean.compare((Boolean) a, (Boolean) b);
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
   * Whether {@code d} is a whole number that a long holds exactly ({@code -2^63} included, {@code
   * 2^63} not): then {@code (long) d} is the one long equal to it.
   */
  public static boolean isWholeLong(double d) {
    return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63;
  }

  /** The largest epoch second (and its negation the smallest) whose milliseconds fit a long. */
  public static final long MAX_MILLI_SECOND = Long.MAX_VALUE / 1000 - 1;

  /**
   * The instant in epoch milliseconds when it is a whole millisecond that a long holds, else {@code
   * orElse}: the primitive form of a timestamp (see {@link ValueSource#epochMilliValue}).
   */
  public static long epochMilliOrElse(Instant t, long orElse) {
    long sec = t.getEpochSecond();
    int nano = t.getNano();
    if (nano % 1_000_000 != 0 || sec > MAX_MILLI_SECOND || sec < -MAX_MILLI_SECOND) {
      return orElse;
    }
    return sec * 1000 + nano / 1_000_000;
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
