package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Truth;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Kleene laws hold for the engine's results on random trees over every leaf of the truth table and
 * random customers: NOT NOT x = x, De Morgan, and AND / OR / NOT compose their operands' results;
 * and evaluateAll, evaluate and explain agree on every segment.
 */
class KleeneLawProperties {
  private static final List<Condition> LEAVES =
      SemanticsTableTest.rows().stream().map(SemanticsTableTest.Row::condition).toList();
  private static final List<SchemaCustomer> CUSTOMERS = customers();

  private static List<SchemaCustomer> customers() {
    List<SchemaCustomer> out = new ArrayList<>(Population.customers(3, 40));
    for (SemanticsTableTest.Row row : SemanticsTableTest.rows()) {
      out.add((SchemaCustomer) row.matching());
      out.add((SchemaCustomer) row.notMatching());
    }
    return out;
  }

  @Provide
  Arbitrary<Condition> trees() {
    return Arbitraries.lazyOf(
        () -> Arbitraries.of(LEAVES),
        () -> Arbitraries.of(LEAVES),
        () -> trees().map(Not::new),
        () -> trees().list().ofMinSize(0).ofMaxSize(3).map(l -> new And(ImmutableList.copyOf(l))),
        () -> trees().list().ofMinSize(0).ofMaxSize(3).map(l -> new Or(ImmutableList.copyOf(l))));
  }

  @Property(tries = 200)
  void laws_holdOnRandomTreesAndCustomers(
      @ForAll("trees") Condition a, @ForAll("trees") Condition b) {
    Catalog base = SemanticsTableTest.catalog(a);
    List<Segment> segments = new ArrayList<>(base.segments());
    segments.add(Segment.of("a", a));
    segments.add(Segment.of("b", b));
    segments.add(Segment.of("notNotA", new Not(new Not(a))));
    segments.add(Segment.of("notAnd", new Not(And.of(a, b))));
    segments.add(Segment.of("orOfNots", Or.of(new Not(a), new Not(b))));
    segments.add(Segment.of("notOr", new Not(Or.of(a, b))));
    segments.add(Segment.of("andOfNots", And.of(new Not(a), new Not(b))));
    segments.add(Segment.of("and", And.of(a, b)));
    segments.add(Segment.of("or", Or.of(a, b)));
    CompiledCatalog compiled =
        Fixtures.compileUnchecked(
            new Catalog(
                ImmutableList.copyOf(segments), base.scores(), base.tierings(), base.rfmModels()));
    Truth[] out = new Truth[segments.size()];
    for (SchemaCustomer c : CUSTOMERS) {
      compiled.evaluateAll(c, CTX, out);
      Truth ta = out[compiled.segmentIndex("a")];
      Truth tb = out[compiled.segmentIndex("b")];
      assertThat(out[compiled.segmentIndex("notNotA")]).isEqualTo(ta);
      assertThat(out[compiled.segmentIndex("notAnd")])
          .isEqualTo(out[compiled.segmentIndex("orOfNots")])
          .isEqualTo(ta.and(tb).not());
      assertThat(out[compiled.segmentIndex("notOr")])
          .isEqualTo(out[compiled.segmentIndex("andOfNots")])
          .isEqualTo(ta.or(tb).not());
      assertThat(out[compiled.segmentIndex("and")]).isEqualTo(ta.and(tb));
      assertThat(out[compiled.segmentIndex("or")]).isEqualTo(ta.or(tb));
      assertThat(compiled.explain("a", c, CTX).result()).isEqualTo(ta);
      for (int i = 0; i < out.length; i++) {
        assertThat(compiled.evaluate(i, c, CTX)).isEqualTo(out[i]);
      }
    }
  }
}
