package dev.segmentation.condition;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * TRUE when any operand is TRUE; FALSE when every operand is FALSE; otherwise UNKNOWN. An OR of no
 * operands is FALSE.
 *
 * @param of the operands, in order (unmodifiable)
 */
public record Or(List<Condition> of) implements Condition {
  public Or {
    of = Args.list(of, "operands of or");
  }

  public static Or of(Condition... operands) {
    return new Or(
        Args.list(Arrays.asList(Args.notNull(operands, "operands of or")), "operands of or"));
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof Or that && Objects.equals(of, that.of);
  }

  @Override
  public int hashCode() {
    return Objects.hash(of);
  }

  @Override
  public Kind kind() {
    return Kind.OR;
  }

  @Override
  public List<Condition> children() {
    return of;
  }
}
