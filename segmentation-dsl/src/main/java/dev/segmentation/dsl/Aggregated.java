package dev.segmentation.dsl;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Operator;
import java.util.function.BiFunction;

/**
 * A number computed for a customer (an event aggregate or a score), waiting for its comparison:
 * {@code events("purchase").count().ge(3)}, {@code score("engagement").ge(50)}.
 */
public final class Aggregated {
  private final BiFunction<Operator, Number, Condition> build;

  Aggregated(BiFunction<Operator, Number, Condition> build) {
    this.build = build;
  }

  public Condition eq(Number value) {
    return build.apply(Operator.EQ, value);
  }

  public Condition ne(Number value) {
    return build.apply(Operator.NE, value);
  }

  public Condition lt(Number value) {
    return build.apply(Operator.LT, value);
  }

  public Condition le(Number value) {
    return build.apply(Operator.LE, value);
  }

  public Condition gt(Number value) {
    return build.apply(Operator.GT, value);
  }

  public Condition ge(Number value) {
    return build.apply(Operator.GE, value);
  }
}
