package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.customer;
import static dev.segmentation.engine.row.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
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
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.Customer;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.plan.eval.EvalAccess;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The truth table of every operator and type: the result when the value matches, when it does not,
 * and when it is missing, and the result of NOT of each. The README documents this table; it is
 * generated from the engine's actual results into {@code golden/semantics-table.md} and the test
 * fails when they differ (regenerate with {@code -Dgolden.update=true}, see {@link Golden}).
 */
class SemanticsTableTest {

  /**
   * One row: a condition and three customers. {@code expected} is the three results, then the three
   * results of NOT, as letters T, F, U.
   */
  record Row(
      String operator,
      String type,
      Condition condition,
      Customer matching,
      Customer notMatching,
      Customer missing,
      String expected) {
    @Override
    public String toString() {
      return operator + " on " + type + ": " + EvalAccess.description(condition);
    }
  }

  private static final LocalDate TODAY = CTX.asOfDate();
  private static final String STANDARD = "TFUFTU";

  private static Row attr(
      String op, String type, Condition c, String attribute, Object yes, Object no) {
    return attr(op, type, c, attribute, yes, no, STANDARD);
  }

  private static Row attr(
      String op,
      String type,
      Condition c,
      String attribute,
      Object yes,
      Object no,
      String expected) {
    return new Row(
        op,
        type,
        c,
        customer("yes", attribute, yes),
        customer("no", attribute, no),
        customer("missing", ImmutableMap.of()),
        expected);
  }

  private static SchemaCustomer purchases(String id, double... daysAgoAndAmount) {
    SchemaCustomer.Builder b = customer(id);
    for (int i = 0; i < daysAgoAndAmount.length; i += 2) {
      b.event(
          "purchase",
          daysAgo(daysAgoAndAmount[i]),
          ImmutableMap.of(
              "amount", daysAgoAndAmount[i + 1], "category", i == 0 ? "paper" : "pens"));
    }
    return b.build();
  }

  private static Row event(
      String op,
      Aggregate agg,
      String property,
      Operator cmp,
      Number value,
      EventWindow window,
      Customer yes,
      Customer no,
      String expected) {
    Condition c = new EventCondition("purchase", new Always(), window, agg, property, cmp, value);
    return new Row(op, "events", c, yes, no, purchases("none"), expected);
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    Object[][] ordered = {
      {"integer", "age", 30L, 30L, 31L},
      {"number", "balance", 2.5, 2.5, 3.0},
      {"string", "country", "FI", "FI", "SE"},
      {
        "date",
        "birthday",
        LocalDate.parse("1990-05-17"),
        LocalDate.parse("1990-05-17"),
        LocalDate.parse("1990-05-18")
      },
      {
        "timestamp",
        "lastSeen",
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-02T00:00:00Z")
      },
    };
    // For each type: a literal, a value equal to it and a greater value.
    for (Object[] t : ordered) {
      String type = (String) t[0];
      String a = (String) t[1];
      Object lit = t[2];
      Object equal = t[3];
      Object greater = t[4];
      rows.add(attr("eq", type, new Compare(a, Operator.EQ, lit), a, equal, greater));
      rows.add(attr("ne", type, new Compare(a, Operator.NE, lit), a, greater, equal));
      rows.add(attr("lt", type, new Compare(a, Operator.LT, greater), a, equal, greater));
      rows.add(attr("le", type, new Compare(a, Operator.LE, lit), a, equal, greater));
      rows.add(attr("gt", type, new Compare(a, Operator.GT, lit), a, greater, equal));
      rows.add(attr("ge", type, new Compare(a, Operator.GE, greater), a, greater, equal));
      rows.add(attr("between", type, new Between(a, lit, lit), a, equal, greater));
      rows.add(attr("in", type, In.of(a, lit), a, equal, greater));
    }
    rows.add(
        attr("eq", "boolean", new Compare("active", Operator.EQ, true), "active", true, false));
    rows.add(
        attr("ne", "boolean", new Compare("active", Operator.NE, true), "active", false, true));
    rows.add(attr("in", "boolean", In.of("active", true), "active", true, false));
    rows.add(attr("in", "integer = number", In.of("age", 3.0, 7.5), "age", 3L, 4L));
    rows.add(attr("in", "number = integer", In.of("balance", 3L), "balance", 3.0, 3.5));

    String[][] text = {
      {"startsWith", "Ann", "Anna", "Hanna", "ann", "ANNA", "hanna"},
      {"endsWith", "@x.com", "a@x.com", "a@y.com", "@X.com", "A@X.COM", "a@x.org"},
      {"contains", "nn", "Anna", "Ana", "NN", "ANNA", "ANA"},
      {"matches", "^a.+z$", "abz", "abzz!", "^A.+Z$", "aBz", "az"},
    };
    for (String[] t : text) {
      StringMatch.Op op = StringMatch.Op.fromExternalName(t[0]);
      rows.add(
          attr(t[0], "string", new StringMatch("email", op, t[1], false), "email", t[2], t[3]));
      rows.add(
          attr(
              t[0] + " ignoring case",
              "string",
              new StringMatch("email", op, t[4], true),
              "email",
              t[5],
              t[6]));
    }

    ImmutableSet<String> vip = ImmutableSet.of("vip");
    ImmutableSet<String> none = ImmutableSet.of();
    rows.add(
        attr(
            "containsAny",
            "stringSet",
            new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip", "gold")),
            "tags",
            ImmutableSet.of("vip", "new"),
            none));
    rows.add(
        attr(
            "containsAll",
            "stringSet",
            new TagMatch("tags", TagMatch.Op.CONTAINS_ALL, ImmutableSet.of("vip", "gold")),
            "tags",
            ImmutableSet.of("gold", "vip", "new"),
            vip));
    rows.add(
        attr(
            "containsNone",
            "stringSet",
            new TagMatch("tags", TagMatch.Op.CONTAINS_NONE, vip),
            "tags",
            none,
            vip));
    rows.add(
        attr(
            "tagCount",
            "stringSet",
            new TagCount("tags", Operator.GE, 2),
            "tags",
            ImmutableSet.of("a", "b"),
            vip));
    rows.add(
        attr(
            "tagCount (is empty)",
            "stringSet",
            new TagCount("tags", Operator.EQ, 0),
            "tags",
            none,
            vip));

    rows.add(
        attr("isPresent", "any", Presence.isPresent("country"), "country", "FI", null, "TFFFTT"));
    rows.add(
        attr("isMissing", "any", Presence.isMissing("country"), "country", null, "FI", "TFTFTF"));

    rows.add(
        attr(
            "withinLast",
            "timestamp",
            new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 30, WindowUnit.DAYS),
            "lastSeen",
            daysAgo(29.9),
            daysAgo(30)));
    rows.add(
        attr(
            "moreThanAgo",
            "timestamp",
            new RelativeTime("lastSeen", RelativeTime.Op.MORE_THAN_AGO, 30, WindowUnit.DAYS),
            "lastSeen",
            daysAgo(30),
            daysAgo(29.9)));
    rows.add(
        attr(
            "withinLast",
            "date",
            new RelativeTime("birthday", RelativeTime.Op.WITHIN_LAST, 30, WindowUnit.DAYS),
            "birthday",
            TODAY.minusDays(29),
            TODAY.minusDays(30)));
    rows.add(
        attr(
            "moreThanAgo",
            "date",
            new RelativeTime("birthday", RelativeTime.Op.MORE_THAN_AGO, 30, WindowUnit.DAYS),
            "birthday",
            TODAY.minusDays(30),
            TODAY.minusDays(29)));
    rows.add(
        attr(
            "inCalendar",
            "date",
            new CalendarWindow("birthday", CalendarPeriod.THIS_MONTH),
            "birthday",
            LocalDate.parse("2026-11-30"),
            LocalDate.parse("2026-12-01")));
    rows.add(
        attr(
            "inCalendar",
            "timestamp",
            new CalendarWindow("lastSeen", CalendarPeriod.LAST_WEEK),
            "lastSeen",
            Instant.parse("2026-11-09T00:00:00Z"),
            Instant.parse("2026-11-16T00:00:00Z")));
    rows.add(
        attr(
            "anniversary",
            "date",
            new Anniversary("birthday", Anniversary.Period.DAY),
            "birthday",
            LocalDate.parse("1990-11-22"),
            LocalDate.parse("1990-11-21")));
    rows.add(
        attr(
            "anniversary",
            "timestamp",
            new Anniversary("lastSeen", Anniversary.Period.MONTH),
            "lastSeen",
            Instant.parse("2020-11-01T00:00:00Z"),
            Instant.parse("2020-10-31T23:59:59Z")));
    rows.add(
        attr(
            "withinDistance",
            "geoPoint",
            new GeoWithin("location", new GeoPoint(60.1699, 24.9384), 20),
            "location",
            new GeoPoint(60.2055, 24.6559),
            new GeoPoint(60.4518, 22.2666)));

    rows.add(attr("always", "-", new Always(), "age", 1L, 2L, "TTTFFF"));
    rows.add(attr("never", "-", new Never(), "age", 1L, 2L, "FFFTTT"));
    rows.add(attr("inSegment", "segment", new InSegment("adults"), "age", 30L, 10L));

    EventWindow last30 = EventWindow.last(30, WindowUnit.DAYS);
    rows.add(
        event(
            "count",
            Aggregate.COUNT,
            null,
            Operator.GE,
            2L,
            last30,
            purchases("yes", 1, 10, 5, 20),
            purchases("no", 1, 10, 31, 20),
            "TFFFTT"));
    rows.add(
        event(
            "count = 0",
            Aggregate.COUNT,
            null,
            Operator.EQ,
            0L,
            EventWindow.last(180, WindowUnit.DAYS),
            purchases("yes", 181, 10),
            purchases("no", 1, 10),
            "TFTFTF"));
    rows.add(
        event(
            "sum",
            Aggregate.SUM,
            "amount",
            Operator.GT,
            100L,
            last30,
            purchases("yes", 1, 60, 2, 50),
            purchases("no", 1, 60, 40, 50),
            "TFFFTT"));
    // 98.66 + 173.68 + 27.66 is 300.00000000000006 added oldest first, 300.0 exactly rounded.
    rows.add(
        event(
            "sum (exact, any order)",
            Aggregate.SUM,
            "amount",
            Operator.LE,
            300L,
            last30,
            purchases("yes", 3, 98.66, 2, 173.68, 1, 27.66),
            purchases("no", 3, 98.66, 2, 173.68, 1, 27.67),
            "TFTFTF"));
    rows.add(
        event(
            "avg",
            Aggregate.AVG,
            "amount",
            Operator.GE,
            50L,
            last30,
            purchases("yes", 1, 60, 2, 50),
            purchases("no", 1, 40, 2, 50),
            STANDARD));
    rows.add(
        event(
            "min",
            Aggregate.MIN,
            "amount",
            Operator.GE,
            50L,
            last30,
            purchases("yes", 1, 60, 2, 50),
            purchases("no", 1, 40, 2, 50),
            STANDARD));
    rows.add(
        event(
            "max",
            Aggregate.MAX,
            "amount",
            Operator.GE,
            60L,
            last30,
            purchases("yes", 1, 60, 2, 50),
            purchases("no", 1, 40, 2, 50),
            STANDARD));
    rows.add(
        event(
            "distinctCount",
            Aggregate.DISTINCT_COUNT,
            "category",
            Operator.GE,
            2L,
            last30,
            purchases("yes", 1, 60, 2, 50),
            purchases("no", 1, 40),
            "TFFFTT"));
    rows.add(
        event(
            "daysSinceFirst",
            Aggregate.DAYS_SINCE_FIRST,
            null,
            Operator.LT,
            30L,
            EventWindow.ever(),
            purchases("yes", 29.9, 10),
            purchases("no", 30, 10),
            STANDARD));
    rows.add(
        event(
            "daysSinceLast",
            Aggregate.DAYS_SINCE_LAST,
            null,
            Operator.LE,
            7L,
            EventWindow.ever(),
            purchases("yes", 100, 10, 7.9, 10),
            purchases("no", 8, 10),
            STANDARD));

    rows.add(
        attr(
            "score",
            "score",
            new ScoreCondition("engagement", Operator.GE, 10L),
            "active",
            true,
            false,
            "TFFFTT"));
    rows.add(
        attr("inTier", "tiering", new InTier("value", "gold"), "balance", 5000.0, 10.0, "TFFFTT"));
    rows.add(
        new Row(
            "inTier",
            "RFM model",
            new InTier("rfm", "champions"),
            purchases("yes", 1, 500, 2, 500, 3, 500),
            purchases("no", 300, 5),
            purchases("none"),
            STANDARD));
    return rows;
  }

  /** The catalog of a row: the condition as "s", NOT of it as "not_s", and what rows refer to. */
  static Catalog catalog(Condition c) {
    return new Catalog(
        ImmutableList.of(
            Segment.of("adults", new Compare("age", Operator.GE, 18L)),
            Segment.of("s", c),
            Segment.of("not_s", new Not(c))),
        ImmutableList.of(
            new ScoreModel(
                "engagement",
                "",
                ImmutableList.of(ScoreRule.of(new Compare("active", Operator.EQ, true), 10)),
                null,
                null)),
        ImmutableList.of(
            new Tiering(
                "value",
                "",
                ImmutableList.of(new Tier("gold", new Compare("balance", Operator.GE, 1000L))),
                "basic")),
        ImmutableList.of(
            new RfmModel(
                "rfm",
                "",
                "purchase",
                "amount",
                EventWindow.last(365, WindowUnit.DAYS),
                ImmutableList.of(7.0, 30.0, 90.0, 180.0),
                ImmutableList.of(0.0, 1.0, 2.0, 3.0),
                ImmutableList.of(10.0, 100.0, 500.0, 1000.0))));
  }

  static Stream<Row> rowStream() {
    return rows().stream();
  }

  private static Truth[] results(Row row) {
    CompiledCatalog compiled = Fixtures.compileUnchecked(catalog(row.condition()));
    Customer[] customers = {row.matching(), row.notMatching(), row.missing()};
    Truth[] out = new Truth[6];
    for (int i = 0; i < 3; i++) {
      out[i] = compiled.evaluate(compiled.segmentIndex("s"), customers[i], CTX);
      out[i + 3] = compiled.evaluate(compiled.segmentIndex("not_s"), customers[i], CTX);
    }
    return out;
  }

  private static String letters(Truth[] results) {
    StringBuilder sb = new StringBuilder();
    for (Truth t : results) {
      sb.append(t.name().charAt(0));
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowStream")
  void evaluate_matchingNotMatchingMissingAndNot_giveTheDocumentedResults(Row row) {
    Truth[] results = results(row);
    assertThat(letters(results)).isEqualTo(row.expected());
    for (int i = 0; i < 3; i++) {
      assertThat(results[i + 3]).as("NOT is Kleene NOT").isEqualTo(results[i].not());
    }
  }

  @Test
  void semanticsTable_isTheGoldenMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("<!-- Generated by SemanticsTableTest from the row engine's results. -->\n")
        .append("| operator | type | example | value matches | does not match | missing")
        .append(" (or no events) | NOT, matches | NOT, does not match | NOT, missing |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row row : rows()) {
      Truth[] r = results(row);
      md.append("| ")
          .append(row.operator())
          .append(" | ")
          .append(row.type())
          .append(" | `")
          .append(EvalAccess.description(row.condition()))
          .append("` |");
      for (Truth t : r) {
        md.append(' ').append(t.name()).append(" |");
      }
      md.append('\n');
    }
    Golden.assertMatches("semantics-table.md", md.toString());
  }

  @Test
  void rows_coverEveryOperatorAndType() {
    Map<String, Long> perOperator =
        rows().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    Row::operator, java.util.stream.Collectors.counting()));
    assertThat(perOperator.get("eq")).isEqualTo(6); // 5 ordered types and boolean
    assertThat(perOperator.get("in")).isEqualTo(8);
    assertThat(perOperator.keySet())
        .contains(
            "lt",
            "le",
            "gt",
            "ge",
            "between",
            "ne",
            "startsWith",
            "matches ignoring case",
            "containsAll",
            "tagCount",
            "isMissing",
            "withinLast",
            "inCalendar",
            "anniversary",
            "withinDistance",
            "inSegment",
            "score",
            "inTier",
            "count",
            "avg",
            "daysSinceLast");
  }
}
