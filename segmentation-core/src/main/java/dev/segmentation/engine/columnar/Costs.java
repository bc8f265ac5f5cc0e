package dev.segmentation.engine.columnar;

import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InTier;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Rough costs of leaves, in nanoseconds per row, for ordering the operands of AND and OR cheapest
 * first (known before evaluation, as Lucene's {@code ScorerSupplier.cost()}); only their order
 * matters. Word-at-a-time kernels cost least, then branch-free loops over primitive columns, hash
 * lookups, events, geo distances, and whatever goes row by row through the row engine.
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
   * The cost of leaf {@code c}; {@code tierings} are the catalog's tierings' names (other {@code
   * inTier} conditions name RFM models, which go row by row).
   */
  static double of(Condition c, Schema schema, Set<String> tierings) {
    switch (c.kind()) {
      case ALWAYS:
      case NEVER:
      case PRESENCE:
        return WORD;
      case COMPARE:
        return type(((Compare) c).attribute(), schema) == AttributeType.BOOLEAN ? WORD : COLUMN;
      case BETWEEN:
      case STRING_MATCH:
      case RELATIVE_TIME:
      case CALENDAR_WINDOW:
      case TAG_MATCH:
      case TAG_COUNT:
        return COLUMN;
      case IN:
        {
          AttributeType t = type(((In) c).attribute(), schema);
          return t == AttributeType.BOOLEAN
              ? WORD
              : t == AttributeType.STRING
                  ? COLUMN
                  : t == AttributeType.TIMESTAMP ? ROW_BY_ROW : LOOKUP;
        }
      case EVENT:
        return readsOnlyValues(((EventCondition) c).where()) ? EVENT : ROW_BY_ROW;
      case GEO_WITHIN:
        return GEO;
      case SCORE:
        return REFERENCE;
      case IN_TIER:
        return tierings.contains(((InTier) c).tiering()) ? REFERENCE : ROW_BY_ROW;
      case ANNIVERSARY:
      default:
        return ROW_BY_ROW;
    }
  }

  private static AttributeType type(String attribute, Schema schema) {
    Attribute<?> a = schema.attribute(attribute);
    return a == null ? null : a.type();
  }

  /**
   * Whether a condition reads only attribute values (no segment, score, tier or event), so that it
   * can be evaluated over a table of event properties.
   */
  static boolean readsOnlyValues(Condition c) {
    Deque<Condition> stack = new ArrayDeque<>();
    stack.push(c);
    while (!stack.isEmpty()) {
      Condition x = stack.pop();
      switch (x.kind()) {
        case IN_SEGMENT:
        case SCORE:
        case IN_TIER:
        case EVENT:
          return false;
        case AND:
        case OR:
        case NOT:
          x.children().forEach(stack::push);
          break;
        default:
          break;
      }
    }
    return true;
  }
}
