package dev.segmentation.cli;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmScores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Batch} on the row engine: evaluates each customer as it arrives, keeping no customer.
 */
final class RowBatch implements Batch {
  private final CompiledCatalog compiled;
  private final EvaluationContext ctx;
  private final Segmentation.Builder results;
  private final Truth[] truths;
  private final int[] segmentIndex;
  private final List<Map<String, Integer>> tierIndex = new ArrayList<>();

  RowBatch(CompiledCatalog compiled, Catalog catalog, EvaluationContext ctx) {
    this.compiled = compiled;
    this.ctx = ctx;
    this.results = new Segmentation.Builder(catalog);
    this.truths = new Truth[compiled.segmentNames().size()];
    this.segmentIndex = new int[results.segments.size()];
    for (int i = 0; i < segmentIndex.length; i++) {
      segmentIndex[i] = compiled.segmentIndex(results.segments.get(i));
    }
    for (List<String> names : results.tierNames) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        index.put(names.get(i), i);
      }
      tierIndex.add(index);
    }
  }

  @Override
  public void add(SchemaCustomer c) {
    int row = results.add(c.id());
    compiled.evaluateAll(c, ctx, truths);
    for (int s = 0; s < segmentIndex.length; s++) {
      if (truths[segmentIndex[s]] == Truth.TRUE) {
        results.member(s, row);
      }
    }
    for (int t = 0; t < results.tierings.size(); t++) {
      results.tier(t, row, tierIndex.get(t).get(compiled.tier(results.tierings.get(t), c, ctx)));
    }
    for (int s = 0; s < results.scores.size(); s++) {
      results.score(s, row, compiled.score(results.scores.get(s), c, ctx));
    }
    for (int m = 0; m < results.rfmModels.size(); m++) {
      RfmScores rfm = compiled.rfm(results.rfmModels.get(m), c, ctx);
      if (rfm != null) {
        results.rfm(m, row, rfm.r(), rfm.f(), rfm.m());
      }
    }
  }

  @Override
  public Segmentation finish() {
    return results.build();
  }
}
