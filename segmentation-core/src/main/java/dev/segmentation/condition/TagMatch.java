package dev.segmentation.condition;

import dev.segmentation.model.ExternalName;
import java.util.Objects;
import java.util.Set;

/**
 * A test of a string-set attribute (tags) against a set of values: contains any of them, all of
 * them, or none of them. An empty tag set is a value: it contains none of anything. UNKNOWN only
 * when the attribute has no value.
 *
 * @param attribute the attribute's name
 * @param op the kind of test
 * @param values the values looked for (unmodifiable)
 */
public record TagMatch(String attribute, Op op, Set<String> values) implements Condition {

  /** The kinds of tag test. */
  public enum Op implements ExternalName {
    CONTAINS_ANY("containsAny"),
    CONTAINS_ALL("containsAll"),
    CONTAINS_NONE("containsNone");

    private final String externalName;

    Op(String externalName) {
      this.externalName = externalName;
    }

    /** The stable name in rule documents, e.g. {@code "containsAny"}. */
    @Override
    public String externalName() {
      return externalName;
    }

    /** The op with this external name, or null. */
    public static Op fromExternalName(String name) {
      return ExternalName.find(Op.class, name);
    }
  }

  public TagMatch {
    Args.name(attribute, "attribute");
    Args.notNull(op, "tag operator");
    values = Args.strings(values, "values");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof TagMatch that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(op, that.op)
        && Objects.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, op, values);
  }

  @Override
  public Kind kind() {
    return Kind.TAG_MATCH;
  }
}
