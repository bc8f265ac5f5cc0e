package dev.segmentation.check;

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
import dev.segmentation.condition.CalendarPeriod;
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
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import dev.segmentation.testkit.RandomCatalogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every kind of issue, each at its path, all of a catalog together; messages are a golden file
 * (regenerate with {@code -Dgolden.update=true} and review the diff).
 */
class CheckerTest {
  private static final Schema SCHEMA = RandomCatalogs.SCHEMA;
  private static final Path GOLDEN = Path.of("src/test/resources/golden/check/issues.txt");

  private static List<String> issues(Condition c) {
    return Checker.standard().check(c, SCHEMA).issues().stream().map(Issue::toString).toList();
  }

  private static Segment seg(String name, Condition c) {
    return Segment.of(name, c);
  }

  /** A catalog with one mistake of every kind, in one place each. */
  static Catalog badCatalog() {
    EventCondition badEvent =
        new EventCondition(
            "purchase",
            And.of(
                new Compare("amout", Operator.GT, 10L),
                new InSegment("vip"),
                new EventCondition(
                    "purchase", null, EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 1L)),
            EventWindow.last(90, WindowUnit.DAYS),
            Aggregate.SUM,
            "category",
            Operator.GT,
            100L);
    List<Segment> segments =
        List.of(
            seg("typo", new Compare("agee", Operator.GE, 30L)),
            seg("wrong-type", And.of(new Always(), new Compare("age", Operator.GE, "thirty"))),
            seg("starts-on-number", new StringMatch("age", StringMatch.Op.STARTS_WITH, "3", false)),
            seg("order-on-boolean", new Compare("active", Operator.LT, true)),
            seg(
                "bad-pattern",
                new StringMatch("email", StringMatch.Op.MATCHES, "(unclosed", false)),
            seg(
                "tags-on-string",
                new TagMatch("country", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("x"))),
            seg("count-on-number", new TagCount("balance", Operator.GE, 1)),
            seg(
                "hours-on-date",
                new RelativeTime("birthday", RelativeTime.Op.WITHIN_LAST, 3, WindowUnit.HOURS)),
            seg("calendar-on-string", new CalendarWindow("country", CalendarPeriod.THIS_MONTH)),
            seg("anniversary-on-number", new Anniversary("age", Anniversary.Period.DAY)),
            seg("geo-on-string", new GeoWithin("email", new GeoPoint(1, 2), 5)),
            seg(
                "in-wrong-types",
                In.of("birthday", LocalDate.of(2020, 1, 1), "2020-01-02", Instant.EPOCH)),
            seg("between-backwards", new Between("age", 60L, 18L)),
            seg(
                "unknown-refs",
                Or.of(
                    new InSegment("vp"),
                    new ScoreCondition("engagment", Operator.GE, 5L),
                    new InTier("valu", "gold"))),
            seg("unknown-tier", And.of(new InTier("value", "gld"), new InTier("rfm", "champs"))),
            seg("event-problems", badEvent),
            seg(
                "unknown-event",
                new EventCondition(
                    "purchse", null, EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 1L)),
            seg(
                "contradiction",
                And.of(new Compare("age", Operator.GT, 50L), new Compare("age", Operator.LT, 30L))),
            seg("cycle-a", new InSegment("cycle-b")),
            seg("cycle-b", new Not(new InSegment("cycle-a"))),
            seg("vip", new Presence("age", true)));
    ScoreModel score =
        new ScoreModel(
            "engagement",
            "",
            ImmutableList.of(new ScoreRule(new InSegment("through-score"), 5, null)),
            ImmutableMap.of("email", 10.0),
            null);
    Tiering value =
        new Tiering(
            "value",
            "",
            ImmutableList.of(new Tier("gold", new Compare("balance", Operator.GE, 100L))),
            "bronze");
    RfmModel rfm =
        new RfmModel(
            "rfm",
            "",
            "purchase",
            "category",
            EventWindow.ever(),
            ImmutableList.of(1.0, 2.0, 3.0, 4.0),
            ImmutableList.of(1.0, 2.0, 3.0, 4.0),
            ImmutableList.of(1.0, 2.0, 3.0, 4.0));
    List<Segment> all = new ArrayList<>(segments);
    all.add(seg("through-score", new ScoreCondition("engagement", Operator.GE, 1L)));
    return new Catalog(
        ImmutableList.copyOf(all),
        ImmutableList.of(score),
        ImmutableList.of(value),
        ImmutableList.of(rfm));
  }

  @Test
  void badCatalog_everyIssueTogether_matchesGolden() throws IOException {
    CheckResult result = Checker.standard().check(badCatalog(), SCHEMA);
    String actual =
        result.issues().stream().map(Issue::toString).collect(Collectors.joining("\n")) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    assertThat(result.isOk()).isFalse();
    assertThatThrownBy(result::throwIfErrors)
        .isInstanceOf(CheckException.class)
        .satisfies(e -> assertThat(((CheckException) e).issues()).isEqualTo(result.issues()));
  }

  @Test
  void validRandomCatalogs_haveNoErrors() {
    for (long seed = 1; seed <= 200; seed++) {
      Catalog c = new RandomCatalogs(seed).catalog(6);
      assertThat(Checker.standard().check(c, SCHEMA).errors()).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void wrongLiteral_pathPointsAtTheValue() {
    assertThat(issues(And.of(new Always(), new Compare("age", Operator.GE, "thirty"))))
        .containsExactly("/of/1/value: attribute \"age\" is an integer, got \"thirty\"");
  }

  @Test
  void unknownAttribute_suggestsTheClosestName_orNothing() {
    assertThat(issues(new Compare("agee", Operator.EQ, 1L)))
        .containsExactly("/attribute: unknown attribute \"agee\"; did you mean \"age\"?");
    assertThat(issues(new Compare("zzzzzz", Operator.EQ, 1L)))
        .containsExactly("/attribute: unknown attribute \"zzzzzz\"");
  }

  @Test
  void conditionAlone_cannotResolveCatalogReferences() {
    assertThat(issues(new InSegment("vip")))
        .containsExactly(
            "/: inSegment refers to the catalog; check the whole catalog, not this condition alone");
  }

  @Test
  void depth_100000Levels_oneIssue_noStackOverflow() {
    Condition c = new Compare("age", Operator.GE, 1L);
    for (int i = 0; i < 100_000; i++) {
      c = new Not(c);
    }
    List<Issue> result = Checker.standard().check(c, SCHEMA).issues();
    assertThat(result).hasSize(1);
    assertThat(result.get(0).message())
        .isEqualTo("conditions are nested deeper than the limit of 64");
    assertThat(result.get(0).path()).startsWith("/of/of/of");
  }

  @Test
  void limits_listPatternStringAndNodeCount() {
    Checker small = Checker.withLimits(new Limits(64, 3, 2, 5, 4));
    assertThat(small.check(In.of("age", 1L, 2L, 3L), SCHEMA).issues())
        .extracting(Issue::toString)
        .containsExactly("/values: the list has 3 values, more than the limit of 2");
    assertThat(
            small
                .check(new StringMatch("email", StringMatch.Op.MATCHES, "a+b+c", false), SCHEMA)
                .issues())
        .extracting(Issue::toString)
        .containsExactly("/value: the pattern has 5 characters, more than the limit of 4");
    assertThat(small.check(new Compare("email", Operator.EQ, "toolong"), SCHEMA).issues())
        .extracting(Issue::toString)
        .containsExactly("/value: the text has 7 characters, more than the limit of 5");
    Condition four = And.of(new Always(), new Always(), new Always());
    assertThat(small.check(four, SCHEMA).issues())
        .extracting(Issue::toString)
        .containsExactly("/of/2: the rules have more than 3 conditions");
  }

  @Test
  void hugeInList_isConstantTimeToCheck_andAccepted() {
    List<Object> values = new ArrayList<>();
    for (long i = 0; i < 100_000; i++) {
      values.add(i);
    }
    assertThat(Checker.standard().check(In.of("age", values), SCHEMA).issues()).isEmpty();
  }
}
