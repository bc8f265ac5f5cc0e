package dev.segmentation.plan;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.InTier;
import dev.segmentation.model.AttributeType;
import java.util.Set;

/**
 * Rough costs of plan nodes, in nanoseconds per row on the columnar backend, for ordering the
 * operands of AND and OR cheapest first (known before evaluation, as Lucene's {@code
 * ScorerSupplier.cost()}); only their order matters. Word-at-a-time kernels cost least, then
 * branch-free loops over primitive columns, hash lookups, events, geo distances, and whatever goes
 * row by row through the plan-node evaluator. An operator costs the sum of its operands; a
 * reference to a segment, score or tiering computed before costs nothing.
 */
final class Costs {
  private Costs() {}

  static final double WORD = 0.05;
  static final double COLUMN = 1;
  static final double LOOKUP = 4;
  static final double EVENT = 15;
  static final double GEO = 40;
  static final double ROW_BY_ROW = 400;

  /** A reference to a unit (segment, score, tiering) computed before: free. */
  static final double REFERENCE = 0;

  /**
   * The cost of leaf {@code c}, which reads an attribute of type {@code type} (null when it reads
   * none: the plan resolved it, {@link PlanNode#attribute()}); {@code tierings} are the catalog's
   * tierings' names (other {@code inTier} conditions name RFM models, which go row by row).
   */
  static double of(Condition c, AttributeType type, Set<String> tierings) {
    return switch (c.kind()) {
      case ALWAYS, NEVER, PRESENCE -> WORD;
      case COMPARE -> type == AttributeType.BOOLEAN ? WORD : COLUMN;
      case BETWEEN, STRING_MATCH, RELATIVE_TIME, CALENDAR_WINDOW, TAG_MATCH, TAG_COUNT -> COLUMN;
      case IN ->
          type == AttributeType.BOOLEAN
              ? WORD
              : type == AttributeType.STRING
                  ? COLUMN
                  : type == AttributeType.TIMESTAMP ? ROW_BY_ROW : LOOKUP;
      case EVENT -> EVENT;
      case GEO_WITHIN -> GEO;
      case SCORE -> REFERENCE;
      case IN_TIER -> tierings.contains(((InTier) c).tiering()) ? REFERENCE : ROW_BY_ROW;
      case ANNIVERSARY -> ROW_BY_ROW;
      // The planner costs operators from their operands and a reference as its target.
      case AND, OR, NOT, IN_SEGMENT ->
          throw new IllegalArgumentException("not a leaf: " + c.kind());
    };
  }
}
