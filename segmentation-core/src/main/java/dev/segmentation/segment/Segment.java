package dev.segmentation.segment;

import dev.segmentation.condition.Condition;
import dev.segmentation.model.Attribute;

/**
 * A named group of customers: those for whom {@code condition} is TRUE.
 *
 * @param name unique within a catalog
 * @param description what the segment is for, for people; may be empty
 * @param condition the rule
 */
public record Segment(String name, String description, Condition condition) {
  public Segment {
    Attribute.checkName(name, "segment");
    description = description == null ? "" : description;
    if (condition == null) {
      throw new IllegalArgumentException("segment \"" + name + "\" has no condition");
    }
  }

  public static Segment of(String name, Condition condition) {
    return new Segment(name, "", condition);
  }
}
