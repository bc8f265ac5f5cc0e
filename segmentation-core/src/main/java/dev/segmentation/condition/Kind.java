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
  IN_TIER
}
