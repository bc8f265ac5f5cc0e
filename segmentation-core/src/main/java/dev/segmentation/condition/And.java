package dev.segmentation.condition;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * TRUE when every operand is TRUE; FALSE when any is FALSE; otherwise UNKNOWN. An AND of no
 * operands is TRUE.
 *
 * @param of the operands, in order (unmodifiable)
 */
public record And(List<Condition> of) implements Condition {
  public And {
    of = Args.list(of, "operands of and");
  }

  public static And of(Condition... operands) {
    return new And(
        Args.list(Arrays.asList(Args.notNull(operands, "operands of and")), "operands of and"));
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof And that && Objects.equals(of, that.of);
  }

  @Override
  public int hashCode() {
    return Objects.hash(of);
  }

  @Override
  public Kind kind() {
    return Kind.AND;
  }

  @Override
  public List<Condition> children() {
    return of;
  }
}
