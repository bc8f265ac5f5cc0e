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
    for (SchemaCustomer c : Population.customers(seed, 10)) {
      Truth[] all = segmentsAgree(COMPILED, c, ctx);
      assertThat(COMPILED.segmentsOf(c, ctx))
          .allSatisfy(s -> assertThat(all[COMPILED.segmentIndex(s)]).isEqualTo(Truth.TRUE));
      assertThat(COMPILED.explainScore("engagement", c, ctx).actual())
          .isEqualTo(String.valueOf(COMPILED.score("engagement", c, ctx)));
      assertThat(COMPILED.explainTier("value", c, ctx).actual())
          .isEqualTo(EvalAccess.quote(COMPILED.tier("value", c, ctx)));
    }
  }

  /**
   * Evaluates every segment of {@code compiled} for {@code c} at once, checks that each one alone,
   * its explanation and {@code matches} say the same, and returns the results.
   */
  static Truth[] segmentsAgree(CompiledCatalog compiled, SchemaCustomer c, EvaluationContext ctx) {
    Truth[] all = new Truth[compiled.segmentNames().size()];
    compiled.evaluateAll(c, ctx, all);
    for (int i = 0; i < all.length; i++) {
      String name = compiled.segmentNames().get(i);
      assertThat(compiled.evaluate(i, c, ctx)).as(name).isEqualTo(all[i]);
      assertThat(compiled.explain(name, c, ctx).result()).as(name).isEqualTo(all[i]);
      assertThat(compiled.matches(name, c, ctx)).isEqualTo(all[i] == Truth.TRUE);
    }
    return all;
  }
}
