package dev.segmentation.benchmarks;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;

/**
 * The single-segment rules of the batch benchmark, each written once as a core {@link Condition}
 * and translated for every contender (the hand-written contenders implement the same rules by hand;
 * a unit test proves they all count the same customers).
 */
public enum Rule {
  /** {@code age >= 30 and country in (FI, SE, NO)}. */
  R1,
  /** {@code R1 and (spend90d > 500 or tags contains vip) and emailOptIn}. */
  R2,
  /**
   * Twelve leaves: two numeric ranges, a 40-value in-list, a NOT of an equality, a date within the
   * last 365 days, an OR holding a string prefix, a comparison and a nested OR of an AND and a tag
   * test, a NOT of a tag test and a timestamp within the last 180 days.
   */
  R3,
  /** Behavioral: at least 3 purchases in the last 90 days. */
  B1;

  /** The 40 cities of R3's in-list (the generator knows 48). */
  static final ImmutableSet<String> R3_CITIES =
      ImmutableSet.of(
          "Helsinki",
          "Espoo",
          "Tampere",
          "Turku",
          "Oulu",
          "Stockholm",
          "Gothenburg",
          "Malmö",
          "Uppsala",
          "Berlin",
          "Munich",
          "Hamburg",
          "Frankfurt",
          "Oslo",
          "Bergen",
          "Trondheim",
          "Copenhagen",
          "Aarhus",
          "London",
          "Manchester",
          "Edinburgh",
          "New York",
          "San Francisco",
          "Chicago",
          "Seattle",
          "Paris",
          "Lyon",
          "Toulouse",
          "Amsterdam",
          "Rotterdam",
          "Tallinn",
          "Tartu",
          "Madrid",
          "Barcelona",
          "Milan",
          "Rome",
          "Warsaw",
          "Kraków",
          "Toronto",
          "Vancouver");

  /** The rule as a core condition. */
  public Condition condition() {
    switch (this) {
      case R1:
        return And.of(new Compare("age", Operator.GE, 30L), In.of("country", "FI", "SE", "NO"));
      case R2:
        return And.of(
            R1.condition(),
            Or.of(
                new Compare("spend90d", Operator.GT, 500.0),
                new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip"))),
            new Compare("emailOptIn", Operator.EQ, true));
      case R3:
        return And.of(
            new Between("income", 15_000.0, 200_000.0),
            new Between("age", 21L, 70L),
            In.of("city", R3_CITIES),
            new Not(new Compare("device", Operator.EQ, "desktop")),
            new RelativeTime("signupDate", RelativeTime.Op.WITHIN_LAST, 365, WindowUnit.DAYS),
            Or.of(
                new StringMatch("industry", StringMatch.Op.STARTS_WITH, "re", false),
                new Compare("spend90d", Operator.GE, 100.0),
                Or.of(
                    And.of(
                        new Compare("orders90d", Operator.GE, 2L),
                        new Compare("emailOptIn", Operator.EQ, true)),
                    new TagMatch(
                        "tags",
                        TagMatch.Op.CONTAINS_ANY,
                        ImmutableSet.of("premium", "loyalty-member")))),
            new Not(
                new TagMatch(
                    "tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("churn-risk", "dormant"))),
            new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 180, WindowUnit.DAYS));
      case B1:
        return new EventCondition(
            "purchase",
            new Always(),
            EventWindow.last(90, WindowUnit.DAYS),
            Aggregate.COUNT,
            null,
            Operator.GE,
            3L);
    }
    throw new AssertionError(this);
  }
}
