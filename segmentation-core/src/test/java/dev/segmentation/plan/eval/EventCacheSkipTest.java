package dev.segmentation.plan.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.check.Limits;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A catalog that reads no events evaluates without the thread's event cache ({@link EventReads})
 * from every entry point alike: one evaluation, all segments, an explanation.
 */
class EventCacheSkipTest {
  private static final Schema SCHEMA = Schema.of(Attribute.integer("age"));
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));

  @Test
  void everyEntryPoint_withoutEvents_beginsNoEventCache() {
    PlanEvaluator evaluator =
        PlanEvaluator.unchecked(
            Catalog.of(
                Segment.of("adult", new Compare("age", Operator.GE, 18L)),
                Segment.of("senior", new Compare("age", Operator.GE, 65L))),
            SCHEMA,
            Limits.DEFAULT);
    List<Boolean> seen = new ArrayList<>();
    Customer c =
        new Customer() {
          @Override
          public String id() {
            return "c1";
          }

          @Override
          public Object value(String attribute) {
            seen.add(EventReads.inEvaluation());
            return 70L;
          }
        };

    assertThat(evaluator.segment(0, c, CTX)).isEqualTo(Truth.TRUE);
    evaluator.segments(c, CTX, new Truth[2]);
    evaluator.explainSegment(1, c, CTX);

    assertThat(seen).hasSize(4).containsOnly(false);
  }
}
