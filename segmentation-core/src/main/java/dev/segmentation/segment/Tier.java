package dev.segmentation.segment;

import dev.segmentation.condition.Condition;
import dev.segmentation.model.Attribute;

/**
 * One tier of a {@link Tiering}.
 *
 * @param name the tier's name, unique in its tiering
 * @param condition when a customer is in this tier (if no earlier tier applies)
 */
public record Tier(String name, Condition condition) {
  public Tier {
    Attribute.checkName(name, "tier");
    if (condition == null) {
      throw new IllegalArgumentException("tier \"" + name + "\" has no condition");
    }
  }
}
