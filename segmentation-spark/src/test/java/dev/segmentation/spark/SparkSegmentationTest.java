package dev.segmentation.spark;

import static dev.segmentation.dsl.Rules.catalog;
import static dev.segmentation.dsl.Rules.events;
import static dev.segmentation.dsl.Rules.integer;
import static dev.segmentation.dsl.Rules.number;
import static dev.segmentation.dsl.Rules.segment;
import static dev.segmentation.dsl.Rules.string;
import static dev.segmentation.dsl.Rules.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Checker;
import dev.segmentation.dsl.IntegerField;
import dev.segmentation.dsl.StringField;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.plan.Plan;
import dev.segmentation.segment.Catalog;
import dev.segmentation.sql.Mapping;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** What {@link SparkSegmentation} promises beyond the differential test: shapes, names, errors. */
class SparkSegmentationTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));

  private static final StringField COUNTRY = string("country");
  private static final IntegerField AGE = integer("age");
  private static final Schema SCHEMA = Schema.of(COUNTRY.attribute(), AGE.attribute());
  private static final Catalog NORDIC_ADULTS =
      catalog(segment("nordic-adults").where(AGE.ge(18).and(COUNTRY.in("FI", "SE", "NO"))));

  private static Dataset<Row> rows(StructType type, Object[]... rows) {
    return SPARK.createDataFrame(List.of(rows).stream().map(RowFactory::create).toList(), type);
  }

  private static Map<String, Boolean> members(Dataset<Row> result) {
    Map<String, Boolean> out = new TreeMap<>();
    for (Row r : result.collectAsList()) {
      out.put(r.getString(0), r.getBoolean(1));
    }
    return out;
  }

  private static final StructType PEOPLE =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("country", DataTypes.StringType)
          .add("age", DataTypes.LongType);

  /** Ann has no country, Bob is an adult in Finland, Eve is 12. */
  private static Dataset<Row> annBobEve() {
    return rows(
        PEOPLE,
        new Object[] {"ann", null, 34L},
        new Object[] {"bob", "FI", 34L},
        new Object[] {"eve", "FI", 12L});
  }

  @Test
  void evaluate_missingCountry_isNotAMember() {
    Dataset<Row> customers = annBobEve();
    Dataset<Row> result =
        SparkSegmentation.of(NORDIC_ADULTS, SCHEMA).evaluate(customers, Map.of(), CTX);

    assertThat(result.columns()).containsExactly("id", "segment:nordic-adults");
    assertThat(members(result))
        .containsExactly(Map.entry("ann", false), Map.entry("bob", true), Map.entry("eve", false));
  }

  @Test
  void aCheckedCatalogOrAPlan_givesTheCatalogsAnswers() {
    Dataset<Row> customers = annBobEve();
    CheckedCatalog checked = Checker.standard().checked(NORDIC_ADULTS, SCHEMA);
    assertThat(
            members(
                SparkSegmentation.of(checked, Mapping.defaults())
                    .evaluate(customers, Map.of(), CTX)))
        .isEqualTo(
            members(SparkSegmentation.of(NORDIC_ADULTS, SCHEMA).evaluate(customers, Map.of(), CTX)))
        .isEqualTo(
            members(
                SparkSegmentation.of(Plan.of(checked), Mapping.defaults())
                    .evaluate(customers, Map.of(), CTX)));
  }

  @Test
  void evaluate_columnsDifferingOnlyInCase_readsTheExactName() {
    IntegerField upper = integer("AGE");
    Schema schema = Schema.of(AGE.attribute(), upper.attribute());
    Catalog adults = catalog(segment("adults").where(AGE.ge(18)));
    StructType type =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("AGE", DataTypes.LongType)
            .add("age", DataTypes.LongType);
    Dataset<Row> customers =
        rows(type, new Object[] {"ann", 40L, 10L}, new Object[] {"bob", 10L, 40L});

    Dataset<Row> result = SparkSegmentation.of(adults, schema).evaluate(customers, Map.of(), CTX);

    assertThat(members(result)).containsExactly(Map.entry("ann", false), Map.entry("bob", true));
  }

  @Test
  void evaluate_intColumnForAnIntegerAttribute_isWidenedExactly() {
    StructType type =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("country", DataTypes.StringType)
            .add("age", DataTypes.IntegerType);
    Dataset<Row> customers = rows(type, new Object[] {"ann", "SE", 18});

    Dataset<Row> result =
        SparkSegmentation.of(NORDIC_ADULTS, SCHEMA).evaluate(customers, Map.of(), CTX);

    assertThat(members(result)).containsExactly(Map.entry("ann", true));
  }

  @Test
  void evaluate_missingColumn_namesTheDatasetAndColumn() {
    StructType type =
        new StructType().add("id", DataTypes.StringType).add("age", DataTypes.LongType);
    Dataset<Row> customers = rows(type, new Object[] {"ann", 3L});

    assertThatThrownBy(
            () -> SparkSegmentation.of(NORDIC_ADULTS, SCHEMA).evaluate(customers, Map.of(), CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the customers dataset has no column \"country\" (attribute \"country\"); its columns"
                + " are id, age");
  }

  @Test
  void evaluate_columnOfAnotherType_namesTheDatasetColumnAndTypes() {
    StructType type =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("country", DataTypes.StringType)
            .add("age", DataTypes.DoubleType);
    Dataset<Row> customers = rows(type, new Object[] {"ann", "FI", 3.0});

    assertThatThrownBy(
            () -> SparkSegmentation.of(NORDIC_ADULTS, SCHEMA).evaluate(customers, Map.of(), CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the customers dataset: column \"age\" (attribute \"age\") is DOUBLE, expected BIGINT");
  }

  @Test
  void evaluate_nanInANumberColumn_stopsNamingTheCustomerAndAttribute() {
    Schema schema = Schema.of(number("income").attribute());
    Catalog rich = catalog(segment("rich").where(number("income").gt(1000)));
    StructType type =
        new StructType().add("id", DataTypes.StringType).add("income", DataTypes.DoubleType);
    Dataset<Row> customers =
        rows(type, new Object[] {"ann", 5.0}, new Object[] {"bob", Double.NaN});

    Dataset<Row> result = SparkSegmentation.of(rich, schema).evaluate(customers, Map.of(), CTX);

    assertThatThrownBy(result::collectAsList)
        .hasMessageContaining(
            "customer \"bob\", attribute \"income\": NaN and infinities are not values, got NaN");
  }

  @Test
  void evaluate_duplicateTagsInAnArray_countOnce() {
    Schema schema = Schema.of(tags("tags").attribute());
    Catalog two = catalog(segment("two-tags").where(tags("tags").size().eq(2)));
    StructType type =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> customers =
        rows(
            type,
            new Object[] {"ann", new String[] {"a", "b", "a"}},
            new Object[] {"bob", new String[] {"a", "a", "a"}});

    Dataset<Row> result = SparkSegmentation.of(two, schema).evaluate(customers, Map.of(), CTX);

    assertThat(members(result)).containsExactly(Map.entry("ann", true), Map.entry("bob", false));
  }

  @Test
  void evaluate_caseInsensitivePattern_isFoundByRe2() {
    Catalog pattern = catalog(segment("nordic").where(COUNTRY.ignoringCase().matches("^f")));
    Dataset<Row> customers =
        rows(PEOPLE, new Object[] {"ann", "FI", 3L}, new Object[] {"bob", "SE", 3L});

    assertThat(members(SparkSegmentation.of(pattern, SCHEMA).evaluate(customers, Map.of(), CTX)))
        .containsExactly(Map.entry("ann", true), Map.entry("bob", false));
  }

  @Test
  void evaluate_leavesNoTemporaryViewOrFunctionBehind() {
    Dataset<Row> customers = rows(PEOPLE, new Object[] {"ann", "NO", 30L});
    Dataset<Row> result =
        SparkSegmentation.of(NORDIC_ADULTS, SCHEMA).evaluate(customers, Map.of(), CTX);

    assertThat(SPARK.catalog().listTables().collectAsList())
        .noneMatch(t -> t.name().startsWith("segmentation_"));
    assertThat(SPARK.catalog().listFunctions().collectAsList())
        .noneMatch(f -> f.name().startsWith("segmentation_"));
    assertThat(members(result)).containsExactly(Map.entry("ann", true));
  }

  @Test
  void evaluate_result_isNotSortedGlobally() {
    // Not a local relation, which the optimizer would evaluate whole, sort and all.
    Dataset<Row> customers =
        SPARK.range(3).selectExpr("concat('c', id) AS id", "'NO' AS country", "id * 10 AS age");
    Dataset<Row> result =
        SparkSegmentation.of(NORDIC_ADULTS, SCHEMA).evaluate(customers, Map.of(), CTX);

    // A global sort costs a sampling job and a shuffle of every row; callers sort if they want.
    assertThat(result.queryExecution().executedPlan().toString()).doesNotContain("Sort [");
    assertThat(members(result))
        .containsExactly(Map.entry("c0", false), Map.entry("c1", false), Map.entry("c2", true));
  }

  @Test
  void evaluate_sumOfIntegersBeyondLongRange_comparesExactly() {
    EventType order = EventType.of("order", integer("units").attribute());
    Schema schema = Schema.builder().attribute(AGE.attribute()).eventType(order).build();
    long big = 1L << 62;
    Catalog bulk =
        catalog(
            segment("bulk")
                .where(
                    events("order")
                        .inLast(30, dev.segmentation.condition.WindowUnit.DAYS)
                        .sum("units")
                        .gt(
                            new java.math.BigDecimal(big)
                                .multiply(java.math.BigDecimal.valueOf(3)))));
    SchemaCustomer ann = customerWithOrders(schema, "ann", big, 4);
    SchemaCustomer bob = customerWithOrders(schema, "bob", big, 3);
    List<SchemaCustomer> people = List.of(ann, bob);

    Dataset<Row> result =
        SparkSegmentation.of(bulk, schema)
            .evaluate(
                CustomerDatasets.customers(SPARK, schema, Mapping.defaults(), people),
                CustomerDatasets.events(SPARK, schema, Mapping.defaults(), people),
                CTX);

    assertThat(members(result)).containsExactly(Map.entry("ann", true), Map.entry("bob", false));
  }

  private static SchemaCustomer customerWithOrders(Schema schema, String id, long units, int n) {
    var b = Customer.builder(schema, id);
    for (int i = 0; i < n; i++) {
      b.event(
          Event.of(
              schema.eventType("order"),
              CTX.asOf().minusSeconds(3600L * (i + 1)),
              Map.of("units", units)));
    }
    return b.build();
  }
}
