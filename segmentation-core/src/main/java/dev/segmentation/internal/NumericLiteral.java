package dev.segmentation.internal;

import dev.segmentation.model.Values;

/**
 * A number from a rule (a {@code Long} or a {@code Double}) unpacked once, so that values are
 * compared with it by exact numeric value without boxing: {@code 3 = 3.0}, and longs beyond 2^53
 * are not rounded.
 *
 * <pre>{@code
 * NumericLiteral thirty = NumericLiteral.of(30L);
 * thirty.compareWith(30.0); // 0: the value equals the literal
 * }</pre>
 */
public final class NumericLiteral {
  private final Number boxed;
  private final boolean integral;
  private final long longValue;
  private final double doubleValue;

  private NumericLiteral(Number n) {
    this.boxed = n;
    this.integral = n instanceof Long;
    this.longValue = n.longValue();
    this.doubleValue = n.doubleValue() + 0.0;
  }

  /**
   * The literal {@code n}.
   *
   * @throws IllegalArgumentException unless {@code n} is a Long or a finite Double
   */
  public static NumericLiteral of(Number n) {
    if (n instanceof Long || (n instanceof Double d && Double.isFinite(d))) {
      return new NumericLiteral(n);
    }
    throw new IllegalArgumentException("expected a Long or a finite Double, got " + n);
  }

  /** The literal as given. */
  public Number value() {
    return boxed;
  }

  /** Sign of {@code x - literal}. */
  public int compareWith(long x) {
    return integral ? Long.compare(x, longValue) : Values.compare(x, doubleValue);
  }

  /** Sign of {@code x - literal}; {@code x} must not be NaN. */
  public int compareWith(double x) {
    if (integral) {
      return -Values.compare(longValue, x);
    }
    // Double.compare(x + 0.0, doubleValue), the literal being neither NaN nor -0.0, without the
    // branch that only equal values take: compiled code whose profile had not seen one (an event
    // sum equal to a rule's number, late in a run) was thrown away at the first and compiled
    // again. Here each comparison goes both ways on unequal values already.
    return (x > doubleValue ? 1 : 0) - (x < doubleValue ? 1 : 0) + (x != x ? 1 : 0);
  }

  /** Sign of {@code x - literal} for a Long or Double {@code x}. */
  public int compareWith(Number x) {
    return x instanceof Long l ? compareWith(l.longValue()) : compareWith(x.doubleValue());
  }

  @Override
  public String toString() {
    return boxed.toString();
  }
}
