package dev.segmentation.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a run's summary: members and share of each segment, the distribution of each tiering and
 * RFM model, statistics of each score, and the overlaps between segments (a matrix for up to eight
 * segments, otherwise the largest pairs).
 */
final class Report {
  private static final int MATRIX_MAX = 8;
  private static final int TOP_PAIRS = 10;

  private Report() {}

  static void print(Segmentation s, PrintWriter out) {
    print(Summary.of(s), out);
  }

  static void print(Summary summary, PrintWriter out) {
    Segmentation s = summary.names;
    long n = summary.rows;
    int width = 7;
    for (String name : s.segments) {
      width = Math.max(width, name.length());
    }
    out.printf(Locale.ROOT, "%-" + width + "s  %10s  %6s%n", "segment", "members", "share");
    long[] counts = summary.members;
    for (int i = 0; i < counts.length; i++) {
      out.printf(
          Locale.ROOT,
          "%-" + width + "s  %,10d  %6s%n",
          s.segments.get(i),
          counts[i],
          share(counts[i], n));
    }
    for (int t = 0; t < s.tierings.size(); t++) {
      out.printf(Locale.ROOT, "%ntiering %s%n", s.tierings.get(t));
      printDistribution(out, s.tierNames.get(t), summary.tiers[t], n);
    }
    for (int m = 0; m < s.rfmModels.size(); m++) {
      List<String> names = new ArrayList<>();
      List<Long> values = new ArrayList<>();
      Map<String, Long> byName = new TreeMap<>();
      long[] byCode = summary.rfm[m];
      for (int code = 1; code < byCode.length; code++) {
        if (byCode[code] > 0) {
          byName.merge(Segmentation.rfmSegment(code), byCode[code], Long::sum);
        }
      }
      long none = byCode[0];
      byName.entrySet().stream()
          .sorted(
              Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
                  .thenComparing(Map.Entry::getKey))
          .forEach(
              e -> {
                names.add(e.getKey());
                values.add(e.getValue());
              });
      names.add("(no events in window)");
      values.add(none);
      out.printf(Locale.ROOT, "%nRFM %s%n", s.rfmModels.get(m));
      printDistribution(out, names, values.stream().mapToLong(Long::longValue).toArray(), n);
    }
    for (int sc = 0; sc < s.scores.size(); sc++) {
      double sum = n == 0 ? 0 : summary.scoreSum(sc);
      out.printf(Locale.ROOT, "%nscore %s%n", s.scores.get(sc));
      if (n == 0) {
        out.println("  (no customers)");
        continue;
      }
      out.printf(
          Locale.ROOT,
          "  mean %s  min %s  median %s  p90 %s  max %s%n",
          TextValues.formatNumber(Math.round(sum / n * 10) / 10.0),
          TextValues.formatNumber(summary.scoreAt(sc, 0)),
          TextValues.formatNumber(summary.scoreAt(sc, (n - 1) / 2)),
          TextValues.formatNumber(
              summary.scoreAt(sc, Math.min(n - 1, (long) Math.ceil(0.9 * n) - 1))),
          TextValues.formatNumber(summary.scoreAt(sc, n - 1)));
    }
    printOverlaps(s, counts, summary.both, out);
  }

  private static void printDistribution(
      PrintWriter out, List<String> names, long[] counts, long n) {
    int width = 4;
    for (String name : names) {
      width = Math.max(width, name.length());
    }
    for (int i = 0; i < names.size(); i++) {
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s  %,10d  %6s%n",
          names.get(i),
          counts[i],
          share(counts[i], n));
    }
  }

  private static void printOverlaps(
      Segmentation s, long[] counts, long[][] inBoth, PrintWriter out) {
    int k = s.segments.size();
    if (k < 2) {
      return;
    }
    long[][] both = new long[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        both[i][j] = both[j][i] = inBoth[i][j];
      }
      both[i][i] = counts[i];
    }
    if (k <= MATRIX_MAX) {
      out.printf(Locale.ROOT, "%noverlaps (customers in both segments)%n");
      int width = 0;
      for (String name : s.segments) {
        width = Math.max(width, name.length());
      }
      StringBuilder head =
          new StringBuilder(String.format(Locale.ROOT, "%" + (width + 5) + "s", ""));
      for (int j = 0; j < k; j++) {
        head.append(String.format(Locale.ROOT, "  %8s", "(" + (j + 1) + ")"));
      }
      out.println(head);
      for (int i = 0; i < k; i++) {
        StringBuilder row =
            new StringBuilder(
                String.format(
                    Locale.ROOT, "%4s %-" + width + "s", "(" + (i + 1) + ")", s.segments.get(i)));
        for (int j = 0; j < k; j++) {
          row.append(String.format(Locale.ROOT, "  %,8d", both[i][j]));
        }
        out.println(row);
      }
      return;
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (both[i][j] > 0) {
          pairs.add(new int[] {i, j});
        }
      }
    }
    pairs.sort(
        Comparator.<int[]>comparingLong(p -> -both[p[0]][p[1]])
            .thenComparingInt(p -> p[0])
            .thenComparingInt(p -> p[1]));
    out.printf(Locale.ROOT, "%ntop overlaps (customers in both; share of each segment)%n");
    int width = 0;
    List<String> labels = new ArrayList<>();
    for (int[] p : pairs.subList(0, Math.min(TOP_PAIRS, pairs.size()))) {
      String label = s.segments.get(p[0]) + " & " + s.segments.get(p[1]);
      labels.add(label);
      width = Math.max(width, label.length());
    }
    for (int x = 0; x < labels.size(); x++) {
      int[] p = pairs.get(x);
      long c = both[p[0]][p[1]];
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s  %,10d  %6s of %s, %s of %s%n",
          labels.get(x),
          c,
          share(c, counts[p[0]]),
          s.segments.get(p[0]),
          share(c, counts[p[1]]),
          s.segments.get(p[1]));
    }
    if (pairs.isEmpty()) {
      out.println("  (no two segments share a customer)");
    }
  }

  static String share(long part, long whole) {
    if (whole == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
