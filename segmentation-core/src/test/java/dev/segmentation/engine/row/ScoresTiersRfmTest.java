package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.SCHEMA;
import static dev.segmentation.engine.row.Fixtures.customer;
import static dev.segmentation.engine.row.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lead scores with caps, exclusive tierings and RFM models, and conditions that read them. */
class ScoresTiersRfmTest {

  static final ScoreModel ENGAGEMENT =
      new ScoreModel(
          "engagement",
          "HubSpot-style lead score",
          ImmutableList.of(
              ScoreRule.of(new Compare("active", Operator.EQ, true), 10),
              new ScoreRule(new Compare("country", Operator.EQ, "FI"), 20, "fit"),
              new ScoreRule(new Compare("age", Operator.GE, 30L), 15, "fit"),
              ScoreRule.of(
                  new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("churn-risk")),
                  -5),
              ScoreRule.of(new Compare("balance", Operator.GE, 1000L), 50),
              new ScoreRule(new Compare("employees", Operator.LT, 5L), -30, "penalty")),
          ImmutableMap.of("fit", 25.0, "penalty", 5.0),
          60.0);

  static Condition spend12Months(Operator op, long amount) {
    return new EventCondition(
        "purchase",
        new Always(),
        EventWindow.last(12, WindowUnit.MONTHS),
        Aggregate.SUM,
        "amount",
        op,
        amount);
  }

  static final Tiering VALUE =
      new Tiering(
          "value",
          "by 12-month spend",
          ImmutableList.of(
              new Tier("platinum", spend12Months(Operator.GE, 10_000)),
              new Tier("gold", spend12Months(Operator.GE, 5_000)),
              new Tier("silver", spend12Months(Operator.GE, 1_000))),
          "bronze");

  static final Tiering SIZE =
      new Tiering(
          "size",
          "company size by employees and revenue",
          ImmutableList.of(
              new Tier(
                  "large",
                  new Compare("employees", Operator.GE, 250L)
                      .or(new Compare("revenue", Operator.GE, 50_000_000L))),
              new Tier("medium", new Compare("employees", Operator.GE, 50L))),
          "small");

  static final RfmModel RFM =
      new RfmModel(
          "rfm",
          "",
          "purchase",
          "amount",
          EventWindow.last(365, WindowUnit.DAYS),
          ImmutableList.of(7.0, 30.0, 90.0, 180.0),
          ImmutableList.of(1.0, 2.0, 4.0, 8.0),
          ImmutableList.of(50.0, 200.0, 1000.0, 5000.0));

  static final Catalog CATALOG =
      new Catalog(
          ImmutableList.of(
              Segment.of("hot-lead", new ScoreCondition("engagement", Operator.GE, 30L)),
              Segment.of(
                  "premium", new InTier("value", "platinum").or(new InTier("value", "gold"))),
              Segment.of("champions", new InTier("rfm", "champions")),
              Segment.of("large-company", new InTier("size", "large"))),
          ImmutableList.of(ENGAGEMENT),
          ImmutableList.of(VALUE, SIZE),
          ImmutableList.of(RFM));

  static final CompiledCatalog COMPILED = RowEngine.compile(CATALOG, SCHEMA);

  static SchemaCustomer spender(String id, double... daysAgoAndAmount) {
    SchemaCustomer.Builder b = customer(id);
    for (int i = 0; i < daysAgoAndAmount.length; i += 2) {
      b.event("purchase", daysAgo(daysAgoAndAmount[i]), Map.of("amount", daysAgoAndAmount[i + 1]));
    }
    return b.build();
  }

  /**
   * The javadoc example of {@link CompiledCatalog#evaluate(Customer, EvaluationContext,
   * CompiledCatalog.Result)}.
   */
  @Test
  void evaluate_intoAReusedResult_answersAsTheSeparateCalls() {
    CompiledCatalog compiled = COMPILED;
    EvaluationContext ctx = CTX;
    List<Customer> customers =
        List.of(spender("a", 1, 3000), spender("b", 400, 10), customer("c", Map.of()));
    CompiledCatalog.Result r = compiled.newResult(); // one per thread, reused
    int premium = compiled.segmentIndex("premium");
    int value = compiled.tieringIndex("value");
    int engagement = compiled.scoreIndex("engagement");
    for (Customer c : customers) {
      compiled.evaluate(c, ctx, r);
      boolean inPremium = r.in(premium);
      String tier = r.tier(value);
      double score = r.score(engagement);
      assertThat(inPremium).isEqualTo(compiled.matches("premium", c, ctx));
      assertThat(tier).isEqualTo(compiled.tier("value", c, ctx));
      assertThat(score).isEqualTo(compiled.score("engagement", c, ctx));
      assertThat(r.rfm(compiled.rfmIndex("rfm"))).isEqualTo(compiled.rfm("rfm", c, ctx));
    }
    assertThat(compiled.tieringIndex("rfm")).as("an RFM model is not a tiering here").isEqualTo(-1);
    assertThat(compiled.newResult()).isNotSameAs(r);
    assertThatThrownBy(() -> compiled.newResult().score(engagement))
        .isInstanceOf(IllegalStateException.class);
    CompiledCatalog other = RowEngine.compile(CATALOG, SCHEMA);
    assertThatThrownBy(() -> other.evaluate(customers.get(0), ctx, r))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newResult");
  }

  @Test
  void score_sumsTrueRulesAndCapsGroupsFromAbove() {
    Customer c =
        customer(
            "c",
            Map.of(
                "active",
                true,
                "country",
                "FI",
                "age",
                40L,
                "tags",
                ImmutableSet.of("churn-risk")));
    // 10 + min(20 + 15, 25) - 5
    assertThat(COMPILED.score("engagement", c, CTX)).isEqualTo(30.0);
  }

  @Test
  void score_totalCapAppliesLast() {
    Customer c =
        customer("c", Map.of("active", true, "country", "FI", "age", 40L, "balance", 5000.0));
    // 10 + 25 + 50 = 85, capped at 60
    assertThat(COMPILED.score("engagement", c, CTX)).isEqualTo(60.0);
  }

  @Test
  void score_negativePointsAreNeverCappedAndUnknownRulesGiveNothing() {
    Customer c = customer("c", Map.of("employees", 3L));
    assertThat(COMPILED.score("engagement", c, CTX)).isEqualTo(-30.0);
    assertThat(COMPILED.score("engagement", customer("c", Map.of()), CTX)).isEqualTo(0.0);
  }

  @Test
  void scoreCondition_readsTheScore() {
    Customer hot = customer("c", Map.of("active", true, "country", "FI"));
    Customer cold = customer("c", Map.of("active", true));
    assertThat(COMPILED.matches("hot-lead", hot, CTX)).isTrue();
    assertThat(COMPILED.evaluate(COMPILED.segmentIndex("hot-lead"), cold, CTX))
        .isEqualTo(Truth.FALSE);
  }

  @Test
  void explainScore_listsPointsPerRuleAndCapsApplied() {
    Customer c =
        customer("c", Map.of("active", true, "country", "FI", "age", 40L, "balance", 5000.0));
    Explanation e = COMPILED.explainScore("engagement", c, CTX);
    assertThat(e.actual()).isEqualTo("60.0");
    assertThat(e.children())
        .extracting(Explanation::description)
        .contains(
            "rule 1: +10.0 points",
            "rule 2: +20.0 points in group \"fit\"",
            "group \"fit\" capped at 25.0",
            "total capped at 60.0");
    assertThat(e.children().get(3).actual()).isEqualTo("0");
  }

  @Test
  void tier_isTheFirstTrueTierElseOtherwise() {
    assertThat(COMPILED.tier("value", spender("a", 10, 6000, 300, 5000), CTX))
        .isEqualTo("platinum");
    assertThat(COMPILED.tier("value", spender("b", 10, 6000, 400, 5000), CTX)).isEqualTo("gold");
    assertThat(COMPILED.tier("value", spender("c", 10, 999), CTX)).isEqualTo("bronze");
    assertThat(COMPILED.tier("value", customer("d", Map.of()), CTX)).isEqualTo("bronze");
    assertThat(COMPILED.matches("premium", spender("b", 10, 6000), CTX)).isTrue();
  }

  @Test
  void tier_firmographic_skipsUnknownTiers() {
    // employees missing: "large" is UNKNOWN (revenue small), "medium" UNKNOWN -> small.
    Customer unknownSize = customer("c", Map.of("revenue", 1000.0));
    assertThat(COMPILED.tier("size", unknownSize, CTX)).isEqualTo("small");
    assertThat(COMPILED.tier("size", customer("c", Map.of("revenue", 6e7)), CTX))
        .isEqualTo("large");
    assertThat(COMPILED.tier("size", customer("c", Map.of("employees", 60L)), CTX))
        .isEqualTo("medium");
    assertThat(COMPILED.matches("large-company", customer("c", Map.of("employees", 300L)), CTX))
        .isTrue();
  }

  @Test
  void explainTier_saysWhyEarlierTiersDidNotApply() {
    Explanation e = COMPILED.explainTier("value", spender("b", 10, 1500), CTX);
    assertThat(e.actual()).isEqualTo("\"silver\"");
    assertThat(e.children())
        .extracting(Explanation::description)
        .containsExactly("tier \"platinum\"", "tier \"gold\"", "tier \"silver\"");
    assertThat(e.children().get(0).whyNot())
        .isEqualTo(
            "tier \"platinum\": sum of amount of purchase events in the last 12 months"
                + " is 1500.0, expected >= 10000");
    Explanation otherwise = COMPILED.explainTier("value", spender("c", 10, 10), CTX);
    assertThat(otherwise.children()).hasSize(4);
    assertThat(otherwise.actual()).isEqualTo("\"bronze\"");
  }

  @Test
  void rfm_scoresRecencyFrequencyMonetaryOverTheWindow() {
    SchemaCustomer c = spender("c", 3, 100, 20, 200, 40, 300, 400, 10_000);
    RfmScores scores = COMPILED.rfm("rfm", c, CTX);
    assertThat(scores).isEqualTo(RfmScores.of(RFM, 3, 3, 600));
    assertThat(scores.r()).isEqualTo(5);
    assertThat(scores.f()).isEqualTo(3);
    assertThat(scores.m()).isEqualTo(3);
    assertThat(COMPILED.tier("rfm", c, CTX)).isEqualTo(scores.segment().externalName());
    assertThat(scores.segment()).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
  }

  @Test
  void rfm_withoutEventsInTheWindow_hasNoScoresNoTierAndInTierIsUnknown() {
    SchemaCustomer old = spender("c", 400, 100);
    assertThat(COMPILED.rfm("rfm", old, CTX)).isNull();
    assertThat(COMPILED.tier("rfm", old, CTX)).isNull();
    assertThat(COMPILED.evaluate(COMPILED.segmentIndex("champions"), old, CTX))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(COMPILED.explainTier("rfm", old, CTX).result()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void rfm_champion_matchesInTier() {
    SchemaCustomer.Builder b = customer("c");
    for (int i = 1; i <= 10; i++) {
      b.event("purchase", daysAgo(i), Map.of("amount", 1000.0));
    }
    SchemaCustomer champion = b.build();
    assertThat(COMPILED.tier("rfm", champion, CTX)).isEqualTo("champions");
    assertThat(COMPILED.matches("champions", champion, CTX)).isTrue();
    Explanation e = COMPILED.explain("champions", champion, CTX);
    assertThat(e.result()).isEqualTo(Truth.TRUE);
    assertThat(e.children().get(0).children()).hasSize(3);
  }

  @Test
  void unknownModelNames_areRejectedListingTheKnownOnes() {
    Customer c = customer("c", Map.of());
    assertThatThrownBy(() -> COMPILED.score("nope", c, CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"nope\"")
        .hasMessageContaining("engagement");
    assertThatThrownBy(() -> COMPILED.tier("nope", c, CTX)).hasMessageContaining("value");
    assertThat(COMPILED.tieringNames()).containsExactly("value", "size", "rfm");
    assertThat(COMPILED.scoreNames()).containsExactly("engagement");
  }
}
