package dev.segmentation.condition;

/**
 * The kind of a condition node: one per record of the {@link Condition} tree, so that engines
 * dispatch with an exhaustive {@code switch}.
 */
public enum Kind {
  ALWAYS,
  NEVER,
  AND,
  OR,
  NOT,
  COMPARE,
  BETWEEN,
  IN,
  STRING_MATCH,
  TAG_MATCH,
  TAG_COUNT,
  PRESENCE,
  RELATIVE_TIME,
  CALENDAR_WINDOW,
  ANNIVERSARY,
  GEO_WITHIN,
  IN_SEGMENT,
  EVENT,
  SCORE,
  IN_TIER;

  /**
   * Whether this kind combines other conditions (AND, OR, NOT): the one place that says so, so that
   * the plan, the rewriter and explanations need not list every leaf kind again.
   */
  public boolean isOperator() {
    return switch (this) {
      case AND, OR, NOT -> true;
      case ALWAYS,
          NEVER,
          COMPARE,
          BETWEEN,
          IN,
          STRING_MATCH,
          TAG_MATCH,
          TAG_COUNT,
          PRESENCE,
          RELATIVE_TIME,
          CALENDAR_WINDOW,
          ANNIVERSARY,
          GEO_WITHIN,
          IN_SEGMENT,
          EVENT,
          SCORE,
          IN_TIER ->
          false;
    };
  }
}
