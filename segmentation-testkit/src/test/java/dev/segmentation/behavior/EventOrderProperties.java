package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.Tiering;
import dev.segmentation.testkit.RandomCatalogs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The order in which a customer's events arrive never changes a result: segments, scores, tiers,
 * RFM scores and the values in explanations are those of the same events sorted by time, in both
 * engines.
 */
class EventOrderProperties {

  static final RfmModel RFM =
      new RfmModel(
          "rfm",
          "",
          "purchase",
          "amount",
          EventWindow.last(365, WindowUnit.DAYS),
          ImmutableList.of(30.0, 90.0, 180.0, 270.0),
          ImmutableList.of(1.0, 2.0, 3.0, 4.0),
          ImmutableList.of(100.0, 250.0, 500.0, 750.0));

  /** A random catalog of {@code segments} segments, with a score, a tiering and an RFM model. */
  static Catalog catalog(RandomCatalogs random, int segments) {
    Catalog c = random.catalog(segments);
    return new Catalog(c.segments(), c.scores(), c.tierings(), ImmutableList.of(RFM));
  }

  /** The customer with each event type's events in a random order (as a user's class may give). */
  static Customer permuted(SchemaCustomer c, Random random) {
    return new Customer() {
      @Override
      public String id() {
        return c.id();
      }

      @Override
      public Object value(String attribute) {
        return c.value(attribute);
      }

      @Override
      public List<Event> events(String eventType) {
        List<Event> shuffled = new ArrayList<>(c.events(eventType));
        Collections.shuffle(shuffled, random);
        return shuffled;
      }
    };
  }

  @Property(tries = 60)
  void permutingEvents_neverChangesAnyResult_inEitherEngine(
      @ForAll long seed, @ForAll long shuffleSeed) {
    RandomCatalogs random = new RandomCatalogs(seed);
    Catalog catalog = catalog(random, 4);
    List<SchemaCustomer> sorted = random.customers(25);
    Random shuffle = new Random(shuffleSeed);
    List<Customer> permuted = new ArrayList<>();
    for (SchemaCustomer c : sorted) {
      permuted.add(permuted(c, shuffle));
    }
    assertSameResults(catalog, sorted, permuted, RandomCatalogs.CTX);
  }

  static void assertSameResults(
      Catalog catalog,
      List<? extends Customer> sorted,
      List<? extends Customer> permuted,
      EvaluationContext ctx) {
    CompiledCatalog rows = RowEngine.compile(catalog, RandomCatalogs.SCHEMA);
    BatchResult expected =
        ColumnarEngine.compile(catalog, RandomCatalogs.SCHEMA)
            .evaluate(CustomerTable.of(RandomCatalogs.SCHEMA, sorted), ctx);
    BatchResult actual =
        ColumnarEngine.compile(catalog, RandomCatalogs.SCHEMA)
            .evaluate(CustomerTable.of(RandomCatalogs.SCHEMA, permuted), ctx);
    Truth[] a = new Truth[catalog.segments().size()];
    Truth[] b = new Truth[catalog.segments().size()];
    for (int r = 0; r < sorted.size(); r++) {
      Customer s = sorted.get(r);
      Customer p = permuted.get(r);
      rows.evaluateAll(s, ctx, a);
      rows.evaluateAll(p, ctx, b);
      assertThat(b).as(s.toString()).containsExactly(a);
      for (String segment : rows.segmentNames()) {
        assertThat(rows.explain(segment, p, ctx).toText())
            .isEqualTo(rows.explain(segment, s, ctx).toText());
      }
      for (ScoreModel score : catalog.scores()) {
        assertThat(rows.score(score.name(), p, ctx)).isEqualTo(rows.score(score.name(), s, ctx));
        assertThat(rows.explainScore(score.name(), p, ctx).toText())
            .isEqualTo(rows.explainScore(score.name(), s, ctx).toText());
      }
      for (Tiering tiering : catalog.tierings()) {
        assertThat(rows.tier(tiering.name(), p, ctx)).isEqualTo(rows.tier(tiering.name(), s, ctx));
        assertThat(actual.tier(tiering.name(), r)).isEqualTo(expected.tier(tiering.name(), r));
      }
      for (RfmModel rfm : catalog.rfmModels()) {
        assertThat(rows.rfm(rfm.name(), p, ctx)).isEqualTo(rows.rfm(rfm.name(), s, ctx));
        assertThat(rows.explainTier(rfm.name(), p, ctx).toText())
            .isEqualTo(rows.explainTier(rfm.name(), s, ctx).toText());
        assertThat(actual.rfm(rfm.name(), r)).isEqualTo(expected.rfm(rfm.name(), r));
      }
    }
    for (String segment : rows.segmentNames()) {
      assertThat(actual.members(segment)).as(segment).isEqualTo(expected.members(segment));
    }
    for (ScoreModel score : catalog.scores()) {
      assertThat(actual.scores(score.name())).containsExactly(expected.scores(score.name()));
    }
  }
}
