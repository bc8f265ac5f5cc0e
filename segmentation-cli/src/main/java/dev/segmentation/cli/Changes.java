package dev.segmentation.cli;

import com.google.common.collect.ImmutableMap;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.MembershipDiff;
import dev.segmentation.live.MembershipSnapshot;
import dev.segmentation.live.SnapshotDiff;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmSegment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;

/**
 * {@code run --snapshot} and {@code --previous --changes-dir}: a run's results as a {@link
 * MembershipSnapshot}, and what changed since an earlier one, as files of ids and as text.
 */
final class Changes {
  private Changes() {}

  /** The run's results, frozen. */
  static MembershipSnapshot snapshot(Segmentation s, Catalog catalog, EvaluationContext ctx) {
    MembershipSnapshot.Builder b =
        MembershipSnapshot.builder(catalog, ctx.asOf(), ctx.zone(), Arrays.asList(s.ids));
    for (int i = 0; i < s.segments.size(); i++) {
      RoaringBitmap m = new RoaringBitmap();
      s.members[i].stream().forEach(m::add);
      b.members(s.segments.get(i), m);
    }
    for (int i = 0; i < s.scores.size(); i++) {
      b.scores(s.scores.get(i), s.scoreValues[i]);
    }
    for (int t = 0; t < s.tierings.size(); t++) {
      List<String> tiers = new ArrayList<>(s.rows);
      for (int row = 0; row < s.rows; row++) {
        tiers.add(s.tierNames.get(t).get(s.tiers[t][row]));
      }
      b.tiers(s.tierings.get(t), tiers);
    }
    for (int m = 0; m < s.rfmModels.size(); m++) {
      List<String> cells = new ArrayList<>(s.rows);
      for (int row = 0; row < s.rows; row++) {
        cells.add(s.rfmSegment(m, row));
      }
      b.tiers(s.rfmModels.get(m), cells);
    }
    return b.build();
  }

  /**
   * Prints per segment how many entered and left, then per tiering (and RFM model) a from-to matrix
   * of customers, tiers in the order the rules declare them, "-" (none, new or deleted) last.
   */
  static void print(SnapshotDiff diff, String previousName, Segmentation s, PrintWriter out) {
    out.printf(Locale.ROOT, "%nchanges since %s (%s)%n", diff.from(), previousName);
    MembershipDiff m = diff.segments();
    int width = 7;
    for (String name : m.changes().keySet()) {
      width = Math.max(width, name.length());
    }
    out.printf(Locale.ROOT, "%-" + width + "s  %10s  %10s%n", "segment", "entered", "exited");
    for (Map.Entry<String, MembershipDiff.Change> e : m.changes().entrySet()) {
      out.printf(
          Locale.ROOT,
          "%-" + width + "s  %,10d  %,10d%n",
          e.getKey(),
          e.getValue().entered().size(),
          e.getValue().exited().size());
    }
    for (Map.Entry<String, Map<String, Map<String, Long>>> t : diff.tierMoves().entrySet()) {
      List<String> tiers = tierOrder(t.getKey(), s, t.getValue());
      out.printf(Locale.ROOT, "%ntier movements, %s (rows: from, columns: to)%n", t.getKey());
      int w = 4;
      for (String tier : tiers) {
        w = Math.max(w, tier.length());
      }
      StringBuilder header = new StringBuilder(" ".repeat(w));
      for (String to : tiers) {
        header.append("  ").append(" ".repeat(column(to) - to.length())).append(to);
      }
      out.println(header);
      for (String from : tiers) {
        Map<String, Long> row = t.getValue().getOrDefault(from, ImmutableMap.of());
        StringBuilder line = new StringBuilder(from).append(" ".repeat(w - from.length()));
        for (String to : tiers) {
          String n = String.format(Locale.ROOT, "%,d", row.getOrDefault(to, 0L));
          line.append("  ").append(" ".repeat(Math.max(0, column(to) - n.length()))).append(n);
        }
        out.println(line);
      }
    }
  }

  // A column is as wide as its tier's name, and at least 6 (999,999 customers).
  private static int column(String tier) {
    return Math.max(6, tier.length());
  }

  // Declared tiers (or RFM cells) first, then any other seen, then "-".
  private static List<String> tierOrder(
      String tiering, Segmentation s, Map<String, Map<String, Long>> moves) {
    Set<String> order = new LinkedHashSet<>();
    int t = s.tierings.indexOf(tiering);
    if (t >= 0) {
      order.addAll(s.tierNames.get(t));
    } else {
      for (RfmSegment cell : RfmSegment.values()) {
        order.add(cell.externalName());
      }
      // Only the cells anybody is or was in, so that the matrix stays readable.
      Set<String> used = new LinkedHashSet<>(moves.keySet());
      moves.values().forEach(to -> used.addAll(to.keySet()));
      order.retainAll(used);
    }
    moves.keySet().forEach(order::add);
    moves.values().forEach(to -> order.addAll(to.keySet()));
    order.remove(SnapshotDiff.NONE);
    order.add(SnapshotDiff.NONE);
    return new ArrayList<>(order);
  }
}
