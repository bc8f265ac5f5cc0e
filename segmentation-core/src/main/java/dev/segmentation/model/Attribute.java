package dev.segmentation.model;

import dev.segmentation.internal.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named, typed attribute of a customer (or a property of an event).
 *
 * <p>Java users declare typed constants once and use them in rules and when building customers:
 *
 * <pre>{@code
 * static final Attribute<Long> AGE = Attribute.integer("age");
 * static final Attribute<String> COUNTRY = Attribute.string("country");
 * }</pre>
 *
 * Rules that arrive as data refer to attributes by name and are resolved against a {@link Schema}.
 * Two attributes are equal when name and type are equal.
 *
 * @param <T> the Java type of the attribute's values
 */
public final class Attribute<T> {

  /** Names: a letter, then letters, digits, {@code _}, {@code -} or {@code .}; at most 128. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,127}");

  private final String name;
  private final AttributeType type;

  private Attribute(String name, AttributeType type) {
    this.name = checkName(name, "attribute");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** Checks a name of an attribute, event type, segment or model; returns it. */
  public static String checkName(String name, String what) {
    if (name == null) {
      throw new IllegalArgumentException(what + " name must not be null");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " name \""
              + Text.abbreviate(name)
              + "\" is malformed: it must start with a letter and contain only letters, digits,"
              + " '_', '-' or '.', at most 128 characters");
    }
    return name;
  }

  /** A string attribute. */
  public static Attribute<String> string(String name) {
    return new Attribute<>(name, AttributeType.STRING);
  }

  /** An integer attribute (64-bit). */
  public static Attribute<Long> integer(String name) {
    return new Attribute<>(name, AttributeType.INTEGER);
  }

  /** A floating-point attribute (64-bit). */
  public static Attribute<Double> number(String name) {
    return new Attribute<>(name, AttributeType.NUMBER);
  }

  /** A boolean attribute. */
  public static Attribute<Boolean> bool(String name) {
    return new Attribute<>(name, AttributeType.BOOLEAN);
  }

  /** A calendar date attribute (no time of day, no zone). */
  public static Attribute<LocalDate> date(String name) {
    return new Attribute<>(name, AttributeType.DATE);
  }

  /** An instant on the time line. */
  public static Attribute<Instant> timestamp(String name) {
    return new Attribute<>(name, AttributeType.TIMESTAMP);
  }

  /** A set of strings, such as tags or categories. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Attribute<Set<String>> stringSet(String name) {
    return new Attribute(name, AttributeType.STRING_SET);
  }

  /** A geographic point. */
  public static Attribute<GeoPoint> geoPoint(String name) {
    return new Attribute<>(name, AttributeType.GEO_POINT);
  }

  /** An attribute whose type is known only at run time, e.g. from a rules document. */
  public static Attribute<?> of(String name, AttributeType type) {
    return new Attribute<>(name, type);
  }

  public String name() {
    return name;
  }

  public AttributeType type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attribute<?> other && name.equals(other.name) && type == other.type;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + type.hashCode();
  }

  /** {@code name: type}, e.g. {@code age: integer}. */
  @Override
  public String toString() {
    return name + ": " + type.externalName();
  }
}
