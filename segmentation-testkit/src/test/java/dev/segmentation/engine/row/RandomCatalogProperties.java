package dev.segmentation.engine.row;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.RandomCatalogs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * On the shared random catalogs and customers of {@link RandomCatalogs}: evaluateAll (dependency
 * order, referenced segments reused) agrees with evaluating each segment alone and with the result
 * of its explanation (the condition as written, not rewritten); score and tier agree with their
 * explanations.
 */
class RandomCatalogProperties {

  @Property(tries = 200)
  void evaluateAll_agreesWithEvaluateAndExplain(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int daysEarlier) {
    RandomCatalogs random = new RandomCatalogs(seed);
    CompiledCatalog compiled = RowEngine.compile(random.catalog(6), RandomCatalogs.SCHEMA);
    EvaluationContext ctx =
        EvaluationContext.at(RandomCatalogs.AS_OF.minusSeconds(daysEarlier * 86_400L));
    Truth[] all = new Truth[compiled.segmentNames().size()];
    for (SchemaCustomer c : random.customers(15)) {
      compiled.evaluateAll(c, ctx, all);
      for (int i = 0; i < all.length; i++) {
        String name = compiled.segmentNames().get(i);
        assertThat(compiled.evaluate(i, c, ctx)).as("%s on %s", name, c).isEqualTo(all[i]);
        assertThat(compiled.explain(name, c, ctx).result())
            .as("explain %s on %s", name, c)
            .isEqualTo(all[i]);
      }
      assertThat(compiled.explainScore("engagement", c, ctx).actual())
          .isEqualTo(String.valueOf(compiled.score("engagement", c, ctx)));
      assertThat(compiled.explainTier("value", c, ctx).actual())
          .isEqualTo("\"" + compiled.tier("value", c, ctx) + "\""); // tier names are plain words
    }
  }
}
