package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A {@link Batch} on the row engine: evaluates each customer as it arrives, keeping no customer.
 */
final class RowBatch implements Batch {
  private final CompiledCatalog compiled;
  private final EvaluationContext ctx;
  private final Segmentation.Builder results;
  private final int[] segmentIndex;
  // The compiled catalog's positions of results' tierings, scores and RFM models. A tier's index
  // is the same in both: each lists Tiering.tierNames() of the same catalog.
  private final int[] tieringIndex;
  private final int[] scoreIndex;
  private final int[] rfmIndex;
  private final ThreadLocal<CompiledCatalog.Result> result;

  RowBatch(CompiledCatalog compiled, Catalog catalog, EvaluationContext ctx) {
    this.compiled = compiled;
    this.ctx = ctx;
    this.results = new Segmentation.Builder(catalog);
    this.segmentIndex = new int[results.segments.size()];
    for (int i = 0; i < segmentIndex.length; i++) {
      segmentIndex[i] = compiled.segmentIndex(results.segments.get(i));
    }
    this.tieringIndex = positions(results.tierings, compiled::tieringIndex);
    this.scoreIndex = positions(results.scores, compiled::scoreIndex);
    this.rfmIndex = positions(results.rfmModels, compiled::rfmIndex);
    this.result = ThreadLocal.withInitial(compiled::newResult);
  }

  private static int[] positions(List<String> names, ToIntFunction<String> index) {
    int[] positions = new int[names.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = index.applyAsInt(names.get(i));
    }
    return positions;
  }

  /**
   * A customer's results, worked out on any thread: the segments it is in (by index in {@link
   * Segmentation#segments}), its tier indexes, scores and RFM codes ({@code r * 100 + f * 10 + m},
   * 0 for none). {@link #evaluate(Customer, Evaluated)} fills one again for another customer, so
   * that a stream of customers needs no new results.
   */
  static final class Evaluated {
    private final long[] segments;
    private final int[] tiers;
    private final double[] scores;
    private final int[] rfm;

    /** Results in these arrays (which it then owns), of the catalog's sizes. */
    Evaluated(long[] segments, int[] tiers, double[] scores, int[] rfm) {
      this.segments = segments;
      this.tiers = tiers;
      this.scores = scores;
      this.rfm = rfm;
    }

    /** Whether the customer is in segment {@code s} (by index in {@link Segmentation#segments}). */
    boolean in(int s) {
      return (segments[s >>> 6] & (1L << s)) != 0;
    }

    /** The segments as bits: segment {@code s} is bit {@code s & 63} of word {@code s >>> 6}. */
    long[] segments() {
      return segments;
    }

    int[] tiers() {
      return tiers;
    }

    double[] scores() {
      return scores;
    }

    int[] rfm() {
      return rfm;
    }
  }

  /**
   * An {@link Evaluated} as the membership writers read it, with its id; {@link #of} points it at
   * another customer's results, so one view serves a stream of customers.
   */
  static final class View implements MembershipWriter.Row {
    private String id;
    private Evaluated e;

    /** This view, now of {@code e} with {@code id}. */
    View of(String id, Evaluated e) {
      this.id = id;
      this.e = e;
      return this;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean in(int segment) {
      return e.in(segment);
    }

    @Override
    public int tier(int tiering) {
      return e.tiers[tiering];
    }

    @Override
    public double score(int score) {
      return e.scores[score];
    }

    @Override
    public int rfm(int model) {
      return e.rfm[model];
    }
  }

  /** Evaluates every segment, tiering, score and RFM model for one customer. Thread-safe. */
  @Override
  public Evaluated prepare(SchemaCustomer c) {
    return evaluate(c);
  }

  /** Empty results, for {@link #evaluate(Customer, Evaluated)} to fill. */
  Evaluated newEvaluated() {
    return new Evaluated(
        new long[(segmentIndex.length + 63) >>> 6],
        new int[tieringIndex.length],
        new double[scoreIndex.length],
        new int[rfmIndex.length]);
  }

  /** As {@link #prepare}, for any customer, into new results. */
  Evaluated evaluate(Customer c) {
    Evaluated e = newEvaluated();
    evaluate(c, e);
    return e;
  }

  /**
   * As {@link #prepare}, for any customer (such as a reused {@link ScannedCustomer}), into {@code
   * into} (which this overwrites whole): one call of {@link CompiledCatalog#evaluate(Customer,
   * EvaluationContext, CompiledCatalog.Result)} into this thread's result, so the customer's events
   * are read once for everything. Thread-safe for distinct {@code into}.
   */
  void evaluate(Customer c, Evaluated into) {
    CompiledCatalog.Result r = compiled.evaluate(c, ctx, result.get());
    long[] in = into.segments;
    Arrays.fill(in, 0L);
    for (int s = 0; s < segmentIndex.length; s++) {
      if (r.in(segmentIndex[s])) {
        in[s >>> 6] |= 1L << s;
      }
    }
    int[] tiers = into.tiers;
    for (int t = 0; t < tiers.length; t++) {
      tiers[t] = r.tierIndex(tieringIndex[t]);
    }
    double[] scores = into.scores;
    for (int s = 0; s < scores.length; s++) {
      scores[s] = r.score(scoreIndex[s]);
    }
    int[] rfm = into.rfm;
    for (int m = 0; m < rfm.length; m++) {
      int i = rfmIndex[m];
      rfm[m] = r.recencyScore(i) * 100 + r.frequencyScore(i) * 10 + r.monetaryScore(i);
    }
  }

  /**
   * The scan's direct preparation ({@link CustomerScan.Direct}): each line read straight into a
   * parse thread's customer is evaluated into results that the scan reuses.
   */
  CustomerScan.Direct<Object> direct() {
    return new CustomerScan.Direct<>() {
      @Override
      public Object newResult() {
        return newEvaluated();
      }

      @Override
      public void prepare(ScannedCustomer c, Object into) {
        evaluate(c, (Evaluated) into);
      }
    };
  }

  @Override
  public void add(SchemaCustomer c, Object prepared) {
    Evaluated e = (Evaluated) prepared;
    int row = results.add(c.id());
    for (int s = 0; s < segmentIndex.length; s++) {
      if (e.in(s)) {
        results.member(s, row);
      }
    }
    for (int t = 0; t < e.tiers.length; t++) {
      results.tier(t, row, e.tiers[t]);
    }
    for (int s = 0; s < e.scores.length; s++) {
      results.score(s, row, e.scores[s]);
    }
    for (int m = 0; m < e.rfm.length; m++) {
      results.rfm(m, row, e.rfm[m]);
    }
  }

  @Override
  public Segmentation finish() {
    return results.build();
  }
}
