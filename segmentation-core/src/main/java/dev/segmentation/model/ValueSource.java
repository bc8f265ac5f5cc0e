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

  /**
   * The value of the attribute with this name, which the caller expects at {@code position} of the
   * schema it was compiled with ({@link Schema#indexOf}), or -1 when it knows no position; returns
   * the same as {@link #value(String)}. The row engine reads a customer's attributes through this
   * method, so that an implementation that keeps its values in schema order can answer from the
   * position, without looking the name up; the default ignores the position.
   *
   * <p>The position is only a hint: a catalog may be compiled against another schema than the one
   * the implementation follows. An implementation that answers by position must therefore check
   * that the attribute at that position has this name (one string comparison, usually by identity,
   * because the engine passes the schema's own name), and otherwise answer by name:
   *
   * <pre>{@code
   * private static final String[] NAMES = {"age", "country"}; // the schema's order
   *
   * public Object value(int position, String attribute) {
   *   if (position < 0 || position >= NAMES.length || !NAMES[position].equals(attribute)) {
   *     return value(attribute);
   *   }
   *   switch (position) {
   *     case 0: return age;
   *     default: return country;
   *   }
   * }
   * }</pre>
   *
   * A {@code switch} over positions is small enough for the JIT to inline into the engine, where a
   * {@code switch} over names of more than a handful of attributes is not.
   */
  default Object value(int position, String attribute) {
    return value(attribute);
  }
}
