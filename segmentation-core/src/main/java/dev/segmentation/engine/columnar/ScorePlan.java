package dev.segmentation.engine.columnar;

import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A score model over the TRUE bits of its rules' nodes. Sums in the row engine's order (ungrouped
 * rules, then each group in order of first appearance, capped) so that both engines give the same
 * double, bit for bit.
 */
final class ScorePlan {
  final String name;
  final int[] ruleNodes;
  private final double[] points;
  private final int[] ungrouped;
  private final int[][] groupRules;
  private final double[] groupCaps;
  private final double totalCap;

  ScorePlan(ScoreModel model, int[] ruleNodes) {
    this.name = model.name();
    this.ruleNodes = ruleNodes;
    int n = model.rules().size();
    points = new double[n];
    List<Integer> free = new ArrayList<>();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      ScoreRule rule = model.rules().get(r);
      points[r] = rule.points();
      if (rule.group() == null) {
        free.add(r);
      } else {
        groups.computeIfAbsent(rule.group(), g -> new ArrayList<>()).add(r);
      }
    }
    ungrouped = free.stream().mapToInt(Integer::intValue).toArray();
    groupRules = new int[groups.size()][];
    groupCaps = new double[groups.size()];
    int g = 0;
    for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
      groupRules[g] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      Double cap = model.groupCaps().get(e.getKey());
      groupCaps[g++] = cap == null ? Double.POSITIVE_INFINITY : cap;
    }
    totalCap = model.totalCap() == null ? Double.POSITIVE_INFINITY : model.totalCap();
  }

  /** The score of the chunk's row at word {@code w}, bit {@code bit}. */
  double score(long[][] t, int w, int bit) {
    long mask = 1L << bit;
    double total = 0;
    for (int r : ungrouped) {
      if ((t[ruleNodes[r]][w] & mask) != 0) {
        total += points[r];
      }
    }
    for (int g = 0; g < groupRules.length; g++) {
      double sum = 0;
      for (int r : groupRules[g]) {
        if ((t[ruleNodes[r]][w] & mask) != 0) {
          sum += points[r];
        }
      }
      total += Math.min(sum, groupCaps[g]);
    }
    return Math.min(total, totalCap);
  }
}
