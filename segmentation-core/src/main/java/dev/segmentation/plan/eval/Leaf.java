package dev.segmentation.plan.eval;

import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.ValueSource;
import dev.segmentation.model.Values;
import java.util.Set;

/**
 * A test of one attribute's value: UNKNOWN when the attribute has no value, otherwise TRUE or FALSE
 * as {@link #test} says. Values are read through {@link ValueSource#value}; a value not in its
 * type's canonical form is converted by the rule the table builder uses ({@link Values#canonical}),
 * so that a customer implementation returning an Integer or an OffsetDateTime gets the answer the
 * columnar engine gives, and one returning a value that does not fit gets the same {@link
 * InvalidDataException}, naming the customer and attribute, instead of a ClassCastException.
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
  // The kind of condition compiled to this leaf: set once by the Compiler, before the program that
  // holds it is published (see Program), and read only by explain.
  Kind kind;

  /**
   * What a leaf passes as {@code ifAbsent} to the primitive reads of longs, epoch days and epoch
   * milliseconds: a value rare in data, and when it does come back the leaf reads {@link
   * ValueSource#value(int, String)} to tell "no value" from a value equal to it ({@link #confirm}).
   * Doubles use NaN, which is never a value.
   */
  static final long ASK = Long.MIN_VALUE;

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
   * The result for a value that an overriding {@link #eval} did not accept as canonical: UNKNOWN
   * when there is no value; otherwise the value converted by the one conversion rule ({@link
   * Values#canonical}, which may allocate) and tested, or an {@link InvalidDataException} when it
   * does not fit.
   */
  final Truth notAccepted(ValueSource src, Customer customer, Object v, Bounds bounds) {
    if (v == null) {
      return Truth.UNKNOWN;
    }
    return test(convert(src, customer, attribute, type, v), bounds) ? Truth.TRUE : Truth.FALSE;
  }

  /**
   * The result when the primitive read path ({@link ValueSource#longValue} and its kin) answered
   * with the engine's "ask value()" marker: the value read through {@link ValueSource#value(int,
   * String)}, UNKNOWN when there is none, else tested after the one conversion rule (exactly as the
   * boxed path always did). Out of line: in the common case a leaf makes one call.
   */
  final Truth confirm(ValueSource src, Customer customer, Bounds bounds) {
    return notAccepted(src, customer, src.value(position, attribute), bounds);
  }

  @Override
  final Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
    Object v = read(src, customer, attribute, position, type);
    Truth result = v == null ? Truth.UNKNOWN : test(v, bounds) ? Truth.TRUE : Truth.FALSE;
    return Explanation.leaf(
        kind,
        attribute + " " + expected,
        result,
        v == null ? Explanation.MISSING : actual(v, bounds),
        expected);
  }

  /**
   * The attribute's value in canonical form (see {@link Values#canonical}), or null; throws when it
   * does not fit the declared type. A value already canonical is returned as it is, without
   * allocating. {@code position} is the attribute's position in the schema, or -1 (see {@link
   * ValueSource#value(int, String)}).
   */
  static Object read(
      ValueSource src, Customer customer, String attribute, int position, AttributeType type) {
    Object v = src.value(position, attribute);
    if (v == null || accepts(src, type, v)) {
      return v;
    }
    return convert(src, customer, attribute, type, v);
  }

  /** Whether {@code v} is already in the canonical form of {@code type}. */
  static boolean accepts(ValueSource src, AttributeType type, Object v) {
    switch (type) {
      case INTEGER:
        return v instanceof Long;
      case NUMBER:
        return v instanceof Double d && Double.isFinite(d);
      case STRING_SET:
        // A Set is used as it is: checking its elements on every read would allocate an iterator,
        // and an element that is not a string can never equal a rule's tag. Other collections are
        // converted (and checked) by the rule.
        return v instanceof Set;
      default:
        return type.javaType().isInstance(v);
    }
  }

  // The one conversion rule; errors name the customer, the attribute and the event type.
  private static Object convert(
      ValueSource src, Customer customer, String attribute, AttributeType type, Object v) {
    return Values.canonical(
        customer == null ? null : customer.id(),
        src instanceof Event e ? e.type() : null,
        attribute,
        type,
        v);
  }
}
