package dev.segmentation.condition;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * Kleene NOT: TRUE when the operand is FALSE, FALSE when it is TRUE, UNKNOWN when it is UNKNOWN. So
 * {@code NOT (country = "FI")} does not match customers without a country, as in SQL.
 *
 * @param of the operand
 */
public record Not(Condition of) implements Condition {
  public Not {
    Args.notNull(of, "operand of not");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof Not that && Objects.equals(of, that.of);
  }

  @Override
  public int hashCode() {
    return Objects.hash(of);
  }

  @Override
  public Kind kind() {
    return Kind.NOT;
  }

  @Override
  public List<Condition> children() {
    return ImmutableList.of(of);
  }
}
