package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the engines on all three values: each condition becomes two segments, the condition and
 * its NOT, so that the columnar members of the first are its TRUE rows and of the second its FALSE
 * rows (UNKNOWN is neither); both must equal the row engine's, row by row, on 1 and 2 threads.
 */
final class ThreeValued {
  private ThreeValued() {}

  static void assertEnginesAgree(
      Schema schema,
      List<Condition> conditions,
      List<? extends Customer> customers,
      EvaluationContext ctx) {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      segments.add(Segment.of("c" + i, conditions.get(i)));
      segments.add(Segment.of("not-c" + i, new Not(conditions.get(i))));
    }
    Catalog catalog = new Catalog(ImmutableList.copyOf(segments), null, null, null);
    CompiledCatalog rows = RowEngine.compile(catalog, schema);
    ColumnarCatalog columnar = ColumnarEngine.compile(catalog, schema);
    CustomerTable table = CustomerTable.of(schema, customers);
    for (int threads = 1; threads <= 2; threads++) {
      BatchResult result = columnar.evaluate(table, ctx, threads);
      for (int i = 0; i < conditions.size(); i++) {
        for (int r = 0; r < customers.size(); r++) {
          Truth expected = rows.evaluate(2 * i, customers.get(r), ctx);
          Truth actual =
              result.members("c" + i).contains(r)
                  ? Truth.TRUE
                  : result.members("not-c" + i).contains(r) ? Truth.FALSE : Truth.UNKNOWN;
          assertThat(actual)
              .as("%s for customer %s (%d threads)", conditions.get(i), customers.get(r), threads)
              .isEqualTo(expected);
        }
      }
    }
  }
}
