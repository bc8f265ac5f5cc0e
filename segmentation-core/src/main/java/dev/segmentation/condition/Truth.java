package dev.segmentation.condition;

/**
 * The result of a condition under SQL's three-valued (Kleene) logic. A customer is in a segment
 * only when the segment's condition is {@link #TRUE}.
 */
public enum Truth {
  FALSE,
  UNKNOWN,
  TRUE;

  /** Kleene AND: FALSE if either is FALSE, else UNKNOWN if either is UNKNOWN, else TRUE. */
  public Truth and(Truth other) {
    return this.ordinal() <= other.ordinal() ? this : other;
  }

  /** Kleene OR: TRUE if either is TRUE, else UNKNOWN if either is UNKNOWN, else FALSE. */
  public Truth or(Truth other) {
    return this.ordinal() >= other.ordinal() ? this : other;
  }

  /** Kleene NOT: swaps TRUE and FALSE; NOT UNKNOWN is UNKNOWN. */
  public Truth not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }

  /** TRUE or FALSE for a known boolean. */
  public static Truth of(boolean b) {
    return b ? TRUE : FALSE;
  }

  /** True only for TRUE: what segment membership means. */
  public boolean isTrue() {
    return this == TRUE;
  }
}
