package dev.segmentation.condition;

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

  @Override
  public Kind kind() {
    return Kind.TAG_COUNT;
  }
}
