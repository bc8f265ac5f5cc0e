package dev.segmentation.condition;

import java.util.Objects;

/**
 * Compares an attribute with a literal: {@code age >= 30}, {@code country = "FI"}.
 *
 * <p>Numbers compare by exact value across integer and floating types ({@code 3 = 3.0}); strings by
 * code point; dates and timestamps by time; booleans support only EQ and NE. UNKNOWN when the
 * attribute has no value.
 *
 * @param attribute the attribute's name
 * @param op the comparison
 * @param value the literal: String, Long, Double, Boolean, LocalDate or Instant (integral numbers
 *     are stored as Long, floating ones as Double)
 */
public record Compare(String attribute, Operator op, Object value) implements Condition {
  public Compare {
    Args.name(attribute, "attribute");
    Args.notNull(op, "operator");
    value = Args.literal(value, "value");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof Compare that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(op, that.op)
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, op, value);
  }

  @Override
  public Kind kind() {
    return Kind.COMPARE;
  }
}
