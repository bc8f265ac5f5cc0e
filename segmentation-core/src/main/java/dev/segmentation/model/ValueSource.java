package dev.segmentation.model;

/**
 * Something that has attribute values: a {@link Customer}, or an {@link Event} whose properties are
 * read as attributes. Engines read all values through this interface.
 */
public interface ValueSource {

  /**
   * The value of the attribute with this name, in the canonical representation of its type (see
   * {@link AttributeType}), or {@code null} when it has no value. An absent attribute and an
   * explicit null are the same state. Implementations must not allocate when the value is already
   * held in its canonical form.
   */
  Object value(String attribute);
}
