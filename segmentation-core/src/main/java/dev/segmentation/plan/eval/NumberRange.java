package dev.segmentation.plan.eval;

import dev.segmentation.condition.Operator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The numbers {@code x} with {@code low <= x <= high} (each bound inclusive or exclusive, or
 * absent), or outside that interval when negated, in the two forms a value can take: an inclusive
 * interval of longs for Long values and an inclusive interval of doubles for Double values. The
 * bounds are computed exactly at compile time (in {@link BigDecimal}): {@code x > 2.5} is {@code x
 * >= 3} for longs, and {@code x >= 2^53 + 1} is {@code x >= nextUp(2^53)} for doubles. So testing a
 * value is two primitive comparisons that agree with {@link dev.segmentation.model.Values#compare}
 * on every value; primitive comparison already treats -0.0 as equal to 0.0. Immutable.
 */
final class NumberRange {
  private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  // Invariant: an interval with low > high is empty. No value is NaN (see Values.canonical).
  // Read by the Generator, which writes the same two comparisons with these as constants.
  final long longLow;
  final long longHigh;
  final double doubleLow;
  final double doubleHigh;
  final boolean negated;

  /** Null bounds are absent; an inclusive bound is part of the range. */
  private NumberRange(
      BigDecimal low, boolean lowInclusive, BigDecimal high, boolean highInclusive, boolean neg) {
    long ll = Long.MIN_VALUE;
    long lh = Long.MAX_VALUE;
    boolean noLong = false;
    double dl = Double.NEGATIVE_INFINITY;
    double dh = Double.POSITIVE_INFINITY;
    if (low != null) {
      BigDecimal first =
          lowInclusive
              ? low.setScale(0, RoundingMode.CEILING)
              : low.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
      noLong = first.compareTo(MAX_LONG) > 0;
      ll = first.compareTo(MIN_LONG) < 0 ? Long.MIN_VALUE : noLong ? 0 : first.longValueExact();
      dl = lowestDouble(low, lowInclusive);
    }
    if (high != null) {
      BigDecimal last =
          highInclusive
              ? high.setScale(0, RoundingMode.FLOOR)
              : high.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
      noLong |= last.compareTo(MIN_LONG) < 0;
      lh = last.compareTo(MAX_LONG) > 0 ? Long.MAX_VALUE : noLong ? 0 : last.longValueExact();
      dh = highestDouble(high, highInclusive);
    }
    this.longLow = noLong ? 1 : ll;
    this.longHigh = noLong ? 0 : lh;
    this.doubleLow = dl;
    this.doubleHigh = dh;
    this.negated = neg;
  }

  /** The numbers {@code x} with {@code x op literal}; the literal is a Long or a finite Double. */
  static NumberRange of(Operator op, Number literal) {
    return of(op, exact(literal));
  }

  /**
   * The epochs {@code x} with {@code x op literal}: for a {@link LocalDate} literal in epoch days,
   * for an {@link Instant} in epoch milliseconds, exactly (an instant between two milliseconds is
   * such a bound: {@code x > 10.5} is {@code x >= 11}). Only {@link #contains(long)} applies.
   */
  static NumberRange ofEpoch(Operator op, Object literal) {
    return of(op, epoch(literal));
  }

  /** The epochs {@code x} with {@code low <= x <= high}, as {@link #ofEpoch} reads them. */
  static NumberRange betweenEpoch(Object low, Object high) {
    return new NumberRange(epoch(low), true, epoch(high), true, false);
  }

  private static BigDecimal epoch(Object literal) {
    if (literal instanceof LocalDate d) {
      return BigDecimal.valueOf(d.toEpochDay());
    }
    Instant t = (Instant) literal;
    return BigDecimal.valueOf(t.getEpochSecond(), -3).add(BigDecimal.valueOf(t.getNano(), 6));
  }

  private static NumberRange of(Operator op, BigDecimal v) {
    switch (op) {
      case EQ:
        return new NumberRange(v, true, v, true, false);
      case NE:
        return new NumberRange(v, true, v, true, true);
      case LT:
        return new NumberRange(null, false, v, false, false);
      case LE:
        return new NumberRange(null, false, v, true, false);
      case GT:
        return new NumberRange(v, false, null, false, false);
      case GE:
        return new NumberRange(v, true, null, false, false);
    }
    throw new AssertionError(op);
  }

  /** The numbers {@code x} with {@code low <= x <= high}. */
  static NumberRange between(Number low, Number high) {
    return new NumberRange(exact(low), true, exact(high), true, false);
  }

  boolean contains(long x) {
    return (x >= longLow && x <= longHigh) != negated;
  }

  boolean contains(double x) {
    return (x >= doubleLow && x <= doubleHigh) != negated;
  }

  private static BigDecimal exact(Number n) {
    if (n instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    double d = (Double) n;
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("expected a Long or a finite Double, got " + n);
    }
    return new BigDecimal(d); // exact; -0.0 becomes 0
  }

  /** The smallest double {@code >= bound} (or {@code > bound} when exclusive). */
  private static double lowestDouble(BigDecimal bound, boolean inclusive) {
    double d = bound.doubleValue(); // the nearest double: finite, since the bound is a literal
    int c = new BigDecimal(d).compareTo(bound);
    return (inclusive ? c >= 0 : c > 0) ? d : Math.nextUp(d);
  }

  /** The largest double {@code <= bound} (or {@code < bound} when exclusive). */
  private static double highestDouble(BigDecimal bound, boolean inclusive) {
    double d = bound.doubleValue();
    int c = new BigDecimal(d).compareTo(bound);
    return (inclusive ? c <= 0 : c < 0) ? d : Math.nextDown(d);
  }
}
