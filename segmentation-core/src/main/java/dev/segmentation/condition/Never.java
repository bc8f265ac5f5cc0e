package dev.segmentation.condition;

import java.util.Objects;

/**
 * The constant FALSE: no customer matches. When the rewriter proves a condition can never match, it
 * returns a {@code Never} whose reason says why (e.g. {@code "age > 50 and age < 30 contradict"}).
 *
 * @param reason why nothing matches; empty when written by hand
 */
public record Never(String reason) implements Condition {
  public Never {
    reason = reason == null ? "" : reason;
  }

  public Never() {
    this("");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof Never that && Objects.equals(reason, that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reason);
  }

  @Override
  public Kind kind() {
    return Kind.NEVER;
  }
}
