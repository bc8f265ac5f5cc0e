package dev.segmentation.condition;

import dev.segmentation.model.ExternalName;
import java.util.Objects;

/**
 * A test on a string attribute: prefix, suffix, substring or RE2 regular expression (find
 * semantics: the pattern may match anywhere; anchor it with {@code ^...$} for a whole match). With
 * {@code ignoreCase}, both sides are compared case-insensitively ({@code Locale.ROOT} case
 * folding). UNKNOWN when the attribute has no value.
 *
 * @param attribute the attribute's name
 * @param op the kind of test
 * @param value the prefix, suffix, substring or pattern
 * @param ignoreCase whether case is ignored
 */
public record StringMatch(String attribute, Op op, String value, boolean ignoreCase)
    implements Condition {

  /** The kinds of string test. */
  public enum Op implements ExternalName {
    STARTS_WITH("startsWith"),
    ENDS_WITH("endsWith"),
    CONTAINS("contains"),
    MATCHES("matches");

    private final String externalName;

    Op(String externalName) {
      this.externalName = externalName;
    }

    /** The stable name in rule documents, e.g. {@code "startsWith"}. */
    @Override
    public String externalName() {
      return externalName;
    }

    /** The op with this external name, or null. */
    public static Op fromExternalName(String name) {
      return ExternalName.find(Op.class, name);
    }
  }

  public StringMatch {
    Args.name(attribute, "attribute");
    Args.notNull(op, "string operator");
    Args.notNull(value, "value");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof StringMatch that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(op, that.op)
        && Objects.equals(value, that.value)
        && ignoreCase == that.ignoreCase;
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, op, value, ignoreCase);
  }

  @Override
  public Kind kind() {
    return Kind.STRING_MATCH;
  }
}
