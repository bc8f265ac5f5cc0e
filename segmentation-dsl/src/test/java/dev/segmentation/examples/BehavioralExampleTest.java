package dev.segmentation.examples;

import static dev.segmentation.condition.CalendarPeriod.THIS_MONTH;
import static dev.segmentation.condition.TimeUnit.DAYS;
import static dev.segmentation.condition.TimeUnit.YEARS;
import static dev.segmentation.dsl.Rules.allOf;
import static dev.segmentation.dsl.Rules.events;
import static dev.segmentation.dsl.Rules.inSegment;
import static dev.segmentation.dsl.Rules.rfm;
import static dev.segmentation.dsl.Rules.scoreModel;
import static dev.segmentation.dsl.Rules.segment;
import static dev.segmentation.dsl.Rules.string;
import static dev.segmentation.dsl.Rules.tiering;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.Explanation;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmFit;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.Tiering;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/behavioral: an office-supplies shop splits buyers into loyal, occasional and one-time,
 * scores B2B leads and runs an RFM model. The JSON rules and the Java version below are the same
 * catalog; the data's events are placed relative to the as-of time, Sunday 22 November 2026 noon
 * UTC.
 */
class BehavioralExampleTest {
  static final EvaluationContext CTX = EvaluationContext.at(Instant.parse("2026-11-22T12:00:00Z"));

  static RulesDocument rules;
  static Map<String, SchemaCustomer> customers;
  static CompiledCatalog compiled;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesJson.read(ExampleData.example("behavioral", "rules.json"));
    customers =
        ExampleData.load(ExampleData.example("behavioral", "customers.jsonl"), rules.schema());
    compiled = RowEngine.compile(rules.catalog(), rules.schema());
  }

  /** The same rules as examples/behavioral/rules.json, written with the fluent builder. */
  static Catalog javaCatalog() {
    Tiering buyerType =
        tiering("buyer-type")
            .describedAs("Loyal, occasional or one-time buyer; the first tier that holds wins.")
            .tier("loyal", events("purchase").inLast(90, DAYS).count().ge(4))
            .tier("occasional", events("purchase").inLast(1, YEARS).count().ge(2))
            .tier("one-time", events("purchase").count().eq(1))
            .otherwise("inactive");
    ScoreModel lead =
        scoreModel("b2b-lead")
            .describedAs(
                "Buying behavior capped at 40, engagement on top, minus 25 when quiet for 180"
                    + " days.")
            .rule(events("purchase").inLast(90, DAYS).count().ge(4), 30, "behavior")
            .rule(inSegment("big-spenders"), 30, "behavior")
            .rule(inSegment("newsletter-readers"), 10, "engagement")
            .rule(inSegment("bulk-interest"), 20, "engagement")
            .rule(events("purchase").inLast(180, DAYS).count().eq(0), -25)
            .groupCap("behavior", 40)
            .cap(80)
            .build();
    RfmModel purchaseRfm =
        rfm(
            "purchase-rfm",
            "purchase",
            "amount",
            EventWindow.last(1, YEARS),
            List.of(4.0, 10.0, 35.0, 150.0),
            List.of(1.0, 2.0, 3.0, 5.0),
            List.of(40.0, 115.0, 265.0, 550.0));
    return new Catalog(
        ImmutableList.of(
            segment("repeat-buyers-90d")
                .describedAs("At least 3 purchases in the last 90 days.")
                .where(events("purchase").inLast(90, DAYS).count().ge(3)),
            segment("big-spenders")
                .describedAs("Spent over 1,000 in the last year.")
                .where(events("purchase").inLast(1, YEARS).sum("amount").gt(1000.0)),
            segment("lapsed")
                .describedAs("Bought before, but no purchase in the last 180 days.")
                .where(
                    allOf(
                        events("purchase").count().ge(1),
                        events("purchase").inLast(180, DAYS).count().eq(0))),
            segment("newsletter-readers")
                .describedAs("Opened a newsletter in the last 30 days.")
                .where(
                    events("email_open")
                        .where(string("campaign").eq("newsletter"))
                        .inLast(30, DAYS)
                        .count()
                        .ge(1)),
            segment("bulk-interest")
                .describedAs("Visited the bulk-order pages at least twice this month.")
                .where(
                    events("page_view")
                        .where(string("path").startsWith("/bulk"))
                        .in(THIS_MONTH)
                        .count()
                        .ge(2)),
            segment("new-buyers")
                .describedAs("First purchase less than 30 days ago.")
                .where(events("purchase").daysSinceFirst().lt(30)),
            segment("paper-buyers")
                .describedAs("Spent at least 100 on paper in the last year.")
                .where(
                    events("purchase")
                        .where(string("category").eq("paper"))
                        .inLast(1, YEARS)
                        .sum("amount")
                        .ge(100.0))),
        ImmutableList.of(lead),
        ImmutableList.of(buyerType),
        ImmutableList.of(purchaseRfm));
  }

  @Test
  void javaCatalog_equalsTheJsonRules() {
    assertThat(javaCatalog()).isEqualTo(rules.catalog());
  }

  @Test
  void data_hasThirtyCustomers() {
    assertThat(customers).hasSize(30);
  }

  String buyerType(String id) {
    return compiled.tier("buyer-type", customers.get(id), CTX);
  }

  List<String> withTier(String tier) {
    return customers.values().stream()
        .filter(c -> tier.equals(compiled.tier("buyer-type", c, CTX)))
        .map(SchemaCustomer::id)
        .toList();
  }

  List<String> members(String segment) {
    return customers.values().stream()
        .filter(c -> compiled.matches(segment, c, CTX))
        .map(SchemaCustomer::id)
        .toList();
  }

  @Test
  void buyerType_splitsLoyalOccasionalOneTime() {
    assertThat(buyerType("b-01")).as("5 purchases in 90 days").isEqualTo("loyal");
    assertThat(buyerType("b-02")).as("exactly 4 purchases in 90 days").isEqualTo("loyal");
    assertThat(buyerType("b-03")).as("3 in 90 days, 4 in the year").isEqualTo("occasional");
    assertThat(buyerType("b-22")).as("1 in 90 days, 2 in the year").isEqualTo("occasional");
    assertThat(buyerType("b-05")).as("a single purchase").isEqualTo("one-time");
    assertThat(buyerType("b-06")).as("a single purchase, 400 days ago").isEqualTo("one-time");
    assertThat(buyerType("b-08")).as("3 purchases, all over a year ago").isEqualTo("inactive");
    assertThat(buyerType("b-17")).as("never bought").isEqualTo("inactive");
    assertThat(withTier("loyal")).containsExactly("b-01", "b-02", "b-09", "b-15", "b-21", "b-25");
    assertThat(withTier("one-time"))
        .containsExactly("b-05", "b-06", "b-11", "b-13", "b-19", "b-24", "b-27");
    assertThat(withTier("inactive")).containsExactly("b-07", "b-08", "b-17", "b-20");
    assertThat(withTier("occasional")).hasSize(13);
  }

  @Test
  void explainTier_saysWhyLoyalDidNotApply() {
    Explanation e = compiled.explainTier("buyer-type", customers.get("b-03"), CTX);
    assertThat(e.toString()).contains("loyal").contains("occasional");
  }

  @Test
  void eventSegments_matchTheIssueExamples() {
    assertThat(members("repeat-buyers-90d"))
        .containsExactly("b-01", "b-02", "b-03", "b-09", "b-15", "b-21", "b-25");
    assertThat(members("big-spenders")).containsExactly("b-09", "b-12", "b-19", "b-25");
    assertThat(members("lapsed")).containsExactly("b-06", "b-08", "b-16", "b-23", "b-27", "b-30");
    assertThat(members("newsletter-readers"))
        .as("b-24 opened a promotion, not a newsletter")
        .containsExactly("b-07", "b-09", "b-20");
    assertThat(members("bulk-interest")).as("b-28 visited once").containsExactly("b-09", "b-20");
    assertThat(members("new-buyers")).containsExactly("b-05", "b-11", "b-12", "b-24", "b-28");
    assertThat(members("paper-buyers"))
        .containsExactly("b-01", "b-03", "b-09", "b-14", "b-15", "b-21", "b-23", "b-29");
  }

  @Test
  void newBuyers_withoutPurchases_isUnknownNotFalse() {
    // daysSinceFirst over no events has no value, so the comparison is UNKNOWN.
    assertThat(compiled.evaluate(compiled.segmentIndex("new-buyers"), customers.get("b-17"), CTX))
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void leadScore_capsBehaviorAndSubtractsForQuietCustomers() {
    assertThat(compiled.score("b2b-lead", customers.get("b-09"), CTX))
        .as("behavior 30 + 30 capped at 40, engagement 10 + 20")
        .isEqualTo(70.0);
    assertThat(compiled.score("b2b-lead", customers.get("b-25"), CTX)).isEqualTo(40.0);
    assertThat(compiled.score("b2b-lead", customers.get("b-20"), CTX))
        .as("engagement 30, no purchase in 180 days -25")
        .isEqualTo(5.0);
    assertThat(compiled.score("b2b-lead", customers.get("b-17"), CTX)).isEqualTo(-25.0);
    assertThat(compiled.explainScore("b2b-lead", customers.get("b-09"), CTX).toString())
        .contains("big-spenders");
  }

  @Test
  void rfmCuts_inTheRules_areTheFitOnThisPopulation() {
    RfmModel frozen = rules.catalog().rfmModels().get(0);
    RfmModel fitted =
        RfmFit.fit(
            frozen.name(),
            frozen.description(),
            frozen.eventType(),
            frozen.moneyProperty(),
            frozen.window(),
            customers.values(),
            CTX,
            rules.schema());
    assertThat(fitted).isEqualTo(frozen);
  }

  @Test
  void rfm_scoresAndNamesCustomers_andNonBuyersHaveNoRfmTier() {
    RfmScores b09 = compiled.rfm("purchase-rfm", customers.get("b-09"), CTX);
    // 2 days (<= 4: R 5), 8 purchases (> 5: F 5), 1,600 (> 550: M 5)
    assertThat(b09).isEqualTo(new RfmScores(2, 8, 1600, 5, 5, 5, RfmSegment.CHAMPIONS));
    // b-16: 190 days (> 150: R 1), 2 purchases (F 2), 550 (M 4): FM 3, so at risk
    assertThat(compiled.rfm("purchase-rfm", customers.get("b-16"), CTX).segment())
        .isEqualTo(RfmSegment.AT_RISK);
    // b-11: 1 day (R 5), 1 purchase (F 1), 15 (M 1): new
    assertThat(compiled.tier("purchase-rfm", customers.get("b-11"), CTX)).isEqualTo("new");
    assertThat(compiled.tier("purchase-rfm", customers.get("b-09"), CTX)).isEqualTo("champions");
    RfmScores b08 = compiled.rfm("purchase-rfm", customers.get("b-08"), CTX);
    assertThat(b08).as("no purchase in the last year").isNull();
    assertThat(compiled.tier("purchase-rfm", customers.get("b-17"), CTX)).isNull();
    Explanation none = compiled.explainTier("purchase-rfm", customers.get("b-17"), CTX);
    assertThat(none.result()).isEqualTo(Truth.UNKNOWN);
  }
}
