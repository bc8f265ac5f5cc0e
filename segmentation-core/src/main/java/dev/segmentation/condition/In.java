package dev.segmentation.condition;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * TRUE when the attribute equals one of the values (numbers by exact value), FALSE when it equals
 * none, UNKNOWN when it has no value. "Not in" is {@code new Not(in)}, which under three-valued
 * logic is exactly SQL's {@code NOT IN}. Engines look values up in constant time, so lists of
 * 100,000 values are fine.
 *
 * @param attribute the attribute's name
 * @param values the values, in the order given (duplicates removed) (unmodifiable)
 */
public record In(String attribute, Set<Object> values) implements Condition {
  public In {
    Args.name(attribute, "attribute");
    values = Args.literals(values, "values");
  }

  public static In of(String attribute, Collection<?> values) {
    return new In(attribute, Args.literals(values, "values"));
  }

  public static In of(String attribute, Object... values) {
    return of(attribute, java.util.Arrays.asList(values));
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof In that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, values);
  }

  @Override
  public Kind kind() {
    return Kind.IN;
  }
}
