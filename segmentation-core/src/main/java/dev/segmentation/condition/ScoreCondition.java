package dev.segmentation.condition;

import java.util.Objects;

/**
 * Compares a score of the catalog (a lead score model) with a number: {@code score("engagement") >=
 * 50}. A score always has a value (rules that are not TRUE give no points), so this is never
 * UNKNOWN.
 *
 * @param score the score model's name
 * @param op the comparison
 * @param value the number compared with (Long or Double)
 */
public record ScoreCondition(String score, Operator op, Number value) implements Condition {
  public ScoreCondition {
    Args.name(score, "score");
    Args.notNull(op, "operator");
    value = Args.number(value, "value");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreCondition that
        && Objects.equals(score, that.score)
        && Objects.equals(op, that.op)
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(score, op, value);
  }

  @Override
  public Kind kind() {
    return Kind.SCORE;
  }
}
