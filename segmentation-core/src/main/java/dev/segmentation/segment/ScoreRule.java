package dev.segmentation.segment;

import dev.segmentation.condition.Condition;

/**
 * One line of a score model: {@code points} when {@code condition} is TRUE (nothing when FALSE or
 * UNKNOWN).
 *
 * @param condition when the points apply
 * @param points may be negative; finite
 * @param group the cap group, or null
 */
public record ScoreRule(Condition condition, double points, String group) {
  public ScoreRule {
    if (condition == null) {
      throw new IllegalArgumentException("a score rule needs a condition");
    }
    if (Double.isNaN(points) || Double.isInfinite(points)) {
      throw new IllegalArgumentException("points must be finite, got " + points);
    }
    points += 0.0;
  }

  public static ScoreRule of(Condition condition, double points) {
    return new ScoreRule(condition, points, null);
  }
}
