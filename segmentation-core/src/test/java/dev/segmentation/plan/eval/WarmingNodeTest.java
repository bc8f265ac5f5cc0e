package dev.segmentation.plan.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.check.Limits;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A compiled catalog defines no class: each segment evaluates interpreted until it has been
 * evaluated {@link WarmingNode#GENERATE_AFTER} times, through any entry point, and then its
 * generated evaluator takes its place; the results are the interpreted ones before, at and after
 * the switch.
 */
class WarmingNodeTest {
  private static final Schema SCHEMA =
      Schema.of(Attribute.integer("age"), Attribute.string("country"));
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-01T00:00:00Z"));
  private static final Catalog CATALOG =
      Catalog.of(
          Segment.of(
              "nordicAdults",
              And.of(new Compare("age", Operator.GE, 30L), In.of("country", "FI", "SE", "NO"))),
          Segment.of("old", new Compare("age", Operator.GE, 60L)),
          Segment.of("oldNordic", And.of(new InSegment("nordicAdults"), new InSegment("old"))));

  private static PlanEvaluator compile() {
    return PlanEvaluator.unchecked(CATALOG, SCHEMA, Limits.DEFAULT);
  }

  private static Customer customer(int k) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, "c" + k);
    if (k % 5 != 0) { // every fifth without an age: UNKNOWN unless the country decides
      b.set("age", (long) (20 + k % 50));
    }
    return b.set("country", k % 3 == 0 ? "FI" : "DE").build();
  }

  // What the interpreted root the catalog was compiled to gives.
  private static Truth interpreted(PlanEvaluator evaluator, int segment, Customer c) {
    Node n = evaluator.segmentNode(segment);
    Node root = n instanceof WarmingNode w ? w.interpreted : ((GeneratedNode) n).interpreted;
    return root.eval(c, c, evaluator.bounds(CTX), null);
  }

  @Test
  void compiling_generatesNothing() {
    PlanEvaluator evaluator = compile();
    for (int s = 0; s < evaluator.segmentCount(); s++) {
      assertThat(evaluator.segmentNode(s)).as("segment %d", s).isInstanceOf(WarmingNode.class);
    }
  }

  @Test
  void aSegment_isGeneratedAtItsThresholdEvaluation_withTheSameResults() {
    PlanEvaluator evaluator = compile();
    for (int k = 0; k < WarmingNode.GENERATE_AFTER - 1; k++) {
      Customer c = customer(k);
      assertThat(evaluator.segment(1, c, CTX)).isEqualTo(interpreted(evaluator, 1, c));
    }
    assertThat(evaluator.segmentNode(1)).isInstanceOf(WarmingNode.class);
    Customer last = customer(7);
    assertThat(evaluator.segment(1, last, CTX)).isEqualTo(interpreted(evaluator, 1, last));
    assertThat(evaluator.segmentNode(1)).isInstanceOf(GeneratedNode.class);
    // The others were not evaluated: still interpreted.
    assertThat(evaluator.segmentNode(0)).isInstanceOf(WarmingNode.class);
    assertThat(evaluator.segmentNode(2)).isInstanceOf(WarmingNode.class);
    for (int k = 0; k < 1000; k++) {
      Customer c = customer(k);
      assertThat(evaluator.segment(1, c, CTX)).isEqualTo(interpreted(evaluator, 1, c));
    }
  }

  @Test
  void everyEntryPoint_counts_andBlocksSwitchToTheGeneratedLoop() {
    PlanEvaluator evaluator = compile();
    int n = WarmingNode.GENERATE_AFTER + 300;
    Customer[] cs = new Customer[n];
    for (int k = 0; k < n; k++) {
      cs[k] = customer(k);
    }
    // All segments at once: each segment counts once per customer, references read the memo.
    Truth[] all = new Truth[3];
    for (int k = 0; k < WarmingNode.GENERATE_AFTER / 2; k++) {
      evaluator.segments(cs[k], CTX, all);
      for (int s = 0; s < 3; s++) {
        assertThat(all[s]).isEqualTo(interpreted(evaluator, s, cs[k]));
      }
    }
    // Blocks of 256 finish the count: the first blocks go customer by customer, the later ones
    // through the generated loop.
    Truth[] out = new Truth[256];
    for (int from = WarmingNode.GENERATE_AFTER / 2; from < n; from += 256) {
      int to = Math.min(n, from + 256);
      evaluator.segment(0, cs, from, to, CTX, out);
      for (int k = from; k < to; k++) {
        assertThat(out[k - from]).as("customer %d", k).isEqualTo(interpreted(evaluator, 0, cs[k]));
      }
    }
    assertThat(evaluator.segmentNode(0)).isInstanceOf(GeneratedNode.class);
    assertThat(evaluator.segmentNode(1)).isInstanceOf(WarmingNode.class);
    // oldNordic reads nordicAdults through the program: that counted as nordicAdults' evaluation
    // only where no memo was given, so oldNordic itself is not generated yet either.
    assertThat(evaluator.segmentNode(2)).isInstanceOf(WarmingNode.class);
  }

  @Test
  void threadsPastTheThresholdTogether_endWithOneGeneratedNode_andTheSameResults()
      throws Exception {
    PlanEvaluator evaluator = compile();
    int perThread = WarmingNode.GENERATE_AFTER;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> mismatches = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 7;
        mismatches.add(
            pool.submit(
                () -> {
                  start.await();
                  int wrong = 0;
                  for (int k = 0; k < perThread; k++) {
                    Customer c = customer(k + offset);
                    if (evaluator.segment(0, c, CTX) != interpreted(evaluator, 0, c)) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      start.countDown();
      for (Future<Integer> m : mismatches) {
        assertThat(m.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    Node node = evaluator.segmentNode(0);
    assertThat(node).isInstanceOf(GeneratedNode.class);
    assertThat(((GeneratedNode) node).interpreted).isNotInstanceOf(WarmingNode.class);
  }
}
