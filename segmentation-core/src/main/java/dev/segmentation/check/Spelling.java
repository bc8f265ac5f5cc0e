package dev.segmentation.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Did you mean" suggestions for misspelt names: the known name within edit distance 2, letters
 * compared without regard to case. The one rule behind every suggestion of the checker, the JSON
 * reader and the command line; public for tools that report problems in the same words.
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
    return suggestion(closest(name, known));
  }

  /**
   * {@code (did you mean "x"?)} for the closest known name, or the empty string: the same
   * suggestion as an aside, for messages that go on after it (the command line's).
   */
  public static String didYouMeanAside(String name, Collection<String> known) {
    String best = closest(name, known);
    return best == null ? "" : " (" + question(best) + ")";
  }

  /**
   * An unknown name's suggestion and the names allowed, as the messages about names from a fixed
   * set say it: {@code ; did you mean "days"? (units: minutes, hours, days)}.
   *
   * <pre>{@code
   * String message =
   *     "unknown unit \"dayz\"" + Spelling.didYouMeanAmong("dayz", List.of("hours", "days"), "units");
   * // unknown unit "dayz"; did you mean "days"? (units: hours, days)
   * }</pre>
   */
  public static String didYouMeanAmong(String name, List<String> known, String plural) {
    return didYouMean(name, known) + listing(plural, known, Integer.MAX_VALUE);
  }

  /**
   * {@code (plural: a, b, c)}, naming at most {@code most} names and counting the rest: {@code
   * (tiers: a, b, ... 3 more)}.
   */
  public static String listing(String plural, List<String> names, int most) {
    int shown = Math.min(names.size(), most);
    return " ("
        + plural
        + ": "
        + String.join(", ", names.subList(0, shown))
        + (names.size() > shown ? ", ... " + (names.size() - shown) + " more" : "")
        + ")";
  }

  /**
   * The names as a choice, {@code a, b or c}, for messages that say what a value must be: {@code
   * --dialect must be duckdb, postgres or spark}.
   */
  public static String either(List<String> names) {
    if (names.size() < 2) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  /** {@code ; did you mean "x"?}, or the empty string for null. */
  private static String suggestion(String best) {
    return best == null ? "" : "; " + question(best);
  }

  private static String question(String best) {
    return "did you mean \"" + best + "\"?";
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
        int cost = sameIgnoringCase(a.charAt(i - 1), b.charAt(j - 1)) ? 0 : 1;
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

  private static boolean sameIgnoringCase(char x, char y) {
    return x == y || Character.toLowerCase(x) == Character.toLowerCase(y);
  }

  /**
   * Known names indexed once for many look-ups, so that a document with a hundred thousand names
   * and as many misspelt references is checked in near-linear time: membership is a hash look-up,
   * suggestions compare only names within two characters of the length, and all suggestions of one
   * index share a budget of work (after it is spent, no more suggestions are made). Not
   * thread-safe: one index serves one check.
   */
  static final class Index {
    /** Default work for all suggestions of one index: cells of the edit-distance tables. */
    static final long DEFAULT_BUDGET = 50_000_000L;

    private final Set<String> names;
    private final Map<Integer, List<String>> byLength = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private long budget;

    Index(Collection<String> known, long budget) {
      this.names = new HashSet<>(known);
      this.budget = budget;
      for (String name : known) {
        if (order.putIfAbsent(name, order.size()) == null) {
          byLength.computeIfAbsent(name.length(), k -> new ArrayList<>()).add(name);
        }
      }
    }

    Index(Collection<String> known) {
      this(known, DEFAULT_BUDGET);
    }

    boolean contains(String name) {
      return names.contains(name);
    }

    /** {@link Spelling#didYouMean} over the indexed names, or empty once the budget is spent. */
    String didYouMean(String name) {
      String best = null;
      int bestDistance = 3;
      for (int length = name.length() - 2; length <= name.length() + 2; length++) {
        for (String candidate : byLength.getOrDefault(length, List.of())) {
          budget -= (long) (name.length() + 1) * (candidate.length() + 1);
          if (budget < 0) {
            return "";
          }
          int d = distance(name, candidate, bestDistance + 1);
          if (d < bestDistance
              || (d == bestDistance && best != null && order.get(candidate) < order.get(best))) {
            best = candidate;
            bestDistance = d;
          }
        }
      }
      return suggestion(best);
    }
  }
}
