package dev.segmentation.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What the report of a run prints, gathered customer by customer: members per segment and per pair
 * of segments, customers per tier and per RFM code, and each score's values with their counts. Its
 * size depends on the catalog and on the number of distinct score values, not on the number of
 * customers, so that a streaming run keeps no customer.
 */
final class Summary {
  /** The names of segments, tierings, scores and RFM models (its rows are not read). */
  final Segmentation names;

  long rows;

  /** Per segment, its members. */
  final long[] members;

  /** Per pair of segments {@code i < j}, the customers in both. */
  final long[][] both;

  /** Per tiering, per tier index, the customers in that tier. */
  final long[][] tiers;

  /** Per RFM model, per code {@code r * 100 + f * 10 + m} (0: no events in the window). */
  final long[][] rfm;

  /** Per score model, each value and how many customers have it, in ascending order. */
  final List<ScoreCounts> scores = new ArrayList<>();

  private final int[] in;

  Summary(Segmentation names) {
    this.names = names;
    int k = names.segments.size();
    this.members = new long[k];
    this.both = new long[k][k];
    this.in = new int[k];
    this.tiers = new long[names.tierings.size()][];
    for (int t = 0; t < tiers.length; t++) {
      tiers[t] = new long[names.tierNames.get(t).size()];
    }
    this.rfm = new long[names.rfmModels.size()][1000];
    for (int s = 0; s < names.scores.size(); s++) {
      scores.add(new ScoreCounts());
    }
  }

  /** The summary of every row of {@code s}. */
  static Summary of(Segmentation s) {
    Summary summary = new Summary(s);
    for (int r = 0; r < s.rows; r++) {
      summary.add(MembershipWriter.row(s, r));
    }
    return summary;
  }

  void add(MembershipWriter.Row r) {
    rows++;
    int n = 0;
    for (int i = 0; i < members.length; i++) {
      if (r.in(i)) {
        members[i]++;
        for (int x = 0; x < n; x++) {
          both[in[x]][i]++;
        }
        in[n++] = i;
      }
    }
    for (int t = 0; t < tiers.length; t++) {
      tiers[t][r.tier(t)]++;
    }
    for (int m = 0; m < rfm.length; m++) {
      rfm[m][r.rfm(m)]++;
    }
    for (int s = 0; s < scores.size(); s++) {
      scores.get(s).add(r.score(s));
    }
  }

  /** The value of score {@code s} at {@code index} in ascending order (counting from 0). */
  double scoreAt(int s, long index) {
    ScoreCounts counts = scores.get(s);
    double[] values = counts.values();
    long[] n = counts.counts();
    long seen = 0;
    for (int i = 0; i < values.length; i++) {
      seen += n[i];
      if (index < seen) {
        return values[i];
      }
    }
    throw new IndexOutOfBoundsException(index);
  }

  /**
   * The sum of score {@code s}, added in ascending order as a sorted array of the values would be.
   */
  double scoreSum(int s) {
    ScoreCounts counts = scores.get(s);
    double[] values = counts.values();
    long[] n = counts.counts();
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      double d = values[i];
      for (long c = n[i]; c > 0; c--) {
        sum += d;
      }
    }
    return sum;
  }
}
