package dev.segmentation.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.testkit.RandomCatalogs;
import dev.segmentation.testkit.RandomSchemas;
import dev.segmentation.testkit.ReferenceInterpreter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The rewriter's law, with the reference interpreter as the judge: for every customer, the
 * rewritten condition has the same three-valued result as the condition as written (so a rewrite
 * never turns UNKNOWN into FALSE, which would change NOT's result), and rewriting is idempotent.
 */
class RewriterProperties {

  @Property(tries = 300)
  void rewritten_givesTheSameThreeValues_onRandomSchemas(@ForAll long seed) {
    RandomSchemas random = new RandomSchemas(seed);
    Catalog catalog = random.catalog(4);
    assertSameValues(
        roots(catalog),
        ReferenceInterpreter.of(catalog, random.schema()),
        random.customers(25),
        random.context());
  }

  @Property(tries = 300)
  void rewritten_givesTheSameThreeValues_onDeepConditions(@ForAll long seed) {
    RandomCatalogs random = new RandomCatalogs(seed);
    Catalog catalog = random.catalog(3); // the items deep conditions may refer to
    List<Condition> roots = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      roots.add(random.condition(7, List.of("s0", "s1", "s2"), true));
    }
    assertSameValues(
        roots,
        ReferenceInterpreter.of(catalog, RandomCatalogs.SCHEMA),
        random.customers(25),
        RandomCatalogs.CTX);
  }

  private static void assertSameValues(
      List<Condition> roots,
      ReferenceInterpreter reference,
      List<SchemaCustomer> customers,
      EvaluationContext ctx) {
    for (Condition written : roots) {
      Condition rewritten = Rewriter.rewrite(written);
      assertThat(Rewriter.rewrite(rewritten)).as("idempotent on %s", written).isSameAs(rewritten);
      assertThat(Rewriter.analyze(written).condition()).isEqualTo(rewritten);
      for (SchemaCustomer c : customers) {
        Truth expected = reference.condition(written, c, ctx);
        Truth actual = reference.condition(rewritten, c, ctx);
        assertThat(actual).as("%s%n-> %s%non %s", written, rewritten, c).isEqualTo(expected);
      }
    }
  }

  /** Every condition of a catalog: segments, score rules and tiers. */
  private static List<Condition> roots(Catalog catalog) {
    List<Condition> roots = new ArrayList<>();
    catalog.segments().stream().map(Segment::condition).forEach(roots::add);
    catalog.scores().forEach(s -> s.rules().stream().map(ScoreRule::condition).forEach(roots::add));
    catalog.tierings().forEach(t -> t.tiers().stream().map(Tier::condition).forEach(roots::add));
    return roots;
  }
}
