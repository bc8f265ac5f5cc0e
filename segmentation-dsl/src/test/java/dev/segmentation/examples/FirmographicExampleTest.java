package dev.segmentation.examples;

import static dev.segmentation.dsl.Rules.allOf;
import static dev.segmentation.dsl.Rules.anyOf;
import static dev.segmentation.dsl.Rules.inTier;
import static dev.segmentation.dsl.Rules.integer;
import static dev.segmentation.dsl.Rules.number;
import static dev.segmentation.dsl.Rules.segment;
import static dev.segmentation.dsl.Rules.string;
import static dev.segmentation.dsl.Rules.tiering;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tiering;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/firmographic: a workforce-software vendor segments restaurants, hotels and retailers by
 * company size. The JSON rules and the Java version below are the same catalog.
 */
class FirmographicExampleTest {
  static final EvaluationContext CTX = EvaluationContext.at(Instant.parse("2026-11-22T12:00:00Z"));

  static RulesDocument rules;
  static Map<String, SchemaCustomer> companies;
  static CompiledCatalog compiled;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesJson.read(ExampleData.example("firmographic", "rules.json"));
    companies =
        ExampleData.load(ExampleData.example("firmographic", "customers.jsonl"), rules.schema());
    compiled = RowEngine.compile(rules.catalog(), rules.schema());
  }

  /** The same rules as examples/firmographic/rules.json, written with the fluent builder. */
  static Catalog javaCatalog() {
    Tiering size =
        tiering("company-size")
            .describedAs(
                "Exclusive size classes by employees and revenue; no employee count means unknown.")
            .tier("large", anyOf(integer("employees").ge(250), number("revenue").ge(50_000_000.0)))
            .tier("medium", anyOf(integer("employees").ge(50), number("revenue").ge(10_000_000.0)))
            .tier("small", integer("employees").isPresent())
            .otherwise("unknown");
    List<Segment> segments =
        List.of(
            segment("small-restaurants")
                .describedAs("Restaurants in the small size class: a self-serve scheduling plan.")
                .where(allOf(string("industry").eq("restaurant"), inTier("company-size", "small"))),
            segment("hospitality-mid-market")
                .describedAs("Restaurants and hotels in the medium size class.")
                .where(
                    allOf(
                        string("industry").in("restaurant", "hotel"),
                        inTier("company-size", "medium"))),
            segment("multi-site-hotels")
                .describedAs("Hotels with two or more sites: shift planning across locations.")
                .where(allOf(string("industry").eq("hotel"), integer("locations").ge(2))),
            segment("large-retail-chains")
                .describedAs("Large retailers with at least 10 stores: the enterprise sales team.")
                .where(
                    allOf(
                        string("industry").eq("retail"),
                        inTier("company-size", "large"),
                        integer("locations").ge(10))),
            segment("nordic-small-business")
                .describedAs("Small companies in Finland, Sweden, Norway or Denmark.")
                .where(
                    allOf(
                        string("country").in("FI", "SE", "NO", "DK"),
                        inTier("company-size", "small"))));
    return new Catalog(
        com.google.common.collect.ImmutableList.copyOf(segments),
        com.google.common.collect.ImmutableList.of(),
        com.google.common.collect.ImmutableList.of(size),
        com.google.common.collect.ImmutableList.of());
  }

  @Test
  void javaCatalog_equalsTheJsonRules() {
    assertThat(javaCatalog()).isEqualTo(rules.catalog());
  }

  @Test
  void data_hasThirtyCompanies() {
    assertThat(companies).hasSize(30);
  }

  String size(String id) {
    return compiled.tier("company-size", companies.get(id), CTX);
  }

  boolean in(String segment, String id) {
    return compiled.matches(segment, companies.get(id), CTX);
  }

  @Test
  void sizeTiers_followEmployeesAndRevenueWithTheFirstMatchWinning() {
    assertThat(size("f-01")).as("12 employees, 0.9M").isEqualTo("small");
    assertThat(size("f-19")).as("49 employees, 9.9M: just under both").isEqualTo("small");
    assertThat(size("f-20")).as("50 employees, 10M: the medium boundary").isEqualTo("medium");
    assertThat(size("f-06")).as("30 employees but 12M revenue").isEqualTo("medium");
    assertThat(size("f-17")).as("250 employees: the large boundary").isEqualTo("large");
    assertThat(size("f-18")).as("100 employees but 55M revenue").isEqualTo("large");
    assertThat(size("f-07")).as("no employee count").isEqualTo("unknown");
  }

  @Test
  void sizeTiers_everyCompanyGetsExactlyOne() {
    Map<String, Long> counts =
        companies.values().stream()
            .collect(
                Collectors.groupingBy(
                    c -> compiled.tier("company-size", c, CTX), Collectors.counting()));
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("small", 12L, "medium", 8L, "large", 9L, "unknown", 1L));
  }

  @Test
  void multiSiteHotels_needTwoOrMoreLocations_andUnknownLocationsAreNotMembers() {
    assertThat(in("multi-site-hotels", "f-12")).as("hotel, 2 sites").isTrue();
    assertThat(in("multi-site-hotels", "f-10")).as("hotel, 14 sites").isTrue();
    assertThat(in("multi-site-hotels", "f-11")).as("hotel, 1 site").isFalse();
    assertThat(in("multi-site-hotels", "f-14")).as("hotel, locations unknown").isFalse();
    assertThat(
            compiled.evaluate(
                compiled.segmentIndex("multi-site-hotels"), companies.get("f-14"), CTX))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(in("multi-site-hotels", "f-15")).as("a retailer").isFalse();
    assertThat(members("multi-site-hotels"))
        .containsExactly("f-08", "f-10", "f-12", "f-13", "f-24", "f-30");
  }

  @Test
  void largeRetailChains_areLargeRetailersWithTenOrMoreStores() {
    assertThat(members("large-retail-chains")).containsExactly("f-15", "f-17", "f-21", "f-25");
    assertThat(in("large-retail-chains", "f-18")).as("large, but 4 stores").isFalse();
    assertThat(in("large-retail-chains", "f-20")).as("12 stores, but medium").isFalse();
  }

  @Test
  void hospitalitySegments_bySize() {
    assertThat(members("small-restaurants")).containsExactly("f-01", "f-02", "f-05", "f-26");
    assertThat(members("hospitality-mid-market"))
        .containsExactly("f-03", "f-06", "f-08", "f-11", "f-23", "f-24");
    assertThat(in("nordic-small-business", "f-14")).as("small, but Estonian").isFalse();
    assertThat(in("nordic-small-business", "f-19")).isTrue();
  }

  List<String> members(String segment) {
    return companies.values().stream()
        .filter(c -> compiled.matches(segment, c, CTX))
        .map(SchemaCustomer::id)
        .toList();
  }
}
