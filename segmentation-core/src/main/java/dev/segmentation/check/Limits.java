package dev.segmentation.check;

/**
 * Limits on the size of rules, so that untrusted rules cannot exhaust memory, stack or time.
 * Defaults are generous for hand-written rules; callers can tighten or loosen them.
 *
 * @param maxDepth deepest nesting of conditions
 * @param maxNodes most condition nodes in one document
 * @param maxListSize most values in one list ({@code in}, tag sets)
 * @param maxStringLength longest string value
 * @param maxPatternLength longest regular expression
 * @param maxPatternProgram most instructions a regular expression may compile to, estimated from
 *     its text before compiling: {@code x{n}} counts n copies of {@code x}. (Nested repeat counts
 *     may in addition multiply to at most 1,000, RE2's own rule.)
 */
public record Limits(
    int maxDepth,
    int maxNodes,
    int maxListSize,
    int maxStringLength,
    int maxPatternLength,
    int maxPatternProgram) {

  /** The default size of a pattern's program: 100,000 instructions, compiled in milliseconds. */
  public static final int DEFAULT_MAX_PATTERN_PROGRAM = 100_000;

  /**
   * depth 64, 100,000 nodes, 100,000 list values, 10,000-char strings, 1,000-char patterns of at
   * most 100,000 instructions.
   */
  public static final Limits DEFAULT = new Limits(64, 100_000, 100_000, 10_000, 1_000);

  public Limits {
    if (maxDepth < 1
        || maxNodes < 1
        || maxListSize < 1
        || maxStringLength < 1
        || maxPatternLength < 1
        || maxPatternProgram < 1) {
      throw new IllegalArgumentException("every limit must be at least 1");
    }
  }

  /** Limits with the default {@link #DEFAULT_MAX_PATTERN_PROGRAM}. */
  public Limits(
      int maxDepth, int maxNodes, int maxListSize, int maxStringLength, int maxPatternLength) {
    this(
        maxDepth,
        maxNodes,
        maxListSize,
        maxStringLength,
        maxPatternLength,
        DEFAULT_MAX_PATTERN_PROGRAM);
  }
}
