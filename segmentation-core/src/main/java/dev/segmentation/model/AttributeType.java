package dev.segmentation.model;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The type of an attribute or event property.
 *
 * <p>Each type has one Java representation that engines read: {@code STRING} is {@link String},
 * {@code INTEGER} is {@link Long} (any integral {@link Number} is accepted on input), {@code
 * NUMBER} is {@link Double} (any {@link Number}), {@code BOOLEAN} is {@link Boolean}, {@code DATE}
 * is {@link LocalDate}, {@code TIMESTAMP} is {@link Instant}, {@code STRING_SET} is an {@link
 * ImmutableSet} of strings (tags, categories) and {@code GEO_POINT} is {@link GeoPoint}.
 */
public enum AttributeType implements ExternalName {
  STRING("string", String.class),
  INTEGER("integer", Long.class),
  NUMBER("number", Double.class),
  BOOLEAN("boolean", Boolean.class),
  DATE("date", LocalDate.class),
  TIMESTAMP("timestamp", Instant.class),
  STRING_SET("stringSet", ImmutableSet.class),
  GEO_POINT("geoPoint", GeoPoint.class);

  private final String externalName;
  private final Class<?> javaType;

  AttributeType(String externalName, Class<?> javaType) {
    this.externalName = externalName;
    this.javaType = javaType;
  }

  /** The stable name used in rule documents and messages, e.g. {@code "stringSet"}. */
  @Override
  public String externalName() {
    return externalName;
  }

  /** The external name with its article, for messages: {@code an integer}, {@code a date}. */
  public String withArticle() {
    return ("aeiou".indexOf(externalName.charAt(0)) >= 0 ? "an " : "a ") + externalName;
  }

  /**
   * The type in a rule author's words, with its article, for the checker's messages: {@code an
   * integer}, {@code a set of strings}, {@code a geo point}. {@link #withArticle} uses the external
   * name instead ({@code a stringSet}).
   */
  public String inWords() {
    return switch (this) {
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case DATE -> "a date";
      case TIMESTAMP -> "a timestamp";
      case STRING_SET -> "a set of strings";
      case GEO_POINT -> "a geo point";
    };
  }

  /** The canonical Java class of a value of this type. */
  public Class<?> javaType() {
    return javaType;
  }

  /** True for INTEGER and NUMBER. */
  public boolean isNumeric() {
    return this == INTEGER || this == NUMBER;
  }

  /** True for DATE and TIMESTAMP. */
  public boolean isTemporal() {
    return this == DATE || this == TIMESTAMP;
  }

  /** True for types with a total order (numbers, strings, dates, timestamps). */
  public boolean isOrdered() {
    return isNumeric() || isTemporal() || this == STRING;
  }

  /**
   * The type with the given external name, e.g. {@code "integer"}.
   *
   * @throws IllegalArgumentException naming the unknown type and listing the known ones
   */
  public static AttributeType fromExternalName(String name) {
    AttributeType type = ExternalName.find(AttributeType.class, name);
    if (type == null) {
      throw new IllegalArgumentException(
          "unknown attribute type \""
              + name
              + "\"; known types: "
              + String.join(", ", ExternalName.names(AttributeType.class)));
    }
    return type;
  }
}
