package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.SchemaCustomer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many threads sharing one compiled catalog give the same answers as one thread. */
class ConcurrencyTest {

  private static final int THREADS = 8;

  /** Everything the catalog answers about a customer, as one comparable string. */
  private static String answers(CompiledCatalog compiled, SchemaCustomer c, EvaluationContext ctx) {
    Truth[] out = new Truth[compiled.segmentNames().size()];
    compiled.evaluateAll(c, ctx, out);
    return Arrays.toString(out)
        + compiled.score("engagement", c, ctx)
        + compiled.tier("value", c, ctx)
        + compiled.tier("size", c, ctx)
        + compiled.rfm("rfm", c, ctx);
  }

  @Test
  void eightThreads_sharingOneCatalog_agreeWithOneThread() throws Exception {
    CompiledCatalog compiled = Population.compiled();
    List<SchemaCustomer> customers = Population.customers(7, 2000);
    // Two contexts used alternately, so that threads also race on the cached time bounds.
    EvaluationContext other = EvaluationContext.at(CTX.asOf().minusSeconds(45 * 86_400));
    List<String> expected = new ArrayList<>();
    for (SchemaCustomer c : customers) {
      expected.add(answers(compiled, c, CTX) + "|" + answers(compiled, c, other));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t * 250; // each thread starts elsewhere
        Callable<List<String>> task =
            () -> {
              String[] got = new String[customers.size()];
              for (int k = 0; k < customers.size(); k++) {
                int i = (k + offset) % customers.size();
                SchemaCustomer c = customers.get(i);
                got[i] = answers(compiled, c, CTX) + "|" + answers(compiled, c, other);
              }
              return Arrays.asList(got);
            };
        futures.add(pool.submit(task));
      }
      for (Future<List<String>> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
