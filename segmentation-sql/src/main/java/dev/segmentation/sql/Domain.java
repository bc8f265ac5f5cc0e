package dev.segmentation.sql;

import dev.segmentation.condition.Operator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The values a SQL column or expression can hold (BIGINT, DOUBLE, an exact integer sum, DATE,
 * TIMESTAMPTZ in microseconds), and the exact translation of a comparison with any literal into a
 * comparison with a value of that domain. SQL compares BIGINT with DOUBLE as doubles, which is
 * wrong beyond 2^53; a timestamp literal with nanoseconds cannot be a microsecond literal. So
 * {@code x < v} becomes {@code x <= floor(v)} where {@code floor(v)} is the greatest domain value
 * not above {@code v}, {@code x = v} becomes FALSE (UNKNOWN when x has no value) when no domain
 * value equals {@code v}, and so on: the same three values for every value of x.
 *
 * <p>Literals are exact rationals ({@link BigDecimal}): a Long as it is, a Double by its exact
 * binary value, an Instant as microseconds with a fraction, a LocalDate as its epoch day.
 */
abstract class Domain {

  /** Whether {@code v} is a value of the domain. */
  abstract boolean contains(BigDecimal v);

  /** The greatest domain value at most {@code v}, or null when every domain value is above it. */
  abstract BigDecimal floor(BigDecimal v);

  /** The least domain value at least {@code v}, or null when every domain value is below it. */
  abstract BigDecimal ceil(BigDecimal v);

  /** The SQL literal of a domain value. */
  abstract String literal(Dialect dialect, BigDecimal v);

  /**
   * {@code x op v} with exactly the library's three values: TRUE or FALSE when x has a value, NULL
   * (UNKNOWN) when it has none.
   */
  final String compare(Dialect dialect, String x, Operator op, BigDecimal v) {
    if (contains(v)) {
      return "(" + x + " " + sql(op) + " " + literal(dialect, v) + ")";
    }
    switch (op) {
      case LT:
      case LE:
        {
          BigDecimal f = floor(v);
          return f == null
              ? falseOrUnknown(dialect, x)
              : "(" + x + " <= " + literal(dialect, f) + ")";
        }
      case GT:
      case GE:
        {
          BigDecimal c = ceil(v);
          return c == null
              ? falseOrUnknown(dialect, x)
              : "(" + x + " >= " + literal(dialect, c) + ")";
        }
      case EQ:
        return falseOrUnknown(dialect, x);
      case NE:
        return trueOrUnknown(dialect, x);
    }
    throw new AssertionError(op);
  }

  static String sql(Operator op) {
    return op == Operator.NE ? "<>" : op.symbol();
  }

  /** TRUE when x has a value, NULL when not. */
  static String trueOrUnknown(Dialect dialect, String x) {
    return "(" + x + " IS NOT NULL OR " + dialect.nullBoolean() + ")";
  }

  /** FALSE when x has a value, NULL when not. */
  static String falseOrUnknown(Dialect dialect, String x) {
    return "(" + x + " IS NULL AND " + dialect.nullBoolean() + ")";
  }

  // ------------------------------------------------------------------ literals as exact values

  static BigDecimal exact(Number n) {
    if (n instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + n);
    }
    return new BigDecimal(d);
  }

  static BigDecimal exact(LocalDate d) {
    return BigDecimal.valueOf(d.toEpochDay());
  }

  /** Microseconds since the epoch, with the nanoseconds as a fraction. */
  static BigDecimal exact(Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond())
        .multiply(BigDecimal.valueOf(1_000_000))
        .add(BigDecimal.valueOf(t.getNano(), 3));
  }

  // ------------------------------------------------------------------ the domains

  /** 64-bit integers. */
  static final Domain BIGINT =
      new IntegerDomain(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE)) {
        @Override
        String literal(Dialect dialect, BigDecimal v) {
          long l = v.longValueExact();
          // -9223372036854775808 would be read as minus a number beyond BIGINT.
          return l == Long.MIN_VALUE
              ? "CAST('" + l + "' AS BIGINT)"
              : l < 0 ? "(" + l + ")" : Long.toString(l);
        }
      };

  /**
   * Exact integers such as a SUM of BIGINTs (DuckDB's HUGEINT, PostgreSQL's NUMERIC): beyond 2^100
   * no sum of fewer than 2^36 longs can reach, so literals there become the bound 2^100, which
   * keeps every literal within HUGEINT.
   */
  static final Domain EXACT_INTEGER =
      new IntegerDomain(
          new BigDecimal(BigInteger.ONE.shiftLeft(100).negate()),
          new BigDecimal(BigInteger.ONE.shiftLeft(100))) {
        @Override
        String literal(Dialect dialect, BigDecimal v) {
          BigInteger i = v.toBigIntegerExact();
          return i.signum() < 0 ? "(" + i + ")" : i.toString();
        }
      };

  /** Finite doubles. */
  static final Domain DOUBLE =
      new Domain() {
        private final BigDecimal max = new BigDecimal(Double.MAX_VALUE);

        @Override
        boolean contains(BigDecimal v) {
          double d = v.doubleValue();
          return Double.isFinite(d) && new BigDecimal(d).compareTo(v) == 0;
        }

        @Override
        BigDecimal floor(BigDecimal v) {
          if (v.compareTo(max) > 0) {
            return max;
          }
          if (v.compareTo(max.negate()) < 0) {
            return null;
          }
          double d = v.doubleValue();
          if (new BigDecimal(d).compareTo(v) > 0) {
            d = Math.nextDown(d);
          }
          return new BigDecimal(d);
        }

        @Override
        BigDecimal ceil(BigDecimal v) {
          if (v.compareTo(max.negate()) < 0) {
            return max.negate();
          }
          if (v.compareTo(max) > 0) {
            return null;
          }
          double d = v.doubleValue();
          if (new BigDecimal(d).compareTo(v) < 0) {
            d = Math.nextUp(d);
          }
          return new BigDecimal(d);
        }

        @Override
        String literal(Dialect dialect, BigDecimal v) {
          return dialect.doubleLiteral(v.doubleValue());
        }
      };

  /** The first and last day every dialect's DATE holds: years 1 to 9999. */
  static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);

  static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  /** The first and last microsecond every dialect's timestamp holds, in UTC. */
  static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** Dates from year 1 to 9999, as epoch days. */
  static final Domain DATE =
      new IntegerDomain(exact(MIN_DATE), exact(MAX_DATE)) {
        @Override
        String literal(Dialect dialect, BigDecimal v) {
          return dialect.dateLiteral(LocalDate.ofEpochDay(v.longValueExact()).toString());
        }
      };

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  /** Timestamps in microseconds from year 1 to 9999, as microseconds since the epoch. */
  static final Domain TIMESTAMP =
      new IntegerDomain(exact(MIN_INSTANT), exact(MAX_INSTANT)) {
        @Override
        String literal(Dialect dialect, BigDecimal v) {
          return dialect.timestampLiteral(utcText(v.longValueExact()));
        }
      };

  /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS} of microseconds since the epoch, in UTC. */
  static String utcText(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC).format(MICROS);
  }

  /** Whole numbers from min to max. */
  private abstract static class IntegerDomain extends Domain {
    private final BigDecimal min;
    private final BigDecimal max;

    IntegerDomain(BigDecimal min, BigDecimal max) {
      this.min = min;
      this.max = max;
    }

    @Override
    boolean contains(BigDecimal v) {
      return v.signum() == 0
          || (v.stripTrailingZeros().scale() <= 0
              && v.compareTo(min) >= 0
              && v.compareTo(max) <= 0);
    }

    @Override
    BigDecimal floor(BigDecimal v) {
      BigDecimal f = v.setScale(0, RoundingMode.FLOOR);
      if (f.compareTo(min) < 0) {
        return null;
      }
      return f.compareTo(max) > 0 ? max : f;
    }

    @Override
    BigDecimal ceil(BigDecimal v) {
      BigDecimal c = v.setScale(0, RoundingMode.CEILING);
      if (c.compareTo(max) > 0) {
        return null;
      }
      return c.compareTo(min) < 0 ? min : c;
    }
  }
}
