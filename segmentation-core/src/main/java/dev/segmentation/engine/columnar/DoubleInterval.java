package dev.segmentation.engine.columnar;

import dev.segmentation.condition.Operator;
import dev.segmentation.model.Values;

/**
 * The doubles {@code x} with {@code lo <= x <= hi} (or outside, when {@code negate}): the exact
 * form of a comparison of a double column with any number, so that the column is filtered with two
 * primitive comparisons. Bounds are doubles themselves: for a long literal that no double equals,
 * {@code x >= 2^53 + 1} becomes {@code x >= 2^53 + 2}, the next double above it. Primitive
 * comparison already treats {@code -0.0} as {@code 0.0}, as the row engine does. Empty when {@code
 * lo > hi}.
 */
record DoubleInterval(double lo, double hi, boolean negate) {
  private static final DoubleInterval ALL =
      new DoubleInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
  private static final DoubleInterval NONE = new DoubleInterval(1, 0, false);

  /** The doubles {@code x} for which {@code x op literal} holds, by exact value. */
  static DoubleInterval of(Operator op, Number literal) {
    double d = literal.doubleValue();
    int cmp = literal instanceof Long l ? -Values.compare(l, d) : 0; // sign of d - literal
    // The smallest double >= literal and the largest double <= literal.
    double ceil = cmp < 0 ? Math.nextUp(d) : d;
    double floor = cmp > 0 ? Math.nextDown(d) : d;
    boolean exact = cmp == 0;
    switch (op) {
      case EQ:
        return exact ? new DoubleInterval(d, d, false) : NONE;
      case NE:
        return exact ? new DoubleInterval(d, d, true) : ALL;
      case LT:
        return upTo(exact ? Math.nextDown(d) : floor);
      case LE:
        return upTo(floor);
      case GT:
        return from(exact ? Math.nextUp(d) : ceil);
      case GE:
        return from(ceil);
    }
    throw new AssertionError(op);
  }

  private static DoubleInterval upTo(double hi) {
    return new DoubleInterval(Double.NEGATIVE_INFINITY, hi, false);
  }

  private static DoubleInterval from(double lo) {
    return new DoubleInterval(lo, Double.POSITIVE_INFINITY, false);
  }

  /** Both intervals (neither may be negated). */
  DoubleInterval intersect(DoubleInterval other) {
    if (negate || other.negate) {
      throw new IllegalArgumentException("cannot intersect a negated interval");
    }
    return new DoubleInterval(Math.max(lo, other.lo), Math.min(hi, other.hi), false);
  }
}
