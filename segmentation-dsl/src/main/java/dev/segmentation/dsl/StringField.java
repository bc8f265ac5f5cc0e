package dev.segmentation.dsl;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.model.Attribute;

/**
 * A string attribute: comparisons by code point, prefix / suffix / substring tests and RE2 patterns
 * (find semantics); {@link #ignoringCase()} for the case-insensitive tests.
 */
public final class StringField extends ComparableField<String, String> {
  StringField(Attribute<String> attribute) {
    super(attribute);
  }

  /** TRUE when the value starts with {@code prefix}. */
  public Condition startsWith(String prefix) {
    return new StringMatch(name(), StringMatch.Op.STARTS_WITH, prefix, false);
  }

  /** TRUE when the value ends with {@code suffix}. */
  public Condition endsWith(String suffix) {
    return new StringMatch(name(), StringMatch.Op.ENDS_WITH, suffix, false);
  }

  /** TRUE when the value contains {@code part}. */
  public Condition contains(String part) {
    return new StringMatch(name(), StringMatch.Op.CONTAINS, part, false);
  }

  /** TRUE when the RE2 {@code pattern} matches anywhere in the value; anchor with ^...$. */
  public Condition matches(String pattern) {
    return new StringMatch(name(), StringMatch.Op.MATCHES, pattern, false);
  }

  /**
   * The same tests, ignoring case ({@code Locale.ROOT}): {@code
   * EMAIL.ignoringCase().endsWith("@acme.com")}.
   */
  public IgnoringCase ignoringCase() {
    return new IgnoringCase(name());
  }

  /** Case-insensitive string tests of one attribute. */
  public static final class IgnoringCase {
    private final String attribute;

    IgnoringCase(String attribute) {
      this.attribute = attribute;
    }

    /** TRUE when the value starts with {@code prefix}, ignoring case. */
    public Condition startsWith(String prefix) {
      return new StringMatch(attribute, StringMatch.Op.STARTS_WITH, prefix, true);
    }

    /** TRUE when the value ends with {@code suffix}, ignoring case. */
    public Condition endsWith(String suffix) {
      return new StringMatch(attribute, StringMatch.Op.ENDS_WITH, suffix, true);
    }

    /** TRUE when the value contains {@code part}, ignoring case. */
    public Condition contains(String part) {
      return new StringMatch(attribute, StringMatch.Op.CONTAINS, part, true);
    }

    /** TRUE when the RE2 {@code pattern} matches anywhere, ignoring case. */
    public Condition matches(String pattern) {
      return new StringMatch(attribute, StringMatch.Op.MATCHES, pattern, true);
    }
  }
}
