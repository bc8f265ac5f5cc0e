package dev.segmentation.engine.row;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.ValueSource;
import java.util.Set;

/**
 * A test of one attribute's value: UNKNOWN when the attribute has no value, otherwise TRUE or FALSE
 * as {@link #test} says. Values are read through {@link ValueSource#value} and their class checked
 * against the declared type, so that a customer implementation returning a wrong type gets an
 * {@link InvalidDataException} naming the customer and attribute instead of a ClassCastException.
 *
 * <p>The leaves of common conditions override {@link #eval} with one that tests the value's class
 * and the value in the same method, without the generic type check and the virtual call to {@link
 * #test}; it must accept exactly the classes {@link #accepts} does and agree with {@link #test},
 * which {@link #explain} uses.
 */
abstract class Leaf extends Node {
  final String attribute;
  final AttributeType type;
  final int position;
  final String expected;

  Leaf(AttributeRef attribute, String expected) {
    this.attribute = attribute.name();
    this.type = attribute.type();
    this.position = attribute.position();
    this.expected = expected;
  }

  /** Whether a present, type-checked value satisfies the node. */
  abstract boolean test(Object value, Bounds bounds);

  /** The value as shown in explanations. */
  String actual(Object value, Bounds bounds) {
    return Show.value(value);
  }

  @Override
  Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
    Object v = read(src, customer, attribute, position, type);
    return v == null ? Truth.UNKNOWN : test(v, bounds) ? Truth.TRUE : Truth.FALSE;
  }

  /**
   * The result for a value that an overriding {@link #eval} did not accept: UNKNOWN when there is
   * no value; otherwise the value has the wrong type, and this throws.
   */
  final Truth notAccepted(ValueSource src, Customer customer, Object v) {
    if (v == null) {
      return Truth.UNKNOWN;
    }
    throw wrongType(src, customer, attribute, type, v);
  }

  @Override
  final Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
    Object v = read(src, customer, attribute, position, type);
    Truth result = v == null ? Truth.UNKNOWN : test(v, bounds) ? Truth.TRUE : Truth.FALSE;
    return Explanation.leaf(
        attribute + " " + expected,
        result,
        v == null ? Explanation.MISSING : actual(v, bounds),
        expected);
  }

  /**
   * The attribute's value, or null; throws when it is not of the declared type. Numbers are
   * accepted as Long or Double for both numeric types: both compare exactly. {@code position} is
   * the attribute's position in the schema, or -1 (see {@link ValueSource#value(int, String)}).
   */
  static Object read(
      ValueSource src, Customer customer, String attribute, int position, AttributeType type) {
    Object v = src.value(position, attribute);
    if (v == null || accepts(type, v)) {
      return v;
    }
    throw wrongType(src, customer, attribute, type, v);
  }

  static boolean accepts(AttributeType type, Object v) {
    switch (type) {
      case INTEGER:
      case NUMBER:
        return v instanceof Long || v instanceof Double;
      case STRING_SET:
        return v instanceof Set;
      default:
        return type.javaType().isInstance(v);
    }
  }

  private static InvalidDataException wrongType(
      ValueSource src, Customer customer, String attribute, AttributeType type, Object v) {
    String where = src instanceof Event e ? " of a \"" + e.type() + "\" event" : "";
    String expected =
        type.isNumeric()
            ? "a Long or Double"
            : type == AttributeType.STRING_SET
                ? "a Set of strings"
                : "a " + type.javaType().getSimpleName();
    return new InvalidDataException(
        customer == null ? null : customer.id(),
        attribute,
        "the value"
            + where
            + " has the wrong type for "
            + type.externalName()
            + ": expected "
            + expected
            + ", got "
            + v.getClass().getName());
  }
}
