package dev.segmentation.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import dev.segmentation.testkit.RandomCatalogs;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewriterTest {
  private static final Condition A = new Compare("age", Operator.GE, 18L);
  private static final Condition B = In.of("country", "FI", "SE");
  private static final Condition C = new Presence("email", true);

  @Test
  void unchanged_returnsTheSameInstance() {
    Condition c = And.of(A, Or.of(B, C));
    assertThat(Rewriter.rewrite(c)).isSameAs(c);
    assertThat(Rewriter.rewrite(A)).isSameAs(A);
  }

  @Test
  void flattens_foldsConstants_dedupes() {
    assertThat(Rewriter.rewrite(And.of(A, And.of(B, new Always()), A))).isEqualTo(And.of(A, B));
    assertThat(Rewriter.rewrite(Or.of(A, new Never(), Or.of(B)))).isEqualTo(Or.of(A, B));
    assertThat(Rewriter.rewrite(And.of(A, new Never("why")))).isEqualTo(new Never("why"));
    assertThat(Rewriter.rewrite(Or.of(A, new Always()))).isEqualTo(new Always());
    assertThat(Rewriter.rewrite(new And(ImmutableList.of()))).isEqualTo(new Always());
    assertThat(Rewriter.rewrite(new Or(ImmutableList.of()))).isEqualTo(new Never());
  }

  @Test
  void pushesNotDown_exactlyUnderThreeValuedLogic() {
    assertThat(Rewriter.rewrite(new Not(new Not(A)))).isEqualTo(A);
    assertThat(Rewriter.rewrite(new Not(And.of(A, C))))
        .isEqualTo(Or.of(new Compare("age", Operator.LT, 18L), new Presence("email", false)));
    assertThat(Rewriter.rewrite(new Not(new Between("age", 18L, 30L))))
        .isEqualTo(
            Or.of(new Compare("age", Operator.LT, 18L), new Compare("age", Operator.GT, 30L)));
    assertThat(
            Rewriter.rewrite(
                new Not(new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip")))))
        .isEqualTo(new TagMatch("tags", TagMatch.Op.CONTAINS_NONE, ImmutableSet.of("vip")));
    Condition notIn = new Not(B);
    assertThat(Rewriter.rewrite(notIn)).isSameAs(notIn);
  }

  @Test
  void contradiction_reportedWithPath_andRewrittenExactly() {
    Condition gt = new Compare("age", Operator.GT, 50L);
    Condition lt = new Compare("age", Operator.LT, 30L);
    Condition c = Or.of(C, And.of(gt, lt));
    Rewriter.RewriteResult r = Rewriter.analyze(c);
    assertThat(r.neverMatches())
        .containsExactly(
            new Rewriter.Finding(
                "/of/1", "age > 50 and age < 30 contradict: no value satisfies both bounds"));
    // Not Never: without an age the conjunction is UNKNOWN, and NOT of it must stay UNKNOWN.
    assertThat(r.condition()).isEqualTo(Or.of(C, And.of(new Presence("age", false), gt)));
    assertThat(Rewriter.analyze(And.of(gt, new Compare("age", Operator.LT, 60L))).neverMatches())
        .isEmpty();
    assertThat(
            Rewriter.analyze(And.of(new Compare("country", Operator.EQ, "NO"), B)).neverMatches())
        .hasSize(1);
  }

  @Test
  void randomConditions_rewritePreservesAllThreeValues_andIsIdempotent() {
    int compared = 0;
    for (long seed = 1; seed <= 150; seed++) {
      RandomCatalogs random = new RandomCatalogs(seed);
      Condition original = random.condition(5, List.of(), false);
      Condition rewritten = Rewriter.rewrite(original);
      assertThat(Rewriter.rewrite(rewritten)).isSameAs(rewritten);
      // Explanations evaluate the condition as written, so segment 0 shows the original's
      // three-valued result and segment 1 the rewritten one's.
      CompiledCatalog compiled =
          RowEngine.compile(
              Catalog.of(Segment.of("original", original), Segment.of("rewritten", rewritten)),
              RandomCatalogs.SCHEMA);
      for (SchemaCustomer customer : random.customers(40)) {
        Truth expected = compiled.explain("original", customer, RandomCatalogs.CTX).result();
        Truth actual = compiled.explain("rewritten", customer, RandomCatalogs.CTX).result();
        assertThat(actual).as("%s -> %s on %s", original, rewritten, customer).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(150 * 40);
  }
}
