package dev.segmentation.dsl;

import dev.segmentation.model.Attribute;

/**
 * An attribute known only by name, for rules assembled at run time (e.g. from a form): literals are
 * not typed by the compiler, so check the rules against a schema ({@code Checker}) before use.
 *
 * <pre>{@code
 * Condition c = attribute(form.field()).ge(form.number());
 * Condition d = attribute("email").asString().ignoringCase().endsWith("@acme.com");
 * }</pre>
 */
public final class AnyField extends ComparableField<Object, Object> implements TimeField {
  AnyField(String name) {
    super(name);
  }

  /** The string tests of this attribute. */
  public StringField asString() {
    return new StringField(Attribute.string(name()));
  }

  /** The tag-set tests of this attribute. */
  public TagsField asTags() {
    return new TagsField(Attribute.stringSet(name()));
  }

  /** The geographic tests of this attribute. */
  public GeoField asGeo() {
    return new GeoField(Attribute.geoPoint(name()));
  }
}
