package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.plan.eval.EvalAccess;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The routes to a segment's result agree: evaluateAll (which reuses referenced segments' results),
 * evaluate one segment, and explain (which evaluates the condition as written, not rewritten).
 */
class AgreementProperties {
  private static final CompiledCatalog COMPILED = Population.compiled();

  @Property(tries = 200)
  void evaluateAll_evaluateAndExplain_agree(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int daysBack) {
    EvaluationContext ctx = EvaluationContext.at(CTX.asOf().minusSeconds(daysBack * 86_400L));
    Truth[] all = new Truth[COMPILED.segmentNames().size()];
    for (SchemaCustomer c : Population.customers(seed, 10)) {
      COMPILED.evaluateAll(c, ctx, all);
      for (int i = 0; i < all.length; i++) {
        String name = COMPILED.segmentNames().get(i);
        assertThat(COMPILED.evaluate(i, c, ctx)).as(name).isEqualTo(all[i]);
        assertThat(COMPILED.explain(name, c, ctx).result()).as(name).isEqualTo(all[i]);
        assertThat(COMPILED.matches(name, c, ctx)).isEqualTo(all[i] == Truth.TRUE);
      }
      assertThat(COMPILED.segmentsOf(c, ctx))
          .allSatisfy(s -> assertThat(all[COMPILED.segmentIndex(s)]).isEqualTo(Truth.TRUE));
      assertThat(COMPILED.explainScore("engagement", c, ctx).actual())
          .isEqualTo(String.valueOf(COMPILED.score("engagement", c, ctx)));
      assertThat(COMPILED.explainTier("value", c, ctx).actual())
          .isEqualTo(EvalAccess.quote(COMPILED.tier("value", c, ctx)));
    }
  }
}
