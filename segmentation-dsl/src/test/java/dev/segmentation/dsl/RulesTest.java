package dev.segmentation.dsl;

import static dev.segmentation.condition.CalendarPeriod.THIS_MONTH;
import static dev.segmentation.condition.WindowUnit.DAYS;
import static dev.segmentation.condition.WindowUnit.YEARS;
import static dev.segmentation.dsl.Rules.allOf;
import static dev.segmentation.dsl.Rules.anyOf;
import static dev.segmentation.dsl.Rules.attribute;
import static dev.segmentation.dsl.Rules.bool;
import static dev.segmentation.dsl.Rules.date;
import static dev.segmentation.dsl.Rules.events;
import static dev.segmentation.dsl.Rules.geoPoint;
import static dev.segmentation.dsl.Rules.inSegment;
import static dev.segmentation.dsl.Rules.inTier;
import static dev.segmentation.dsl.Rules.integer;
import static dev.segmentation.dsl.Rules.not;
import static dev.segmentation.dsl.Rules.number;
import static dev.segmentation.dsl.Rules.point;
import static dev.segmentation.dsl.Rules.score;
import static dev.segmentation.dsl.Rules.scoreModel;
import static dev.segmentation.dsl.Rules.segment;
import static dev.segmentation.dsl.Rules.string;
import static dev.segmentation.dsl.Rules.tags;
import static dev.segmentation.dsl.Rules.tiering;
import static dev.segmentation.dsl.Rules.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.GeoWithin;
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
import dev.segmentation.model.GeoPoint;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The fluent builder yields exactly the core records a reader of the code would expect. */
class RulesTest {
  static final StringField COUNTRY = string("country");
  static final StringField EMAIL = string("email");
  static final IntegerField AGE = integer("age");
  static final IntegerField ORDERS_90D = integer("orders90d");
  static final NumberField SPEND = number("spend90d");
  static final BooleanField OPT_IN = bool("emailOptIn");
  static final DateField SIGNUP = date("signupDate");
  static final TimestampField LAST_SEEN = timestamp("lastSeen");
  static final TagsField TAGS = tags("tags");
  static final GeoField LOCATION = geoPoint("location");

  @Test
  void segment_readsLikeTheDomain_andBuildsTheRecords() {
    Segment s =
        segment("nordic-repeat-buyers")
            .describedAs("Nordic customers with three or more orders in 90 days")
            .where(COUNTRY.in("FI", "SE", "NO").and(ORDERS_90D.ge(3)));
    assertThat(s)
        .isEqualTo(
            new Segment(
                "nordic-repeat-buyers",
                "Nordic customers with three or more orders in 90 days",
                And.of(
                    In.of("country", "FI", "SE", "NO"),
                    new Compare("orders90d", Operator.GE, 3L))));
  }

  @Test
  void comparisons_everyOperator() {
    assertThat(AGE.eq(30)).isEqualTo(new Compare("age", Operator.EQ, 30L));
    assertThat(AGE.ne(30)).isEqualTo(new Compare("age", Operator.NE, 30L));
    assertThat(AGE.lt(30)).isEqualTo(new Compare("age", Operator.LT, 30L));
    assertThat(AGE.le(30)).isEqualTo(new Compare("age", Operator.LE, 30L));
    assertThat(SPEND.gt(2.5)).isEqualTo(new Compare("spend90d", Operator.GT, 2.5));
    assertThat(SPEND.ge(500)).isEqualTo(new Compare("spend90d", Operator.GE, 500L));
    assertThat(AGE.between(18, 29)).isEqualTo(new Between("age", 18L, 29L));
    assertThat(COUNTRY.notIn("FI")).isEqualTo(new Not(In.of("country", "FI")));
    assertThat(OPT_IN.eq(true)).isEqualTo(new Compare("emailOptIn", Operator.EQ, true));
    assertThat(SIGNUP.ge(LocalDate.of(2024, 1, 1)))
        .isEqualTo(new Compare("signupDate", Operator.GE, LocalDate.of(2024, 1, 1)));
    assertThat(AGE.isMissing()).isEqualTo(Presence.isMissing("age"));
    assertThat(AGE.isPresent()).isEqualTo(Presence.isPresent("age"));
  }

  @Test
  void strings_tags_time_geo() {
    assertThat(EMAIL.endsWith("@acme.com"))
        .isEqualTo(new StringMatch("email", StringMatch.Op.ENDS_WITH, "@acme.com", false));
    assertThat(EMAIL.ignoringCase().matches("^ann"))
        .isEqualTo(new StringMatch("email", StringMatch.Op.MATCHES, "^ann", true));
    assertThat(TAGS.containsAny("vip", "b2b"))
        .isEqualTo(new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip", "b2b")));
    assertThat(TAGS.containsNone("churned"))
        .isEqualTo(new TagMatch("tags", TagMatch.Op.CONTAINS_NONE, ImmutableSet.of("churned")));
    assertThat(TAGS.isEmpty()).isEqualTo(new TagCount("tags", Operator.EQ, 0));
    assertThat(TAGS.size().ge(3)).isEqualTo(new TagCount("tags", Operator.GE, 3));
    assertThat(LAST_SEEN.withinLast(30, DAYS))
        .isEqualTo(new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 30, DAYS));
    assertThat(SIGNUP.in(THIS_MONTH)).isEqualTo(new CalendarWindow("signupDate", THIS_MONTH));
    assertThat(SIGNUP.anniversary(Anniversary.Period.MONTH))
        .isEqualTo(new Anniversary("signupDate", Anniversary.Period.MONTH));
    assertThat(LOCATION.withinKm(point(60.17, 24.94), 25))
        .isEqualTo(new GeoWithin("location", new GeoPoint(60.17, 24.94), 25));
  }

  @Test
  void events_theIssuesExamples_eachOneCondition() {
    assertThat(events("purchase").inLast(90, DAYS).count().ge(3))
        .isEqualTo(
            new EventCondition(
                "purchase",
                new Always(),
                EventWindow.last(90, DAYS),
                Aggregate.COUNT,
                null,
                Operator.GE,
                3L));
    assertThat(events("purchase").inLast(1, YEARS).sum("amount").gt(1000))
        .isEqualTo(
            new EventCondition(
                "purchase",
                new Always(),
                EventWindow.last(1, YEARS),
                Aggregate.SUM,
                "amount",
                Operator.GT,
                1000L));
    Condition pricing =
        events("page_view")
            .where(string("path").startsWith("/pricing"))
            .in(THIS_MONTH)
            .count()
            .ge(2);
    assertThat(((EventCondition) pricing).where())
        .isEqualTo(new StringMatch("path", StringMatch.Op.STARTS_WITH, "/pricing", false));
    assertThat(events("purchase").daysSinceFirst().lt(30))
        .isEqualTo(
            new EventCondition(
                "purchase",
                new Always(),
                EventWindow.ever(),
                Aggregate.DAYS_SINCE_FIRST,
                null,
                Operator.LT,
                30L));
    assertThat(
            events("purchase")
                .between(
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))
                .avg("amount")
                .le(10))
        .extracting(c -> ((EventCondition) c).window())
        .isEqualTo(
            EventWindow.between(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
  }

  @Test
  void logic_scores_tiers_references() {
    Condition a = AGE.ge(18);
    Condition b = COUNTRY.eq("FI");
    assertThat(allOf(a, b)).isEqualTo(And.of(a, b));
    assertThat(anyOf(a, b)).isEqualTo(Or.of(a, b));
    assertThat(not(a)).isEqualTo(new Not(a));
    assertThat(inSegment("vip")).isEqualTo(new InSegment("vip"));
    assertThat(inTier("value", "gold")).isEqualTo(new InTier("value", "gold"));
    assertThat(score("engagement").ge(50))
        .isEqualTo(new ScoreCondition("engagement", Operator.GE, 50L));

    ScoreModel model =
        scoreModel("engagement")
            .rule(a, 10, "email")
            .rule(b, -5)
            .groupCap("email", 15)
            .cap(100)
            .build();
    assertThat(model)
        .isEqualTo(
            new ScoreModel(
                "engagement",
                "",
                ImmutableList.of(new ScoreRule(a, 10, "email"), new ScoreRule(b, -5, null)),
                ImmutableMap.of("email", 15.0),
                100.0));
    Tiering value = tiering("value").tier("gold", a).tier("silver", b).otherwise("bronze");
    assertThat(value)
        .isEqualTo(
            new Tiering(
                "value",
                "",
                ImmutableList.of(new Tier("gold", a), new Tier("silver", b)),
                "bronze"));
  }

  @Test
  void steps_areImmutable_reusingAStepDoesNotLeak() {
    ScoreModelBuilder base = scoreModel("s").rule(AGE.ge(18), 1);
    ScoreModel one = base.rule(COUNTRY.eq("FI"), 2).build();
    ScoreModel other = base.build();
    assertThat(one.rules()).hasSize(2);
    assertThat(other.rules()).hasSize(1);
    EventQuery purchases = events("purchase");
    purchases.inLast(30, DAYS);
    assertThat(((EventCondition) purchases.count().ge(1)).window()).isEqualTo(EventWindow.ever());
  }

  @Test
  void attributeByName_forRunTimeRules() {
    assertThat(attribute("age").ge(30)).isEqualTo(new Compare("age", Operator.GE, 30L));
    assertThat(attribute("email").asString().ignoringCase().contains("acme"))
        .isEqualTo(new StringMatch("email", StringMatch.Op.CONTAINS, "acme", true));
    assertThat(attribute("tags").asTags().containsAll("a"))
        .isEqualTo(new TagMatch("tags", TagMatch.Op.CONTAINS_ALL, ImmutableSet.of("a")));
    assertThat(attribute("age").attribute()).isNull();
  }

  @Test
  void badArguments_clearErrors() {
    assertThatThrownBy(() -> AGE.eq(null)).hasMessage("value must not be null");
    assertThatThrownBy(() -> SPEND.gt(Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> TAGS.size().ge(2.5)).hasMessageContaining("whole number");
    assertThatThrownBy(() -> string("1bad")).hasMessageContaining("malformed");
  }
}
