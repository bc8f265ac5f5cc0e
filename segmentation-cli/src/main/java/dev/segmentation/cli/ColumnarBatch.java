package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmScores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.IntIterator;

/**
 * A {@link Batch} on the columnar engine: customers are copied into a columnar table as they
 * arrive, then every segment is evaluated over the whole table on all cores. Tiers, scores and RFM
 * are read per row, as the columnar engine offers them.
 */
final class ColumnarBatch implements Batch {
  private final ColumnarCatalog columnar;
  private final CompiledCatalog rows;
  private final EvaluationContext ctx;
  private final Segmentation.Builder results;
  private final CustomerTable.Builder table;

  ColumnarBatch(
      ColumnarCatalog columnar,
      CompiledCatalog rows,
      Catalog catalog,
      Schema schema,
      EvaluationContext ctx) {
    this.columnar = columnar;
    this.rows = rows;
    this.ctx = ctx;
    this.results = new Segmentation.Builder(catalog);
    this.table = CustomerTable.builder(schema);
  }

  @Override
  public void add(SchemaCustomer customer, Object prepared) {
    table.add(customer); // checks first: a customer it refuses gets no row
    results.add(customer.id());
  }

  @Override
  public Segmentation finish() {
    CustomerTable t = table.build();
    BatchResult r = columnar.evaluate(t, ctx);
    for (int s = 0; s < results.segments.size(); s++) {
      IntIterator it = r.members(results.segments.get(s)).getIntIterator();
      while (it.hasNext()) {
        results.member(s, it.next());
      }
    }
    int n = t.size();
    for (int k = 0; k < results.tierings.size(); k++) {
      List<String> names = results.tierNames.get(k);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        index.put(names.get(i), i);
      }
      for (int row = 0; row < n; row++) {
        results.tier(k, row, index.get(r.tier(results.tierings.get(k), row)));
      }
    }
    for (int s = 0; s < results.scores.size(); s++) {
      double[] scores = r.scores(results.scores.get(s));
      for (int row = 0; row < n; row++) {
        results.score(s, row, scores[row]);
      }
    }
    for (int m = 0; m < results.rfmModels.size(); m++) {
      for (int row = 0; row < n; row++) {
        RfmScores rfm = r.rfm(results.rfmModels.get(m), row);
        if (rfm != null) {
          results.rfm(m, row, rfm.r(), rfm.f(), rfm.m());
        }
      }
    }
    return results.build();
  }
}
