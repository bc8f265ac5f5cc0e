package dev.segmentation.live;

import dev.segmentation.engine.EvaluationContext;
import java.time.Instant;

/**
 * The earliest of the candidate instants offered that are after {@code asOf} and no later than
 * {@link EvaluationContext#MAX_AS_OF} (no evaluation happens later, so no change can be seen then).
 * Not thread-safe; one per computation.
 */
final class Earliest {
  private final Instant after;
  private Instant best;

  Earliest(Instant after) {
    this.after = after;
  }

  /** The instant candidates must be after. */
  Instant after() {
    return after;
  }

  /**
   * Takes {@code t} when it is after {@link #after()}, in range and earlier than the best so far.
   */
  void offer(Instant t) {
    if (t != null
        && t.isAfter(after)
        && !t.isAfter(EvaluationContext.MAX_AS_OF)
        && (best == null || t.isBefore(best))) {
      best = t;
    }
  }

  /** The earliest instant offered, or null. */
  Instant best() {
    return best;
  }
}
