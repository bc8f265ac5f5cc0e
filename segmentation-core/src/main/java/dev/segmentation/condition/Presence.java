package dev.segmentation.condition;

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

  @Override
  public Kind kind() {
    return Kind.PRESENCE;
  }
}
