package dev.segmentation.engine.columnar;

import dev.segmentation.condition.Operator;
import dev.segmentation.model.Values;

/**
 * The longs {@code x} with {@code lo <= x <= hi} (or outside, when {@code negate}): the exact
 * integer form of a comparison with any number, so that a long column is filtered with two integer
 * comparisons. An empty interval has {@code lo > hi}.
 */
record Interval(long lo, long hi, boolean negate) {
  private static final Interval ALL = new Interval(Long.MIN_VALUE, Long.MAX_VALUE, false);
  private static final Interval NONE = new Interval(1, 0, false);
  private static final double TWO_63 = 0x1p63;

  /** The longs {@code x} for which {@code x op literal} holds, by exact value. */
  static Interval of(Operator op, Number literal) {
    if (literal instanceof Long l) {
      return ofLong(op, l);
    }
    double d = literal.doubleValue();
    if (Values.isWholeLong(d)) {
      return ofLong(op, (long) d); // an integral double in range equals exactly one long
    }
    switch (op) {
      case EQ:
        return NONE;
      case NE:
        return ALL;
      case LT:
      case LE:
        // x < d and x <= d agree for non-integral d: x <= floor(d).
        return d >= TWO_63 ? ALL : d < -TWO_63 ? NONE : upTo((long) Math.floor(d));
      case GT:
      case GE:
        return d >= TWO_63 ? NONE : d < -TWO_63 ? ALL : from((long) Math.ceil(d));
    }
    throw new AssertionError(op);
  }

  private static Interval ofLong(Operator op, long l) {
    switch (op) {
      case EQ:
        return new Interval(l, l, false);
      case NE:
        return new Interval(l, l, true);
      case LT:
        return l == Long.MIN_VALUE ? NONE : upTo(l - 1);
      case LE:
        return upTo(l);
      case GT:
        return l == Long.MAX_VALUE ? NONE : from(l + 1);
      case GE:
        return from(l);
    }
    throw new AssertionError(op);
  }

  private static Interval upTo(long hi) {
    return new Interval(Long.MIN_VALUE, hi, false);
  }

  private static Interval from(long lo) {
    return new Interval(lo, Long.MAX_VALUE, false);
  }

  /** Whether {@code x} is in the set this interval describes. */
  boolean contains(long x) {
    return (x >= lo && x <= hi) != negate;
  }

  /** Both intervals (neither may be negated). */
  Interval intersect(Interval other) {
    if (negate || other.negate) {
      throw new IllegalArgumentException("cannot intersect a negated interval");
    }
    return new Interval(Math.max(lo, other.lo), Math.min(hi, other.hi), false);
  }
}
