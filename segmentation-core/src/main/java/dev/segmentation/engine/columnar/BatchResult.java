package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.plan.eval.PlanEvaluator;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.RfmSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The members of every segment of a catalog over one table: compressed bitmaps of rows, counts,
 * shares, pairwise overlaps, member ids, and the difference to an earlier run. Every method checks
 * its arguments: a null or unknown name is an IllegalArgumentException listing the names there are,
 * a row outside the table an IndexOutOfBoundsException naming the rows there are.
 */
public final class BatchResult {
  private final CustomerTable table;
  private final EvaluationContext ctx;
  private final PlanEvaluator rows;
  private final ImmutableList<String> segmentNames;
  private final Map<String, Integer> positions; // segment name -> index; a hash look-up per call
  private final RoaringBitmap[] members;
  private final Map<String, double[]> scores;
  private final Map<String, Tiers> tiers;

  /** A tiering's result: tier names (the last is otherwise) and each row's index into them. */
  record Tiers(ImmutableList<String> names, int[] index) {}

  BatchResult(
      CustomerTable table,
      EvaluationContext ctx,
      PlanEvaluator rows,
      ImmutableList<String> segmentNames,
      RoaringBitmap[] members,
      Map<String, double[]> scores,
      Map<String, Tiers> tiers) {
    this.table = table;
    this.ctx = ctx;
    this.rows = rows;
    this.segmentNames = segmentNames;
    this.positions = new HashMap<>(segmentNames.size() * 2);
    for (int i = 0; i < segmentNames.size(); i++) {
      positions.putIfAbsent(segmentNames.get(i), i);
    }
    this.members = members;
    this.scores = scores;
    this.tiers = tiers;
  }

  public List<String> segmentNames() {
    return segmentNames;
  }

  /** The table evaluated. */
  public CustomerTable table() {
    return table;
  }

  private int index(String segment) {
    notNull(segment, "segment");
    Integer i = positions.get(segment);
    if (i == null) {
      throw new IllegalArgumentException(
          "unknown segment \""
              + segment
              + "\"; segments: "
              + String.join(", ", segmentNames.subList(0, Math.min(segmentNames.size(), 20)))
              + (segmentNames.size() > 20 ? ", ... " + (segmentNames.size() - 20) + " more" : ""));
    }
    return i;
  }

  /** The rows of the segment's members; do not modify it. */
  public RoaringBitmap members(String segment) {
    return members[index(segment)];
  }

  /** The number of members. */
  public int count(String segment) {
    return members[index(segment)].getCardinality();
  }

  /** Members as a share of all customers, 0 for an empty table. */
  public double share(String segment) {
    return table.size() == 0 ? 0 : (double) count(segment) / table.size();
  }

  /** {@code overlaps()[i][j]}: customers in both segment i and segment j (i = j: the count). */
  public long[][] overlaps() {
    int n = members.length;
    long[][] out = new long[n][n];
    for (int i = 0; i < n; i++) {
      out[i][i] = members[i].getLongCardinality();
      for (int j = i + 1; j < n; j++) {
        out[i][j] = RoaringBitmap.andCardinality(members[i], members[j]);
        out[j][i] = out[i][j];
      }
    }
    return out;
  }

  /** The ids of the segment's members, in row order. */
  public Iterable<String> memberIds(String segment) {
    table.requireIds("memberIds");
    RoaringBitmap m = members(segment);
    return () ->
        new Iterator<String>() {
          private final IntIterator it = m.getIntIterator();

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public String next() {
            return table.id(it.next());
          }
        };
  }

  /** Every customer's score under a score model, by row (a copy). */
  public double[] scores(String scoreModel) {
    notNull(scoreModel, "score model");
    double[] s = scores.get(scoreModel);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown score model \"" + scoreModel + "\"; score models: " + scores.keySet());
    }
    return s.clone();
  }

  /**
   * The tier of the customer at {@code row} in a tiering, or its segment in an RFM model (null when
   * it has no events in the model's window).
   */
  public String tier(String tiering, int row) {
    notNull(tiering, "tiering");
    table.checkRow(row);
    Tiers t = tiers.get(tiering);
    if (t != null) {
      return t.names().get(t.index()[row]);
    }
    RowView view = new RowView(table);
    view.row = row;
    RfmSegment s = rows.rfmSegment(rfmModel(tiering, true), view, ctx);
    return s == null ? null : s.externalName();
  }

  /** The RFM scores of the customer at {@code row}, or null when it has no events in the window. */
  public RfmScores rfm(String rfmModel, int row) {
    notNull(rfmModel, "RFM model");
    table.checkRow(row);
    int model = rfmModel(rfmModel, false);
    RowView view = new RowView(table);
    view.row = row;
    return rows.rfmScores(model, view, ctx);
  }

  // The RFM model's position; the error lists what the catalog has under that name space
  // (tierings and RFM models share one when asked for a tier).
  private int rfmModel(String name, boolean orTiering) {
    int model = rows.rfmIndex(name);
    if (model >= 0) {
      return model;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; orTiering && i < rows.tieringCount(); i++) {
      names.add(rows.tieringName(i));
    }
    for (int i = 0; i < rows.rfmCount(); i++) {
      names.add(rows.rfmName(i));
    }
    throw new IllegalArgumentException(
        "the catalog has no "
            + (orTiering ? "tiering or RFM model" : "RFM model")
            + " \""
            + name
            + "\"; it has "
            + names);
  }

  /**
   * Who entered and who left each segment since {@code previous}, matched by customer id. Over the
   * same table this is two bitmap differences per segment. Over two tables (two days' data) the
   * rows are matched once for all segments: ids are compared in place, row by row while the tables
   * list the same customers in the same order and through the other table's index where they do
   * not; when the tables list exactly the same ids in the same order, the bitmaps are compared
   * directly. Every segment's change is found as rows before any id is decoded; then only the ids
   * of customers that changed membership are decoded, each once, in row order.
   */
  public MembershipDiff diff(BatchResult previous) {
    notNull(previous, "previous");
    table.requireIds("diff");
    previous.table.requireIds("diff");
    RowMatch match = previous.table == table ? null : new RowMatch(previous.table, table);
    DecodedIds nowIds = new DecodedIds(table);
    DecodedIds beforeIds = previous.table == table ? nowIds : new DecodedIds(previous.table);
    List<String> names = new ArrayList<>();
    List<RowMatch.Rows> changes = new ArrayList<>();
    for (int i = 0; i < segmentNames.size(); i++) {
      String name = segmentNames.get(i);
      int j = previous.positions.getOrDefault(name, -1);
      if (j < 0) {
        continue;
      }
      RoaringBitmap now = members[i];
      RoaringBitmap before = previous.members[j];
      RowMatch.Rows change =
          match == null ? RowMatch.direct(now, before) : match.change(now, before);
      nowIds.mark(change.entered());
      beforeIds.mark(change.exited());
      names.add(name);
      changes.add(change);
    }
    nowIds.decode();
    if (beforeIds != nowIds) {
      beforeIds.decode();
    }
    ImmutableMap.Builder<String, MembershipDiff.Change> b =
        ImmutableMap.builderWithExpectedSize(names.size());
    for (int i = 0; i < names.size(); i++) {
      RowMatch.Rows change = changes.get(i);
      b.put(
          names.get(i),
          new MembershipDiff.Change(nowIds.ids(change.entered()), beforeIds.ids(change.exited())));
    }
    return new MembershipDiff(b.build());
  }

  private static void notNull(Object argument, String name) {
    if (argument == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("BatchResult[");
    for (int i = 0; i < segmentNames.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(segmentNames.get(i))
          .append('=')
          .append(members[i].getCardinality());
    }
    return sb.append(']').toString();
  }
}
