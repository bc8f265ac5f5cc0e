package dev.segmentation.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.RfmFit;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Holdable;
import dev.segmentation.sql.Mapping;
import dev.segmentation.testkit.RandomSchemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkSegmentation#fitRfm} fits the cut points {@link RfmFit} fits on the same data (one
 * rule, {@code RfmModel.fittedTo}).
 */
class FitRfmTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final ImmutableList<Double> ANY = ImmutableList.of(0.0, 1.0, 2.0, 3.0);

  private static RfmModel fitOnSpark(
      RfmModel draft, Schema schema, List<SchemaCustomer> customers, EvaluationContext ctx) {
    Mapping names = Mapping.defaults();
    return SparkSegmentation.fitRfm(
        draft,
        schema,
        names,
        CustomerDatasets.customers(SPARK, schema, names, customers),
        CustomerDatasets.events(SPARK, schema, names, customers),
        ctx);
  }

  private static RfmModel fitInTheDriver(
      RfmModel draft, Schema schema, List<SchemaCustomer> customers, EvaluationContext ctx) {
    return RfmFit.fit(
        draft.name(),
        draft.description(),
        draft.eventType(),
        draft.moneyProperty(),
        draft.window(),
        schema,
        customers,
        ctx);
  }

  @Test
  void randomPopulations_fitRfmFitsCutPoints() {
    // Tiny populations (one to three customers with events), and larger ones full of ties.
    int[] sizes = {1, 2, 9, 60, 400};
    int fitted = 0;
    for (long seed = 1; fitted < sizes.length; seed++) {
      RandomSchemas random = new RandomSchemas(seed);
      List<RfmModel> models = random.catalog(1).rfmModels();
      if (models.isEmpty()) {
        continue;
      }
      RfmModel draft = models.get(0);
      List<SchemaCustomer> customers = new ArrayList<>();
      for (SchemaCustomer c : random.customers(sizes[fitted])) {
        customers.add(Holdable.project(c, random.schema(), Dialect.SPARK));
      }
      EvaluationContext ctx = random.context();
      RfmModel expected;
      try {
        expected = fitInTheDriver(draft, random.schema(), customers, ctx);
      } catch (IllegalArgumentException noEvents) {
        continue; // no customer has an event in the window: the other test's case
      }
      assertThat(fitOnSpark(draft, random.schema(), customers, ctx))
          .as("seed %d, %d customers", seed, customers.size())
          .isEqualTo(expected);
      fitted++;
    }
  }

  private static final Schema SHOP =
      Schema.builder().eventType(EventType.of("purchase", Attribute.number("amount"))).build();
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final RfmModel DRAFT =
      new RfmModel(
          "rfm", "", "purchase", "amount", EventWindow.last(365, WindowUnit.DAYS), ANY, ANY, ANY);

  private static SchemaCustomer buyer(String id, int daysAgo, double... amounts) {
    SchemaCustomer.Builder b = Customer.builder(SHOP, id);
    for (double amount : amounts) {
      b.event("purchase", AS_OF.minusSeconds(86_400L * daysAgo), Map.of("amount", amount));
    }
    return b.build();
  }

  @Test
  void everyCustomerAlike_givesEqualCutPoints() {
    List<SchemaCustomer> customers = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      customers.add(buyer("c" + i, 3, 10.0));
    }
    customers.add(buyer("old", 400, 99.0)); // outside the window: left out
    customers.add(Customer.builder(SHOP, "never").build());
    EvaluationContext ctx = EvaluationContext.at(AS_OF);

    RfmModel fitted = fitOnSpark(DRAFT, SHOP, customers, ctx);

    assertThat(fitted).isEqualTo(fitInTheDriver(DRAFT, SHOP, customers, ctx));
    assertThat(fitted.recencyCuts()).containsExactly(3.0, 3.0, 3.0, 3.0);
    assertThat(fitted.frequencyCuts()).containsExactly(1.0, 1.0, 1.0, 1.0);
    assertThat(fitted.monetaryCuts()).containsExactly(10.0, 10.0, 10.0, 10.0);
  }

  @Test
  void nearestRank_ofTenCustomers() {
    List<SchemaCustomer> customers = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      customers.add(buyer("c" + i, i, 0.5 * i)); // recency i days, monetary i / 2
    }
    EvaluationContext ctx = EvaluationContext.at(AS_OF);

    RfmModel fitted = fitOnSpark(DRAFT, SHOP, customers, ctx);

    // Ranks ceil(0.2 * 10) = 2, 4, 6 and 8.
    assertThat(fitted.recencyCuts()).containsExactly(2.0, 4.0, 6.0, 8.0);
    assertThat(fitted.monetaryCuts()).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(fitted).isEqualTo(fitInTheDriver(DRAFT, SHOP, customers, ctx));
  }

  @Test
  void noCustomerWithAnEventInTheWindow_isAnError() {
    List<SchemaCustomer> customers =
        List.of(buyer("old", 400, 99.0), Customer.builder(SHOP, "never").build());

    assertThatThrownBy(() -> fitOnSpark(DRAFT, SHOP, customers, EvaluationContext.at(AS_OF)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no customer has a \"purchase\" event in the window; cannot fit RFM \"rfm\"");
  }
}
