package dev.segmentation.condition;

import java.util.Objects;

/**
 * The result of another segment of the same catalog, as a truth value (TRUE, FALSE or UNKNOWN):
 * {@code inSegment("vip")}. A catalog rejects unknown names and cycles.
 *
 * @param segment the referenced segment's name
 */
public record InSegment(String segment) implements Condition {
  public InSegment {
    Args.name(segment, "segment");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof InSegment that && Objects.equals(segment, that.segment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(segment);
  }

  @Override
  public Kind kind() {
    return Kind.IN_SEGMENT;
  }
}
