package dev.segmentation.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;

/**
 * The catalog of {@code examples/rules.json}, written in Java: a test proves the JSON file reads
 * back to exactly this catalog, so the two cannot drift apart.
 */
final class ExampleCatalog {
  private ExampleCatalog() {}

  private static Condition and(Condition... c) {
    return new And(ImmutableList.copyOf(c));
  }

  private static Condition or(Condition... c) {
    return new Or(ImmutableList.copyOf(c));
  }

  private static Condition in(String attribute, Object... values) {
    return new In(attribute, ImmutableSet.copyOf(values));
  }

  private static Condition tags(String attribute, TagMatch.Op op, String... values) {
    return new TagMatch(attribute, op, ImmutableSet.copyOf(values));
  }

  private static Condition purchases(EventWindow window, Operator op, long count) {
    return new EventCondition("purchase", null, window, Aggregate.COUNT, null, op, count);
  }

  private static Condition spend(EventWindow window, Operator op, double amount) {
    return new EventCondition("purchase", null, window, Aggregate.SUM, "amount", op, amount);
  }

  static Catalog catalog() {
    EventWindow ever = EventWindow.ever();
    EventWindow year = EventWindow.last(1, WindowUnit.YEARS);
    EventWindow days30 = EventWindow.last(30, WindowUnit.DAYS);
    ImmutableList<Segment> segments =
        ImmutableList.of(
            new Segment(
                "young-adults",
                "Demographic: customers aged 18 to 29.",
                new Between("age", 18L, 29L)),
            new Segment(
                "seniors",
                "Demographic: customers aged 60 or over.",
                new Compare("age", Operator.GE, 60L)),
            new Segment(
                "nordics",
                "Geographic: customers in Finland, Sweden, Norway or Denmark.",
                in("country", "FI", "SE", "NO", "DK")),
            new Segment(
                "near-helsinki",
                "Geographic: within 30 km of Helsinki's centre.",
                new GeoWithin("location", new GeoPoint(60.1699, 24.9384), 30)),
            new Segment(
                "small-hospitality",
                "Firmographic: restaurants and hotels with fewer than 50 employees.",
                and(
                    in("industry", "restaurant", "hotel"),
                    new Compare("employees", Operator.LT, 50L))),
            new Segment(
                "enterprise-accounts",
                "Firmographic: large companies by head count or revenue.",
                or(
                    in("companySize", "large", "enterprise"),
                    new Compare("revenue", Operator.GE, 10_000_000.0))),
            new Segment(
                "ecommerce-stack",
                "Technographic: businesses running an online-shop platform.",
                tags("techStack", TagMatch.Op.CONTAINS_ANY, "shopify", "woocommerce", "magento")),
            new Segment(
                "mobile-first",
                "Technographic: on a phone and tagged as app or mobile users.",
                and(
                    in("device", "ios", "android"),
                    tags("tags", TagMatch.Op.CONTAINS_ANY, "app-user", "mobile"))),
            new Segment(
                "repeat-buyers-90d",
                "Behavioral: at least 3 purchases in the last 90 days.",
                purchases(EventWindow.last(90, WindowUnit.DAYS), Operator.GE, 3)),
            new Segment(
                "one-time-buyers",
                "Behavioral: exactly one purchase ever.",
                purchases(ever, Operator.EQ, 1)),
            new Segment(
                "lapsed-buyers",
                "Behavioral: bought before, but not in the last 180 days.",
                and(
                    purchases(ever, Operator.GE, 1),
                    purchases(EventWindow.last(180, WindowUnit.DAYS), Operator.EQ, 0))),
            new Segment(
                "newsletter-readers",
                "Behavioral: opted in and opened a newsletter in the last 30 days.",
                and(
                    new Compare("emailOptIn", Operator.EQ, true),
                    new EventCondition(
                        "email_open",
                        new Compare("campaign", Operator.EQ, "newsletter"),
                        days30,
                        Aggregate.COUNT,
                        null,
                        Operator.GE,
                        1L))),
            new Segment(
                "pricing-visitors",
                "Behavioral: viewed a pricing page in the last 30 days.",
                new EventCondition(
                    "page_view",
                    new StringMatch("path", StringMatch.Op.STARTS_WITH, "/pricing", false),
                    days30,
                    Aggregate.COUNT,
                    null,
                    Operator.GE,
                    1L)),
            new Segment(
                "big-spenders",
                "Value: spent over 1,000 in the last year.",
                spend(year, Operator.GT, 1000.0)),
            new Segment(
                "new-customers",
                "Lifecycle: signed up in the last 30 days.",
                new RelativeTime("signupDate", RelativeTime.Op.WITHIN_LAST, 30, WindowUnit.DAYS)),
            new Segment(
                "signup-anniversary",
                "Lifecycle: signed up in this month of an earlier year.",
                and(
                    new Anniversary("signupDate", Anniversary.Period.MONTH),
                    new RelativeTime(
                        "signupDate", RelativeTime.Op.MORE_THAN_AGO, 11, WindowUnit.MONTHS))),
            new Segment(
                "vip-at-risk",
                "Value tier platinum or gold, not seen for 60 days.",
                and(
                    or(new InTier("value-tier", "platinum"), new InTier("value-tier", "gold")),
                    new RelativeTime(
                        "lastSeen", RelativeTime.Op.MORE_THAN_AGO, 60, WindowUnit.DAYS))),
            new Segment(
                "hot-leads",
                "Lead score of 50 or more, not yet a big spender.",
                and(
                    new ScoreCondition("lead-score", Operator.GE, 50L),
                    new dev.segmentation.condition.Not(new InSegment("big-spenders")))));
    ScoreModel lead =
        new ScoreModel(
            "lead-score",
            "B2B lead score: fit plus engagement, engagement capped at 40.",
            ImmutableList.of(
                new ScoreRule(tags("tags", TagMatch.Op.CONTAINS_ANY, "b2b"), 20, "fit"),
                new ScoreRule(new Compare("employees", Operator.GE, 50L), 25, "fit"),
                new ScoreRule(
                    tags("techStack", TagMatch.Op.CONTAINS_ANY, "hubspot", "salesforce"),
                    10,
                    "fit"),
                new ScoreRule(new InSegment("pricing-visitors"), 25, "engagement"),
                new ScoreRule(
                    new EventCondition(
                        "email_open", null, days30, Aggregate.COUNT, null, Operator.GE, 1L),
                    15,
                    "engagement"),
                new ScoreRule(
                    new RelativeTime(
                        "lastSeen", RelativeTime.Op.MORE_THAN_AGO, 180, WindowUnit.DAYS),
                    -30,
                    null)),
            ImmutableMap.of("engagement", 40.0),
            100.0);
    Tiering value =
        new Tiering(
            "value-tier",
            "Value tiers by spend in the last year.",
            ImmutableList.of(
                new Tier("platinum", spend(year, Operator.GE, 2000.0)),
                new Tier("gold", spend(year, Operator.GE, 500.0)),
                new Tier("silver", spend(year, Operator.GE, 100.0))),
            "bronze");
    Tiering accountSize =
        new Tiering(
            "account-size",
            "Exclusive company-size classes; consumers have no employee count.",
            ImmutableList.of(
                new Tier(
                    "large",
                    or(
                        new Compare("employees", Operator.GE, 250L),
                        new Compare("revenue", Operator.GE, 50_000_000.0))),
                new Tier("medium", new Compare("employees", Operator.GE, 50L)),
                new Tier("small", new Presence("employees", true))),
            "consumer");
    RfmModel rfm =
        new RfmModel(
            "purchase-rfm",
            "RFM over purchases in the last year.",
            "purchase",
            "amount",
            year,
            ImmutableList.of(14.0, 30.0, 90.0, 180.0),
            ImmutableList.of(1.0, 2.0, 4.0, 8.0),
            ImmutableList.of(50.0, 150.0, 400.0, 1000.0));
    return new Catalog(
        segments,
        ImmutableList.of(lead),
        ImmutableList.of(value, accountSize),
        ImmutableList.of(rfm));
  }
}
