package dev.segmentation.examples;

import static dev.segmentation.dsl.Rules.allOf;
import static dev.segmentation.dsl.Rules.anyOf;
import static dev.segmentation.dsl.Rules.inTier;
import static dev.segmentation.dsl.Rules.integer;
import static dev.segmentation.dsl.Rules.not;
import static dev.segmentation.dsl.Rules.number;
import static dev.segmentation.dsl.Rules.segment;
import static dev.segmentation.dsl.Rules.string;
import static dev.segmentation.dsl.Rules.tags;
import static dev.segmentation.dsl.Rules.tiering;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.dsl.IntegerField;
import dev.segmentation.dsl.NumberField;
import dev.segmentation.dsl.StringField;
import dev.segmentation.dsl.TagsField;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Tiering;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Worked example: a workforce-software vendor segments restaurants, hotels and retail companies by
 * size (examples/firmographic). The Java catalog below is the same as the JSON one.
 */
class FirmographicExampleTest {
  static final StringField NAME = string("name");
  static final StringField INDUSTRY = string("industry");
  static final IntegerField EMPLOYEES = integer("employees");
  static final NumberField REVENUE = number("revenue");
  static final IntegerField LOCATIONS = integer("locations");
  static final StringField COUNTRY = string("country");
  static final TagsField SOFTWARE = tags("software");

  static final Schema SCHEMA =
      Schema.of(
          NAME.attribute(),
          INDUSTRY.attribute(),
          EMPLOYEES.attribute(),
          REVENUE.attribute(),
          LOCATIONS.attribute(),
          COUNTRY.attribute(),
          SOFTWARE.attribute());

  static Catalog javaCatalog() {
    Tiering size =
        tiering("company-size")
            .describedAs(
                "Size class after the EU SME thresholds (Recommendation 2003/361/EC), simplified"
                    + " to employees or revenue")
            .tier("large", anyOf(EMPLOYEES.ge(250), REVENUE.gt(50_000_000)))
            .tier("medium", anyOf(EMPLOYEES.ge(50), REVENUE.gt(10_000_000)))
            .tier("small", anyOf(EMPLOYEES.ge(10), REVENUE.gt(2_000_000)))
            .otherwise("micro");
    return new Catalog(
        ImmutableList.of(
            segment("restaurants").where(INDUSTRY.eq("restaurant")),
            segment("hotels").where(INDUSTRY.eq("hotel")),
            segment("retail").where(INDUSTRY.eq("retail")),
            segment("multi-site-hotels")
                .describedAs("Hotel groups with two or more properties")
                .where(allOf(INDUSTRY.eq("hotel"), LOCATIONS.ge(2))),
            segment("large-retail-chains")
                .describedAs("Large retailers with ten or more stores")
                .where(
                    allOf(
                        INDUSTRY.eq("retail"), inTier("company-size", "large"), LOCATIONS.ge(10))),
            segment("growing-restaurant-groups")
                .describedAs("Small and medium restaurant groups with 3 to 20 sites")
                .where(
                    allOf(
                        INDUSTRY.eq("restaurant"),
                        LOCATIONS.between(3, 20),
                        anyOf(inTier("company-size", "small"), inTier("company-size", "medium")))),
            segment("scheduling-on-paper")
                .describedAs("Non-micro companies still scheduling shifts on paper or spreadsheets")
                .where(
                    allOf(
                        SOFTWARE.containsAny("paper", "excel"),
                        not(inTier("company-size", "micro")))),
            segment("nordic-hospitality")
                .where(
                    allOf(INDUSTRY.in("restaurant", "hotel"), COUNTRY.in("FI", "SE", "NO", "DK")))),
        null,
        ImmutableList.of(size),
        null);
  }

  static final EvaluationContext CTX = EvaluationContext.at(Instant.parse("2026-11-01T00:00:00Z"));

  @Test
  void javaAndJson_areTheSameRules() throws IOException {
    RulesDocument doc = RulesJson.read(ExampleData.example("firmographic/rules.json"));
    assertThat(doc.schema()).isEqualTo(SCHEMA);
    assertThat(doc.catalog()).isEqualTo(javaCatalog());
  }

  @Test
  void companies_fallIntoTheExpectedSegmentsAndSizes() throws IOException {
    List<SchemaCustomer> companies = ExampleData.customers(SCHEMA, "firmographic/customers.jsonl");
    CompiledCatalog compiled = RowEngine.compile(javaCatalog(), SCHEMA);
    Map<String, SchemaCustomer> byId = new TreeMap<>();
    companies.forEach(c -> byId.put(c.id(), c));
    // Fjord Hotels: 780 employees, 14 hotels, rosters in spreadsheets.
    assertThat(compiled.tier("company-size", byId.get("f-10"), CTX)).isEqualTo("large");
    assertThat(compiled.segmentsOf(byId.get("f-10"), CTX))
        .containsExactlyInAnyOrder(
            "hotels", "multi-site-hotels", "nordic-hospitality", "scheduling-on-paper");
    // Mama Rosa: 8 employees, 650,000 EUR: micro, so not a target for the paper campaign.
    assertThat(compiled.tier("company-size", byId.get("f-01"), CTX)).isEqualTo("micro");
    assertThat(compiled.matches("scheduling-on-paper", byId.get("f-01"), CTX)).isFalse();
    // Pizza Express: 140 employees, 12 sites, on spreadsheets.
    assertThat(compiled.segmentsOf(byId.get("f-05"), CTX))
        .contains("growing-restaurant-groups", "scheduling-on-paper");
    // Kauppa Market: 2,600 employees, 85 stores.
    assertThat(compiled.matches("large-retail-chains", byId.get("f-17"), CTX)).isTrue();
    // Bike Shop: 9 employees but 2.5 MEUR revenue: small by revenue.
    assertThat(compiled.tier("company-size", byId.get("f-25"), CTX)).isEqualTo("small");

    // The columnar engine gives the same members.
    BatchResult batch =
        ColumnarEngine.compile(javaCatalog(), SCHEMA)
            .evaluate(CustomerTable.of(SCHEMA, companies), CTX);
    for (String segment : compiled.segmentNames()) {
      TreeSet<String> rows = new TreeSet<>();
      for (SchemaCustomer c : companies) {
        if (compiled.matches(segment, c, CTX)) {
          rows.add(c.id());
        }
      }
      TreeSet<String> columnar = new TreeSet<>();
      batch.memberIds(segment).forEach(columnar::add);
      assertThat(columnar).as(segment).isEqualTo(rows);
    }
    List<String> chains = new java.util.ArrayList<>();
    batch.memberIds("large-retail-chains").forEach(chains::add);
    assertThat(chains).containsExactly("f-17", "f-19", "f-22", "f-24", "f-28");
  }
}
