package dev.segmentation.dsl;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Presence;
import dev.segmentation.model.Attribute;

/**
 * An attribute as the fluent builder sees it: the conditions that apply to its type. Declare fields
 * once as constants; {@link #attribute()} gives the core attribute for building a schema.
 *
 * @param <T> the Java type of the attribute's values
 */
public abstract class Field<T> {
  private final String name;
  private final Attribute<T> attribute;

  Field(Attribute<T> attribute) {
    if (attribute == null) {
      throw new IllegalArgumentException("attribute must not be null");
    }
    this.name = attribute.name();
    this.attribute = attribute;
  }

  /** An untyped field, known by name only: the checker resolves it against a schema. */
  Field(String name) {
    this.name = Attribute.checkName(name, "attribute");
    this.attribute = null;
  }

  /**
   * The core attribute (name and type), e.g. for {@code Schema.builder().attribute(...)}; null for
   * a field made with {@link Rules#attribute(String)}, which has no type of its own.
   */
  public final Attribute<T> attribute() {
    return attribute;
  }

  /** The attribute's name. */
  public final String name() {
    return name;
  }

  /** TRUE when the attribute has no value (never UNKNOWN). */
  public final Condition isMissing() {
    return Presence.isMissing(name());
  }

  /** TRUE when the attribute has a value (never UNKNOWN). */
  public final Condition isPresent() {
    return Presence.isPresent(name());
  }

  @Override
  public String toString() {
    return attribute == null ? name : attribute.toString();
  }
}
