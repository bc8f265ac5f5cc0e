package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.Tiering;
import dev.segmentation.testkit.RandomCatalogs;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link CompiledCatalog#evaluate(Customer, dev.segmentation.engine.EvaluationContext,
 * CompiledCatalog.Result)} (one evaluation for everything, into one reused result) gives what the
 * separate entry points give, over random catalogs with a score model, a tiering and an RFM model,
 * for customers as built and seen through an adapter whose event lists are out of order.
 */
class OneCallProperties {

  @Property(tries = 200)
  void oneCall_givesWhatTheSeparateCallsGive(@ForAll long seed) {
    RandomCatalogs random = new RandomCatalogs(seed);
    Catalog catalog = EventOrderProperties.catalog(random, 1 + (int) Math.floorMod(seed, 8L));
    CompiledCatalog compiled = RowEngine.compile(catalog, RandomCatalogs.SCHEMA);
    CompiledCatalog.Result result = compiled.newResult(); // reused for every customer
    Random shuffle = new Random(seed);
    for (SchemaCustomer built : random.customers(20)) {
      for (Customer c : List.of(built, EventOrderProperties.permuted(built, shuffle))) {
        assertSame(catalog, compiled, c, compiled.evaluate(c, RandomCatalogs.CTX, result));
      }
    }
  }

  private static void assertSame(
      Catalog catalog, CompiledCatalog compiled, Customer c, CompiledCatalog.Result r) {
    Truth[] separate = new Truth[compiled.segmentNames().size()];
    compiled.evaluateAll(c, RandomCatalogs.CTX, separate);
    for (int i = 0; i < separate.length; i++) {
      assertThat(r.segment(i)).as("segment %s of %s", i, c.id()).isEqualTo(separate[i]);
      assertThat(r.in(i)).isEqualTo(separate[i] == Truth.TRUE);
    }
    for (String s : compiled.scoreNames()) {
      assertThat(r.score(compiled.scoreIndex(s)))
          .as("score %s of %s", s, c.id())
          .isEqualTo(compiled.score(s, c, RandomCatalogs.CTX));
    }
    for (Tiering t : catalog.tierings()) {
      assertThat(r.tier(compiled.tieringIndex(t.name())))
          .as("tier %s of %s", t.name(), c.id())
          .isEqualTo(compiled.tier(t.name(), c, RandomCatalogs.CTX));
    }
    for (RfmModel m : catalog.rfmModels()) {
      int i = compiled.rfmIndex(m.name());
      RfmScores expected = compiled.rfm(m.name(), c, RandomCatalogs.CTX);
      assertThat(r.rfm(i)).as("RFM %s of %s", m.name(), c.id()).isEqualTo(expected);
      // the scores without the object: 0 without events in the window
      assertThat(new int[] {r.recencyScore(i), r.frequencyScore(i), r.monetaryScore(i)})
          .as("RFM scores %s of %s", m.name(), c.id())
          .containsExactly(
              expected == null
                  ? new int[] {0, 0, 0}
                  : new int[] {expected.r(), expected.f(), expected.m()});
    }
  }
}
