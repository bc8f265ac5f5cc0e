package dev.segmentation.condition;

import java.util.Objects;

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

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof Between that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(low, that.low)
        && Objects.equals(high, that.high);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, low, high);
  }

  @Override
  public Kind kind() {
    return Kind.BETWEEN;
  }
}
