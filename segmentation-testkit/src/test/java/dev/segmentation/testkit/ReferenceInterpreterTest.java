package dev.segmentation.testkit;

import static dev.segmentation.condition.Truth.FALSE;
import static dev.segmentation.condition.Truth.TRUE;
import static dev.segmentation.condition.Truth.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reference interpreter against the README's semantics table and docs/behavioral.md, case by
 * case, with expectations written from the documents (not from an engine).
 */
class ReferenceInterpreterTest {
  private static final Instant AS_OF = RandomCatalogs.AS_OF; // Sunday 2026-11-22 12:00 UTC
  private static final EvaluationContext CTX = RandomCatalogs.CTX;
  private static final Condition SPEND_30D =
      new EventCondition(
          "purchase",
          null,
          EventWindow.last(30, WindowUnit.DAYS),
          Aggregate.SUM,
          "amount",
          Operator.LE,
          300L);

  private static SchemaCustomer.Builder customer() {
    return Customer.builder(RandomCatalogs.SCHEMA, "c");
  }

  private static Truth eval(Condition c, Customer customer) {
    return ReferenceInterpreter.of(Catalog.of(), RandomCatalogs.SCHEMA).condition(c, customer, CTX);
  }

  private static Truth eval(Condition c, SchemaCustomer.Builder customer) {
    return eval(c, customer.build());
  }

  @Test
  void missingValue_leafAndItsNotAreUnknown_presenceIsNever() {
    Condition age30 = new Compare("age", Operator.EQ, 30L);
    assertThat(eval(age30, customer())).isEqualTo(UNKNOWN);
    assertThat(eval(new Not(age30), customer())).isEqualTo(UNKNOWN);
    assertThat(eval(Presence.isMissing("age"), customer())).isEqualTo(TRUE);
    assertThat(eval(Presence.isPresent("age"), customer())).isEqualTo(FALSE);
    assertThat(eval(new Not(age30), customer().set("age", 31L))).isEqualTo(TRUE);
  }

  @Test
  void andOr_followKleene() {
    SchemaCustomer noAge = customer().set("country", "FI").build();
    Condition unknown = new Compare("age", Operator.GE, 18L);
    Condition yes = new Compare("country", Operator.EQ, "FI");
    Condition no = new Compare("country", Operator.EQ, "SE");
    assertThat(eval(And.of(no, unknown), noAge)).isEqualTo(FALSE);
    assertThat(eval(And.of(yes, unknown), noAge)).isEqualTo(UNKNOWN);
    assertThat(eval(And.of(yes, yes), noAge)).isEqualTo(TRUE);
    assertThat(eval(Or.of(yes, unknown), noAge)).isEqualTo(TRUE);
    assertThat(eval(Or.of(no, unknown), noAge)).isEqualTo(UNKNOWN);
    assertThat(eval(Or.of(no, no), noAge)).isEqualTo(FALSE);
  }

  @Test
  void numbers_compareByExactValue_acrossIntegerAndDecimal() {
    long big = (1L << 53) + 1; // a double holds 2^53, not 2^53 + 1
    assertThat(eval(new Compare("age", Operator.EQ, 3.0), customer().set("age", 3L)))
        .isEqualTo(TRUE);
    assertThat(eval(new Compare("age", Operator.GT, 0x1p53), customer().set("age", big)))
        .isEqualTo(TRUE);
    assertThat(eval(new Compare("age", Operator.LT, 30.5), customer().set("age", 30L)))
        .isEqualTo(TRUE);
    assertThat(eval(In.of("balance", 3L), customer().set("balance", 3.0))).isEqualTo(TRUE);
    assertThat(eval(In.of("age", 3.5), customer().set("age", 3L))).isEqualTo(FALSE);
    assertThat(eval(new Compare("balance", Operator.EQ, 0.0), customer().set("balance", -0.0)))
        .isEqualTo(TRUE);
  }

  @Test
  void strings_compareByCodePoint_caseFoldingOnlyWhenAsked_regexFindsAnywhere() {
    // UTF-16 order puts the emoji (a surrogate pair) before U+FFFF; code points after it.
    assertThat(
            eval(
                new Compare("country", Operator.LT, "\uD83D\uDE00"),
                customer().set("country", "\uFFFF")))
        .isEqualTo(TRUE);
    SchemaCustomer bob = customer().set("email", "Bob@ACME.com").build();
    assertThat(eval(new StringMatch("email", StringMatch.Op.ENDS_WITH, "@acme.COM", true), bob))
        .isEqualTo(TRUE);
    assertThat(eval(new StringMatch("email", StringMatch.Op.ENDS_WITH, "@acme.COM", false), bob))
        .isEqualTo(FALSE);
    assertThat(eval(new StringMatch("email", StringMatch.Op.MATCHES, "ACME", false), bob))
        .isEqualTo(TRUE);
    assertThat(eval(new StringMatch("email", StringMatch.Op.MATCHES, "^ACME", false), bob))
        .isEqualTo(FALSE);
    assertThat(eval(new StringMatch("email", StringMatch.Op.MATCHES, "^bob@", true), bob))
        .isEqualTo(TRUE);
  }

  @Test
  void tags_emptySetIsAValue_missingIsUnknown() {
    SchemaCustomer empty = customer().set("tags", ImmutableSet.of()).build();
    Condition vip = new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip"));
    assertThat(eval(vip, empty)).isEqualTo(FALSE);
    assertThat(eval(new TagCount("tags", Operator.EQ, 0), empty)).isEqualTo(TRUE);
    assertThat(eval(vip, customer())).isEqualTo(UNKNOWN);
    SchemaCustomer both = customer().set("tags", ImmutableSet.of("vip", "b2b")).build();
    assertThat(
            eval(
                new TagMatch("tags", TagMatch.Op.CONTAINS_ALL, ImmutableSet.of("vip", "b2b")),
                both))
        .isEqualTo(TRUE);
    assertThat(
            eval(
                new TagMatch("tags", TagMatch.Op.CONTAINS_NONE, ImmutableSet.of("new", "b2b")),
                both))
        .isEqualTo(FALSE);
  }

  @Test
  void withinLast_isAsOfMinusNExclusive_toAsOfInclusive() {
    Condition within =
        new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 30, WindowUnit.DAYS);
    Condition ago =
        new RelativeTime("lastSeen", RelativeTime.Op.MORE_THAN_AGO, 30, WindowUnit.DAYS);
    Instant boundary = AS_OF.minus(Duration.ofDays(30));
    assertThat(eval(within, customer().set("lastSeen", boundary))).isEqualTo(FALSE);
    assertThat(eval(ago, customer().set("lastSeen", boundary))).isEqualTo(TRUE);
    assertThat(eval(within, customer().set("lastSeen", boundary.plusNanos(1)))).isEqualTo(TRUE);
    assertThat(eval(within, customer().set("lastSeen", AS_OF))).isEqualTo(TRUE);
    assertThat(eval(within, customer().set("lastSeen", AS_OF.plusNanos(1)))).isEqualTo(FALSE);
    assertThat(eval(ago, customer().set("lastSeen", AS_OF.plusNanos(1)))).isEqualTo(FALSE);
  }

  @Test
  void anniversary_february29CountsAsThe28thInAYearWithoutOne() {
    Condition today = new Anniversary("birthday", Anniversary.Period.DAY);
    SchemaCustomer leapling = customer().set("birthday", LocalDate.of(2000, 2, 29)).build();
    ReferenceInterpreter reference = ReferenceInterpreter.of(Catalog.of(), RandomCatalogs.SCHEMA);
    assertThat(
            reference.condition(
                today, leapling, EvaluationContext.at(Instant.parse("2026-02-28T10:00:00Z"))))
        .isEqualTo(TRUE);
    assertThat(
            reference.condition(
                today, leapling, EvaluationContext.at(Instant.parse("2028-02-28T10:00:00Z"))))
        .isEqualTo(FALSE);
  }

  @Test
  void events_emptyWindowCountAndSumAreZero_avgIsUnknown_futureEventsUnseen() {
    Condition count = event(Aggregate.COUNT, null, Operator.EQ, 0L);
    Condition avg = event(Aggregate.AVG, "amount", Operator.GE, 0L);
    SchemaCustomer none = customer().build();
    assertThat(eval(count, none)).isEqualTo(TRUE);
    assertThat(eval(SPEND_30D, none)).isEqualTo(TRUE);
    assertThat(eval(avg, none)).isEqualTo(UNKNOWN);
    assertThat(eval(new Not(avg), none)).isEqualTo(UNKNOWN);
    SchemaCustomer future =
        customer().event("purchase", AS_OF.plusSeconds(1), Map.of("amount", 5.0)).build();
    assertThat(eval(count, future)).isEqualTo(TRUE);
  }

  @Test
  void sum_isExactAndRoundedOnce_inEveryOrder() {
    double[] amounts = {98.66, 173.68, 27.66}; // left to right: 300.00000000000006
    int[][] orders = {{0, 1, 2}, {2, 0, 1}, {1, 2, 0}};
    Condition exactly300 = event(Aggregate.SUM, "amount", Operator.EQ, 300L);
    for (int[] order : orders) {
      SchemaCustomer.Builder b = customer();
      for (int k = 0; k < 3; k++) {
        b.event("purchase", AS_OF.minusSeconds(60L * (k + 1)), Map.of("amount", amounts[order[k]]));
      }
      SchemaCustomer c = b.build();
      assertThat(eval(SPEND_30D, c)).isEqualTo(TRUE);
      assertThat(eval(exactly300, c)).isEqualTo(TRUE);
    }
  }

  @Test
  void scores_groupCapsAndTotalCap_unknownRulesGiveNothing() {
    Condition adult = new Compare("age", Operator.GE, 18L);
    Condition fi = new Compare("country", Operator.EQ, "FI");
    ScoreModel engagement =
        new ScoreModel(
            "engagement",
            "",
            ImmutableList.of(
                new ScoreRule(adult, 10, "g"),
                new ScoreRule(fi, 15, "g"),
                new ScoreRule(fi, -5, null),
                ScoreRule.of(new Compare("balance", Operator.GT, 0L), 100)),
            ImmutableMap.of("g", 20.0),
            null);
    Catalog catalog =
        new Catalog(
            ImmutableList.of(
                Segment.of("engaged", new ScoreCondition("engagement", Operator.GE, 15L))),
            ImmutableList.of(engagement),
            null,
            null);
    ReferenceInterpreter reference = ReferenceInterpreter.of(catalog, RandomCatalogs.SCHEMA);
    SchemaCustomer both = customer().set("age", 40L).set("country", "FI").build();
    assertThat(reference.score("engagement", both, CTX)).isEqualTo(15.0); // min(25, 20) - 5
    assertThat(reference.segment("engaged", both, CTX)).isEqualTo(TRUE);
    SchemaCustomer nothing = customer().build(); // every rule UNKNOWN: 0, never UNKNOWN
    assertThat(reference.score("engagement", nothing, CTX)).isEqualTo(0.0);
    assertThat(reference.segment("engaged", nothing, CTX)).isEqualTo(FALSE);
  }

  @Test
  void tiers_firstTrueTierWins_unknownTakesNoOne_rfmWithoutEventsIsUnknown() {
    Tiering value =
        new Tiering(
            "value",
            "",
            ImmutableList.of(
                new Tier("gold", new Compare("balance", Operator.GE, 100L)),
                new Tier("silver", new Compare("age", Operator.GE, 18L))),
            "bronze");
    RfmModel rfm =
        new RfmModel(
            "rfm",
            "",
            "purchase",
            "amount",
            EventWindow.ever(),
            ImmutableList.of(7.0, 30.0, 90.0, 365.0),
            ImmutableList.of(1.0, 2.0, 3.0, 5.0),
            ImmutableList.of(0.0, 10.0, 100.0, 1000.0));
    Catalog catalog =
        new Catalog(
            ImmutableList.of(
                Segment.of("champions", new InTier("rfm", "champions")),
                Segment.of("not-gold", new Not(new InTier("value", "gold"))),
                Segment.of("champion-ref", new InSegment("champions"))),
            null,
            ImmutableList.of(value),
            ImmutableList.of(rfm));
    ReferenceInterpreter reference = ReferenceInterpreter.of(catalog, RandomCatalogs.SCHEMA);
    SchemaCustomer noBalance = customer().set("age", 40L).build();
    assertThat(reference.tier("value", noBalance, CTX)).isEqualTo("silver");
    assertThat(reference.tier("value", customer().build(), CTX)).isEqualTo("bronze");
    assertThat(reference.segment("not-gold", noBalance, CTX)).isEqualTo(TRUE);
    assertThat(reference.tier("rfm", noBalance, CTX)).isNull();
    assertThat(reference.segment("champions", noBalance, CTX)).isEqualTo(UNKNOWN);
    assertThat(reference.segment("champion-ref", noBalance, CTX)).isEqualTo(UNKNOWN);

    // R: 1 day since the last (<= 7: 5); F: 6 events (> 5: 5); M: 6 x 500 = 3000 (> 1000: 5).
    SchemaCustomer.Builder loyal = customer();
    for (int k = 1; k <= 6; k++) {
      loyal.event("purchase", AS_OF.minus(Duration.ofDays(k)), Map.of("amount", 500.0));
    }
    assertThat(reference.tier("rfm", loyal.build(), CTX)).isEqualTo("champions");
    // One purchase 400 days ago of 5: R 1, F 1, M 2, FM 2: lost.
    SchemaCustomer lost =
        customer()
            .event("purchase", AS_OF.minus(Duration.ofDays(400)), Map.of("amount", 5.0))
            .build();
    assertThat(reference.tier("rfm", lost, CTX)).isEqualTo("lost");
  }

  @Test
  void unknownNames_areClearErrors() {
    ReferenceInterpreter reference = ReferenceInterpreter.of(Catalog.of(), RandomCatalogs.SCHEMA);
    SchemaCustomer c = customer().build();
    assertThatThrownBy(() -> reference.segment("nope", c, CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no segment \"nope\"");
    assertThatThrownBy(() -> reference.score("nope", c, CTX)).hasMessageContaining("no score");
    assertThatThrownBy(() -> reference.tier("nope", c, CTX)).hasMessageContaining("no tiering");
    assertThatThrownBy(() -> ReferenceInterpreter.of(null, RandomCatalogs.SCHEMA))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomCases_giveEveryTruthValue_soTheOracleIsNotDegenerate() {
    Set<Truth> seen = EnumSet.noneOf(Truth.class);
    for (long seed = 1; seed <= 20; seed++) {
      RandomSchemas random = new RandomSchemas(seed);
      Catalog catalog = random.catalog(6);
      ReferenceInterpreter reference = ReferenceInterpreter.of(catalog, random.schema());
      for (SchemaCustomer c : random.customers(40)) {
        for (Segment s : catalog.segments()) {
          seen.add(reference.segment(s.name(), c, random.context()));
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(Truth.values());
  }

  private static Condition event(Aggregate aggregate, String property, Operator op, long value) {
    return new EventCondition(
        "purchase", null, EventWindow.last(30, WindowUnit.DAYS), aggregate, property, op, value);
  }
}
