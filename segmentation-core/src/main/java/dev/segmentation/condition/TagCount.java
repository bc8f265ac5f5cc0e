package dev.segmentation.condition;

import java.util.Objects;

/**
 * Compares the number of elements of a string-set attribute: {@code size(tags) >= 3}; "is empty" is
 * {@code size = 0}. UNKNOWN only when the attribute has no value.
 *
 * @param attribute the attribute's name
 * @param op the comparison
 * @param count the number compared with, at least 0
 */
public record TagCount(String attribute, Operator op, long count) implements Condition {
  public TagCount {
    Args.name(attribute, "attribute");
    Args.notNull(op, "operator");
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0, got " + count);
    }
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof TagCount that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(op, that.op)
        && count == that.count;
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, op, count);
  }

  @Override
  public Kind kind() {
    return Kind.TAG_COUNT;
  }
}
