package dev.segmentation.condition;

/** The constant TRUE: every customer matches. */
public record Always() implements Condition {
  @Override
  public Kind kind() {
    return Kind.ALWAYS;
  }
}
