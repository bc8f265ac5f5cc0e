package dev.segmentation.condition;

/**
 * {@code low <= attribute <= high} (both ends inclusive), on numbers, strings, dates or timestamps.
 * UNKNOWN when the attribute has no value.
 *
 * @param attribute the attribute's name
 * @param low the inclusive lower bound
 * @param high the inclusive upper bound
 */
public record Between(String attribute, Object low, Object high) implements Condition {
  public Between {
    Args.name(attribute, "attribute");
    low = Args.literal(low, "low");
    high = Args.literal(high, "high");
  }

  @Override
  public Kind kind() {
    return Kind.BETWEEN;
  }
}
