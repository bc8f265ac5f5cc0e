package dev.segmentation.condition;

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

  @Override
  public Kind kind() {
    return Kind.IN_SEGMENT;
  }
}
