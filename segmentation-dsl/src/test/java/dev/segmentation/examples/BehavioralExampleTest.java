package dev.segmentation.examples;

import static dev.segmentation.condition.WindowUnit.DAYS;
import static dev.segmentation.condition.WindowUnit.YEARS;
import static dev.segmentation.dsl.Rules.allOf;
import static dev.segmentation.dsl.Rules.bool;
import static dev.segmentation.dsl.Rules.events;
import static dev.segmentation.dsl.Rules.inSegment;
import static dev.segmentation.dsl.Rules.inTier;
import static dev.segmentation.dsl.Rules.scoreModel;
import static dev.segmentation.dsl.Rules.segment;
import static dev.segmentation.dsl.Rules.string;
import static dev.segmentation.dsl.Rules.tiering;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.dsl.BooleanField;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RfmFit;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.Tiering;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Worked example: an office-supplies shop splits its buyers into loyal, occasional and one-time
 * buyers, with a reorder score and RFM (examples/behavioral). The Java catalog below is the same as
 * the JSON one, and the RFM cut points in the JSON are the ones {@link RfmFit} fits on the data.
 */
class BehavioralExampleTest {
  static final BooleanField EMAIL_OPT_IN = bool("emailOptIn");
  static final Schema SCHEMA =
      Schema.builder()
          .attribute(EMAIL_OPT_IN.attribute())
          .eventType(
              EventType.of("purchase", Attribute.number("amount"), Attribute.string("category")))
          .eventType(EventType.of("email_open", Attribute.string("campaign")))
          .build();
  static final EvaluationContext CTX = EvaluationContext.at(Instant.parse("2026-11-01T00:00:00Z"));

  static Catalog javaCatalog(RfmModel rfm) {
    Tiering buyerType =
        tiering("buyer-type")
            .describedAs("Loyal, occasional and one-time buyers")
            .tier(
                "loyal",
                allOf(
                    events("purchase").inLast(365, DAYS).count().ge(6),
                    events("purchase").inLast(90, DAYS).count().ge(1)))
            .tier("occasional", events("purchase").inLast(365, DAYS).count().ge(2))
            .tier("one-time", events("purchase").count().eq(1))
            .otherwise("other");
    ScoreModel reorder =
        scoreModel("reorder-likelihood")
            .describedAs("How likely a customer orders again soon")
            .rule(events("email_open").inLast(30, DAYS).count().ge(1), 10, "engagement")
            .rule(EMAIL_OPT_IN.eq(true), 5, "engagement")
            .rule(events("purchase").inLast(60, DAYS).count().ge(1), 20)
            .rule(inTier("buyer-type", "loyal"), 25)
            .rule(events("purchase").inLast(180, DAYS).count().eq(0), -15)
            .groupCap("engagement", 12)
            .cap(50)
            .build();
    return new Catalog(
        ImmutableList.of(
            segment("loyal-buyers").where(inTier("buyer-type", "loyal")),
            segment("occasional-buyers").where(inTier("buyer-type", "occasional")),
            segment("one-time-buyers").where(inTier("buyer-type", "one-time")),
            segment("lapsed-buyers")
                .describedAs("Bought twice or more, but not in the last year")
                .where(
                    allOf(
                        events("purchase").count().ge(2),
                        events("purchase").inLast(365, DAYS).count().eq(0))),
            segment("newsletter-engaged")
                .where(events("email_open").inLast(30, DAYS).count().ge(1)),
            segment("paper-regulars")
                .describedAs("Spent over 300 on paper in the last year")
                .where(
                    events("purchase")
                        .where(string("category").eq("paper"))
                        .inLast(365, DAYS)
                        .sum("amount")
                        .gt(300)),
            segment("win-back").where(allOf(inSegment("lapsed-buyers"), EMAIL_OPT_IN.eq(true)))),
        ImmutableList.of(reorder),
        ImmutableList.of(buyerType),
        ImmutableList.of(rfm));
  }

  private static RfmModel fitted(List<SchemaCustomer> customers) {
    return RfmFit.fit(
        "rfm",
        "Cut points fitted on this data as of 2026-11-01 (RfmFit)",
        "purchase",
        "amount",
        EventWindow.last(2, YEARS),
        SCHEMA,
        customers,
        CTX);
  }

  @Test
  void javaAndJson_areTheSameRules_includingTheFittedRfmCuts() throws IOException {
    List<SchemaCustomer> customers = ExampleData.customers(SCHEMA, "behavioral/customers.jsonl");
    RulesDocument doc = RulesJson.read(ExampleData.example("behavioral/rules.json"));
    assertThat(doc.schema()).isEqualTo(SCHEMA);
    assertThat(doc.catalog()).isEqualTo(javaCatalog(fitted(customers)));
  }

  @Test
  void buyers_areLoyalOccasionalOrOneTime_asTheirPurchasesSay() throws IOException {
    List<SchemaCustomer> customers = ExampleData.customers(SCHEMA, "behavioral/customers.jsonl");
    CompiledCatalog compiled = RowEngine.compile(javaCatalog(fitted(customers)), SCHEMA);
    Map<String, SchemaCustomer> byId = new TreeMap<>();
    customers.forEach(c -> byId.put(c.id(), c));
    // c-01: 7 purchases in the last year, the latest 5 days ago.
    assertThat(compiled.tier("buyer-type", byId.get("c-01"), CTX)).isEqualTo("loyal");
    // c-04: 9 purchases in the year, the latest 60 days ago: still loyal.
    assertThat(compiled.tier("buyer-type", byId.get("c-04"), CTX)).isEqualTo("loyal");
    // c-07: 2 purchases in the year.
    assertThat(compiled.tier("buyer-type", byId.get("c-07"), CTX)).isEqualTo("occasional");
    // c-17 bought once, 3 days ago; c-22 once, 500 days ago: both one-time buyers.
    assertThat(compiled.tier("buyer-type", byId.get("c-17"), CTX)).isEqualTo("one-time");
    assertThat(compiled.tier("buyer-type", byId.get("c-22"), CTX)).isEqualTo("one-time");
    // c-25 bought four times, the latest 400 days ago: lapsed, and opted in, so win-back.
    assertThat(compiled.segmentsOf(byId.get("c-25"), CTX)).contains("lapsed-buyers", "win-back");
    assertThat(compiled.tier("buyer-type", byId.get("c-25"), CTX)).isEqualTo("other");
    // c-29 never bought: no RFM segment, and a score from engagement only (10 + 5, capped at 12,
    // minus 15 for no purchase in 180 days).
    assertThat(compiled.rfm("rfm", byId.get("c-29"), CTX)).isNull();
    assertThat(compiled.score("reorder-likelihood", byId.get("c-29"), CTX)).isEqualTo(-3.0);
    // c-01: opened the newsletter (10) and opted in (5) capped at 12, bought in 60 days (20),
    // loyal (25): 57, capped at 50.
    assertThat(compiled.score("reorder-likelihood", byId.get("c-01"), CTX)).isEqualTo(50.0);
    assertThat(compiled.explainScore("reorder-likelihood", byId.get("c-01"), CTX).toText())
        .contains("capped");
    // The tiers partition the customers.
    int loyal = 0;
    int occasional = 0;
    int oneTime = 0;
    int other = 0;
    for (SchemaCustomer c : customers) {
      switch (compiled.tier("buyer-type", c, CTX)) {
        case "loyal" -> loyal++;
        case "occasional" -> occasional++;
        case "one-time" -> oneTime++;
        default -> other++;
      }
    }
    assertThat(loyal + occasional + oneTime + other).isEqualTo(30);
    assertThat(loyal).isEqualTo(6);
    assertThat(oneTime).isEqualTo(8);
  }
}
