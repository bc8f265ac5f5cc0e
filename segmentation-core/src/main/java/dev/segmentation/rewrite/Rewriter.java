package dev.segmentation.rewrite;

import dev.segmentation.condition.Condition;

/** Simplifies conditions before compilation. TODO(rewrite helper): implement; identity for now. */
public final class Rewriter {
  private Rewriter() {}

  /** An equivalent, simpler condition under three-valued logic; {@code condition} if unchanged. */
  public static Condition rewrite(Condition condition) {
    return condition;
  }
}
