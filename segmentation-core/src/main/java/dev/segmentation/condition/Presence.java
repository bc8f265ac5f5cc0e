package dev.segmentation.condition;

import java.util.Objects;

/**
 * Whether an attribute has a value. Never UNKNOWN: this is how rules talk about missing values.
 *
 * @param attribute the attribute's name
 * @param present true for "is present", false for "is missing"
 */
public record Presence(String attribute, boolean present) implements Condition {
  public Presence {
    Args.name(attribute, "attribute");
  }

  public static Presence isMissing(String attribute) {
    return new Presence(attribute, false);
  }

  public static Presence isPresent(String attribute) {
    return new Presence(attribute, true);
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof Presence that
        && Objects.equals(attribute, that.attribute)
        && present == that.present;
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, present);
  }

  @Override
  public Kind kind() {
    return Kind.PRESENCE;
  }
}
