package dev.segmentation.cli;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelled column and field names. */
final class Suggestions {
  private Suggestions() {}

  /** {@code " (did you mean \"age\"?)"} for the closest known name, or the empty string. */
  static String didYouMean(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    if (best == null || bestDistance > Math.max(2, name.length() / 3)) {
      return "";
    }
    return " (did you mean \"" + best + "\"?)";
  }

  /** Levenshtein distance, capped inputs so hostile headers stay cheap. */
  private static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) {
      return a.equals(b) ? 0 : Integer.MAX_VALUE / 2;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * Why an events file has no id column (or field) {@code expected}, with the option that names
   * another: {@code the header has no "customer" column; is it "customer_id"? Name it with
   * --events-id-column customer_id}.
   *
   * @param what "column" or "field"
   */
  static String missingIdColumn(String expected, String what, Collection<String> names) {
    String message = "the header has no \"" + expected + "\" " + what;
    if (what.equals("field")) {
      message = "the event has no \"" + expected + "\" field";
    }
    for (String name : names) {
      String n = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
      if (!name.equals(expected)
          && (n.equals("customerid")
              || n.equals("customer")
              || n.equals("custid")
              || n.equals("clientid")
              || n.equals("userid")
              || n.equals("id"))) {
        return message
            + "; is it "
            + TextValues.quote(name)
            + "? Name it with --events-id-column "
            + name;
      }
    }
    return message + " (the customer id; name another with --events-id-column)";
  }
}
