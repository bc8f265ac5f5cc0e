package dev.segmentation.dsl;

import dev.segmentation.condition.Condition;
import dev.segmentation.segment.Segment;

/** A segment with a name (and maybe a description), waiting for its condition. Immutable. */
public final class SegmentStep {
  private final String name;
  private final String description;

  SegmentStep(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** The same segment with a description for people. */
  public SegmentStep describedAs(String description) {
    return new SegmentStep(name, description);
  }

  /** The segment of customers for whom {@code condition} is TRUE. */
  public Segment where(Condition condition) {
    return new Segment(name, description, condition);
  }
}
