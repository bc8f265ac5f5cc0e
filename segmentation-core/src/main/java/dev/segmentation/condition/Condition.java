package dev.segmentation.condition;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A rule over one customer, as an immutable tree that engines inspect, check, rewrite and compile.
 *
 * <p>Every node evaluates to TRUE, FALSE or UNKNOWN ({@link Truth}) exactly as SQL's WHERE does: a
 * leaf whose attribute has no value is UNKNOWN, AND/OR/NOT follow Kleene logic, and a customer is
 * in a segment only when its condition is TRUE. Conditions compose:
 *
 * <pre>{@code
 * Condition nordicAdults = new Compare("age", Operator.GE, 18L)
 *     .and(new In("country", Set.of("FI", "SE", "NO")));
 * }</pre>
 *
 * The fluent builder in {@code segmentation-dsl} is the friendlier way to write them. Records are
 * equal when their trees are equal.
 *
 * <p>Every record of this package (and {@link dev.segmentation.model.GeoPoint}) declares {@code
 * equals} and {@code hashCode} itself, with exactly the meaning of a record's implicit ones: the
 * implicit ones are linked on first call through {@code java.lang.runtime.ObjectMethods}
 * bootstraps, which cost tens of milliseconds at the start of every JVM that compiles a catalog.
 */
public sealed interface Condition
    permits Always,
        Never,
        And,
        Or,
        Not,
        Compare,
        Between,
        In,
        StringMatch,
        TagMatch,
        TagCount,
        Presence,
        RelativeTime,
        CalendarWindow,
        Anniversary,
        GeoWithin,
        InSegment,
        EventCondition,
        ScoreCondition,
        InTier {

  /** The node's kind, for exhaustive dispatch. */
  Kind kind();

  /**
   * The attribute this leaf reads ({@code "age"} for {@code age >= 18}), or null for a condition
   * that reads none directly: logic, constants, segment references, events, scores and tiers.
   */
  default String attribute() {
    return null;
  }

  /** The direct sub-conditions: the operands of AND/OR/NOT, the filter of an event condition. */
  default List<Condition> children() {
    return ImmutableList.of();
  }

  /** {@code this AND other}. */
  default Condition and(Condition other) {
    return new And(ImmutableList.of(this, Args.notNull(other, "operand of and")));
  }

  /** {@code this OR other}. */
  default Condition or(Condition other) {
    return new Or(ImmutableList.of(this, Args.notNull(other, "operand of or")));
  }

  /** {@code NOT this}: TRUE when this is FALSE, FALSE when TRUE, UNKNOWN when UNKNOWN. */
  default Condition negate() {
    return new Not(this);
  }
}
