package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmScores;
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
   * 0 for none).
   */
  record Evaluated(long[] segments, int[] tiers, double[] scores, int[] rfm) {
    /** These results as the membership writers read them. */
    MembershipWriter.Row row(String id) {
      return new MembershipWriter.Row() {
        @Override
        public String id() {
          return id;
        }

        @Override
        public boolean in(int segment) {
          return (segments[segment >>> 6] & (1L << segment)) != 0;
        }

        @Override
        public int tier(int tiering) {
          return tiers[tiering];
        }

        @Override
        public double score(int score) {
          return scores[score];
        }

        @Override
        public int rfm(int model) {
          return rfm[model];
        }
      };
    }
  }

  /** Evaluates every segment, tiering, score and RFM model for one customer. Thread-safe. */
  @Override
  public Evaluated prepare(SchemaCustomer c) {
    return evaluate(c);
  }

  /**
   * As {@link #prepare}, for any customer (such as a reused {@link ScannedCustomer}): one call of
   * {@link CompiledCatalog#evaluate(Customer, EvaluationContext, CompiledCatalog.Result)} into this
   * thread's result, so the customer's events are read once for everything.
   */
  Evaluated evaluate(Customer c) {
    CompiledCatalog.Result r = compiled.evaluate(c, ctx, result.get());
    long[] in = new long[(segmentIndex.length + 63) >>> 6];
    for (int s = 0; s < segmentIndex.length; s++) {
      if (r.in(segmentIndex[s])) {
        in[s >>> 6] |= 1L << s;
      }
    }
    int[] tiers = new int[tieringIndex.length];
    for (int t = 0; t < tiers.length; t++) {
      tiers[t] = r.tierIndex(tieringIndex[t]);
    }
    double[] scores = new double[scoreIndex.length];
    for (int s = 0; s < scores.length; s++) {
      scores[s] = r.score(scoreIndex[s]);
    }
    int[] rfm = new int[rfmIndex.length];
    for (int m = 0; m < rfm.length; m++) {
      RfmScores scored = r.rfm(rfmIndex[m]);
      rfm[m] = scored == null ? 0 : scored.r() * 100 + scored.f() * 10 + scored.m();
    }
    return new Evaluated(in, tiers, scores, rfm);
  }

  @Override
  public void add(SchemaCustomer c, Object prepared) {
    Evaluated e = (Evaluated) prepared;
    int row = results.add(c.id());
    for (int s = 0; s < segmentIndex.length; s++) {
      if ((e.segments[s >>> 6] & (1L << s)) != 0) {
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
