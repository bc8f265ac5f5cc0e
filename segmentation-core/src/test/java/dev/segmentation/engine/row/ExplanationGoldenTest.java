package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.SCHEMA;
import static dev.segmentation.engine.row.Fixtures.customer;
import static dev.segmentation.engine.row.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Explanations of realistic segments, scores and tiers as golden files under {@code
 * golden/explain}: the indented tree ({@link Explanation#toText()}) and the shortest reason ({@link
 * Explanation#whyNot()}). Regenerate with {@code -Dgolden.update=true} (see {@link Golden}).
 */
class ExplanationGoldenTest {

  private static EventCondition purchases(EventWindow window, Operator op, long count) {
    return new EventCondition("purchase", new Always(), window, Aggregate.COUNT, null, op, count);
  }

  private static final EventWindow YEAR = EventWindow.last(365, WindowUnit.DAYS);

  static final Catalog CATALOG =
      new Catalog(
          ImmutableList.of(
              Population.NORDIC_ADULTS,
              Segment.of(
                  "vip",
                  new InSegment("nordic-adults")
                      .and(
                          new Compare("balance", Operator.GE, 10_000L)
                              .or(
                                  new TagMatch(
                                      "tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip"))))),
              Segment.of(
                  "newsletter-engaged",
                  new EventCondition(
                          "email_open",
                          new StringMatch(
                              "campaign", StringMatch.Op.STARTS_WITH, "newsletter", true),
                          EventWindow.last(30, WindowUnit.DAYS),
                          Aggregate.COUNT,
                          null,
                          Operator.GE,
                          1L)
                      .and(
                          new Not(
                              new TagMatch(
                                  "tags",
                                  TagMatch.Op.CONTAINS_ANY,
                                  ImmutableSet.of("unsubscribed"))))),
              Segment.of("loyal", purchases(YEAR, Operator.GE, 5)),
              Segment.of(
                  "occasional",
                  new EventCondition(
                          "purchase", new Always(), YEAR, Aggregate.COUNT, null, Operator.GE, 2L)
                      .and(purchases(YEAR, Operator.LE, 4))),
              Segment.of("one-time", purchases(YEAR, Operator.EQ, 1)),
              Segment.of(
                  "lapsed",
                  new Not(
                      new RelativeTime(
                          "lastSeen", RelativeTime.Op.WITHIN_LAST, 90, WindowUnit.DAYS))),
              Segment.of(
                  "mid-market",
                  new Between("employees", 50L, 249L)
                      .and(new Compare("industry", Operator.EQ, "retail"))),
              Segment.of("impossible", new Never("age > 50 and age < 30 contradict"))),
          ImmutableList.of(ScoresTiersRfmTest.ENGAGEMENT),
          ImmutableList.of(ScoresTiersRfmTest.VALUE, ScoresTiersRfmTest.SIZE),
          ImmutableList.of(ScoresTiersRfmTest.RFM));

  private static final CompiledCatalog COMPILED = RowEngine.compile(CATALOG, SCHEMA);

  private static SchemaCustomer buyer(String id, int purchases) {
    SchemaCustomer.Builder b = customer(id);
    for (int i = 0; i < purchases; i++) {
      b.event("purchase", daysAgo(5 + 40 * i), Map.of("amount", 120.0, "category", "paper"));
    }
    return b.build();
  }

  private static String section(String title, Explanation e) {
    return "## " + title + "\n" + e.toText() + "whyNot: " + e.whyNot() + "\n\n";
  }

  private static String segment(String segment, String title, Customer c) {
    Explanation e = COMPILED.explain(segment, c, CTX);
    assertThat(e.result())
        .as("explain agrees with evaluate")
        .isEqualTo(COMPILED.evaluate(COMPILED.segmentIndex(segment), c, CTX));
    assertThat(e.whyNot().isEmpty()).isEqualTo(e.result() == Truth.TRUE);
    return section(title, e);
  }

  private static void golden(String name, Supplier<String> text) {
    Golden.assertMatches("explain/" + name + ".txt", text.get());
  }

  @Test
  void nordicAdults() {
    golden(
        "nordic-adults",
        () ->
            segment(
                    "nordic-adults",
                    "German adult",
                    customer("c1", Map.of("age", 45L, "country", "DE")))
                + segment(
                    "nordic-adults",
                    "Finnish minor",
                    customer("c2", Map.of("age", 16L, "country", "FI")))
                + segment("nordic-adults", "no country", customer("c3", "age", 30L))
                + segment(
                    "nordic-adults",
                    "Swedish adult",
                    customer("c4", Map.of("age", 30L, "country", "SE"))));
  }

  @Test
  void vip() {
    golden(
        "vip",
        () ->
            segment(
                    "vip",
                    "rich Finn",
                    customer("c1", Map.of("age", 45L, "country", "FI", "balance", 25_000.0)))
                + segment(
                    "vip",
                    "Finn, small balance, no tags",
                    customer("c2", Map.of("age", 45L, "country", "FI", "balance", 50.0)))
                + segment(
                    "vip",
                    "tagged American",
                    customer(
                        "c3",
                        Map.of("age", 45L, "country", "US", "tags", ImmutableSet.of("vip")))));
  }

  @Test
  void newsletterEngaged() {
    SchemaCustomer opened =
        customer("c1")
            .event("email_open", daysAgo(3), Map.of("campaign", "Newsletter-November"))
            .set("tags", ImmutableSet.of())
            .build();
    SchemaCustomer unsubscribed =
        customer("c2")
            .event("email_open", daysAgo(3), Map.of("campaign", "newsletter-november"))
            .set("tags", ImmutableSet.of("unsubscribed"))
            .build();
    SchemaCustomer promoOnly =
        customer("c3").event("email_open", daysAgo(3), Map.of("campaign", "promo")).build();
    golden(
        "newsletter-engaged",
        () ->
            segment("newsletter-engaged", "opened a newsletter", opened)
                + segment("newsletter-engaged", "opened but unsubscribed", unsubscribed)
                + segment("newsletter-engaged", "only promos, no tags", promoOnly));
  }

  @Test
  void officeSuppliesBuyers() {
    StringBuilder sb = new StringBuilder();
    for (int n : new int[] {0, 1, 3, 6}) {
      for (String s : new String[] {"loyal", "occasional", "one-time"}) {
        sb.append(segment(s, s + ", " + n + " purchases", buyer("c" + n, n)));
      }
    }
    golden("office-supplies-buyers", sb::toString);
  }

  @Test
  void lapsedMidMarketAndImpossible() {
    golden(
        "lapsed-mid-market-impossible",
        () ->
            segment("lapsed", "seen 10 days ago", customer("c1", "lastSeen", daysAgo(10)))
                + segment("lapsed", "never seen", customer("c2", ImmutableMap.of()))
                + segment(
                    "mid-market",
                    "small retailer",
                    customer("c3", Map.of("employees", 12L, "industry", "retail")))
                + segment("impossible", "anyone", customer("c4", ImmutableMap.of())));
  }

  @Test
  void scoreAndTiers() {
    Customer lead =
        customer("c1", Map.of("active", true, "country", "FI", "age", 40L, "balance", 5000.0));
    Customer smallLead = customer("c2", Map.of("employees", 3L, "active", false));
    SchemaCustomer spender = ScoresTiersRfmTest.spender("c3", 3, 100, 20, 200, 40, 3000, 400, 1);
    golden(
        "score-and-tiers",
        () ->
            section("engagement of a capped lead", COMPILED.explainScore("engagement", lead, CTX))
                + section(
                    "engagement of a tiny company",
                    COMPILED.explainScore("engagement", smallLead, CTX))
                + section("value tier", COMPILED.explainTier("value", spender, CTX))
                + section("size tier, unknown size", COMPILED.explainTier("size", lead, CTX))
                + section("rfm", COMPILED.explainTier("rfm", spender, CTX))
                + section("rfm without events", COMPILED.explainTier("rfm", lead, CTX)));
  }
}
