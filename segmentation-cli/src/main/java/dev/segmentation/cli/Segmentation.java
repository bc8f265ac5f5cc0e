package dev.segmentation.cli;

import com.google.common.collect.ImmutableList;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.Tiering;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The result of a run, by row (the order customers were read): each customer's id, the segments it
 * is in, its tier in each tiering, its scores and its RFM scores. Engines fill it through {@link
 * Builder}; the report and the membership writers read it.
 */
final class Segmentation {
  final ImmutableList<String> segments;
  final ImmutableList<String> tierings;
  final ImmutableList<List<String>> tierNames;
  final ImmutableList<String> scores;
  final ImmutableList<String> rfmModels;

  final int rows;
  final String[] ids;

  /** Per segment, the rows in it. */
  final BitSet[] members;

  /** Per tiering, per row, the index of its tier in {@link #tierNames}. */
  final int[][] tiers;

  /** Per score model, per row, the score. */
  final double[][] scoreValues;

  /** Per RFM model, per row, {@code r * 100 + f * 10 + m}, or 0 without events in the window. */
  final int[][] rfm;

  private Segmentation(Builder b) {
    this.segments = b.segments;
    this.tierings = b.tierings;
    this.tierNames = b.tierNames;
    this.scores = b.scores;
    this.rfmModels = b.rfmModels;
    this.rows = b.rows;
    this.ids = Arrays.copyOf(b.ids, b.rows);
    this.members = b.members;
    this.tiers = trim(b.tiers, b.rows);
    this.scoreValues = new double[b.scoreValues.length][];
    for (int i = 0; i < scoreValues.length; i++) {
      scoreValues[i] = Arrays.copyOf(b.scoreValues[i], b.rows);
    }
    this.rfm = trim(b.rfm, b.rows);
  }

  private static int[][] trim(int[][] a, int rows) {
    int[][] t = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      t[i] = Arrays.copyOf(a[i], rows);
    }
    return t;
  }

  /** The RFM segment name of a row under model {@code model}, or null. */
  String rfmSegment(int model, int row) {
    return rfmSegment(rfm[model][row]);
  }

  /** The RFM segment name of the code {@code r * 100 + f * 10 + m}, or null for 0. */
  static String rfmSegment(int code) {
    return code == 0 ? null : RfmSegment.of(code / 100, code / 10 % 10, code % 10).externalName();
  }

  /** Collects results row by row, growing as customers arrive. */
  static final class Builder {
    final ImmutableList<String> segments;
    final ImmutableList<String> tierings;
    final ImmutableList<List<String>> tierNames;
    final ImmutableList<String> scores;
    final ImmutableList<String> rfmModels;
    private int rows;
    private String[] ids = new String[1024];
    private final BitSet[] members;
    private int[][] tiers;
    private double[][] scoreValues;
    private int[][] rfm;

    Builder(Catalog catalog) {
      this.segments =
          catalog.segments().stream().map(s -> s.name()).collect(ImmutableList.toImmutableList());
      this.tierings =
          catalog.tierings().stream().map(Tiering::name).collect(ImmutableList.toImmutableList());
      this.tierNames =
          catalog.tierings().stream()
              .map(Tiering::tierNames)
              .collect(ImmutableList.toImmutableList());
      this.scores =
          catalog.scores().stream().map(s -> s.name()).collect(ImmutableList.toImmutableList());
      this.rfmModels =
          catalog.rfmModels().stream().map(RfmModel::name).collect(ImmutableList.toImmutableList());
      this.members = new BitSet[segments.size()];
      for (int i = 0; i < members.length; i++) {
        members[i] = new BitSet();
      }
      this.tiers = new int[tierings.size()][1024];
      this.scoreValues = new double[scores.size()][1024];
      this.rfm = new int[rfmModels.size()][1024];
    }

    /** Adds a row and returns its index; fill its results with the setters. */
    int add(String id) {
      if (rows == ids.length) {
        int n = ids.length * 2;
        ids = Arrays.copyOf(ids, n);
        for (int i = 0; i < tiers.length; i++) {
          tiers[i] = Arrays.copyOf(tiers[i], n);
        }
        for (int i = 0; i < scoreValues.length; i++) {
          scoreValues[i] = Arrays.copyOf(scoreValues[i], n);
        }
        for (int i = 0; i < rfm.length; i++) {
          rfm[i] = Arrays.copyOf(rfm[i], n);
        }
      }
      ids[rows] = id;
      return rows++;
    }

    void member(int segment, int row) {
      members[segment].set(row);
    }

    void tier(int tiering, int row, int tier) {
      tiers[tiering][row] = tier;
    }

    void score(int score, int row, double value) {
      scoreValues[score][row] = value;
    }

    void rfm(int model, int row, int r, int f, int m) {
      rfm(model, row, r * 100 + f * 10 + m);
    }

    /** Sets the RFM code {@code r * 100 + f * 10 + m}, 0 for none. */
    void rfm(int model, int row, int code) {
      rfm[model][row] = code;
    }

    Segmentation build() {
      return new Segmentation(this);
    }
  }
}
