package dev.segmentation.condition;

/** The constant TRUE: every customer matches. */
public record Always() implements Condition {
  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof Always;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public Kind kind() {
    return Kind.ALWAYS;
  }
}
