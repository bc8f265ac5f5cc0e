package dev.segmentation.internal;

import java.util.Collection;

/**
 * "Did you mean" suggestions for misspelt names: the known name within edit distance 2.
 *
 * <pre>{@code
 * Spelling.didYouMean("agee", List.of("age", "country")); // "; did you mean \"age\"?"
 * }</pre>
 */
public final class Spelling {
  private Spelling() {}

  /** The known name closest to {@code name} within edit distance 2 (first on ties), or null. */
  public static String closest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : known) {
      int d = distance(name, candidate, bestDistance);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** {@code ; did you mean "x"?} for the closest known name, or the empty string. */
  public static String didYouMean(String name, Collection<String> known) {
    String best = closest(name, known);
    return best == null ? "" : "; did you mean \"" + best + "\"?";
  }

  /**
   * Levenshtein distance between {@code a} and {@code b}, or {@code limit} when it is at least
   * {@code limit}; long strings are not compared (they return {@code limit}).
   */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit || a.length() > 200 || b.length() > 200) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin >= limit) {
        return limit;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], limit);
  }
}
