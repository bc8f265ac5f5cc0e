package dev.segmentation.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The traps of translating the library's semantics to SQL, each on both real databases: every test
 * checks that DuckDB's and PostgreSQL's members equal the row engine's ({@link OnBothDatabases})
 * and states what they are. A naive translation fails each of these (noted per test).
 */
class ExactnessTest {
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-22T12:00:00Z"));

  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("n", AttributeType.INTEGER)
          .attribute("x", AttributeType.NUMBER)
          .attribute("s", AttributeType.STRING)
          .attribute("t", AttributeType.TIMESTAMP)
          .attribute("tags", AttributeType.STRING_SET)
          .eventType(EventType.of("buy", Attribute.number("amount"), Attribute.integer("qty")))
          .build();

  private static List<SchemaCustomer> customers(String attribute, Object... values) {
    List<SchemaCustomer> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      SchemaCustomer.Builder b = Customer.builder(SCHEMA, "c" + i);
      if (values[i] != null) {
        b.set(attribute, values[i]);
      }
      out.add(b.build());
    }
    return out;
  }

  private static List<String> members(Condition c, List<SchemaCustomer> customers)
      throws SQLException {
    return new ArrayList<>(OnBothDatabases.members(SCHEMA, c, customers, CTX));
  }

  // Naive SQL compares BIGINT with DOUBLE as doubles: 2^53 + 1 > 2^53 would be FALSE.
  @Test
  void longsBeyond2To53_compareExactlyWithDoubleLiterals() throws SQLException {
    List<SchemaCustomer> cs =
        customers("n", (1L << 53) + 1, 1L << 53, Long.MAX_VALUE, Long.MIN_VALUE, null);
    assertThat(members(new Compare("n", Operator.GT, 0x1p53), cs)).containsExactly("c0", "c2");
    assertThat(members(new Compare("n", Operator.EQ, 0x1p53), cs)).containsExactly("c1");
    assertThat(members(new Compare("n", Operator.LT, 0x1p63), cs))
        .containsExactly("c0", "c1", "c2", "c3");
    assertThat(members(new Compare("n", Operator.GE, -0x1p63), cs))
        .containsExactly("c0", "c1", "c2", "c3");
    assertThat(members(new Compare("n", Operator.NE, 2.5), cs))
        .containsExactly("c0", "c1", "c2", "c3");
    assertThat(members(In.of("n", 0x1p53, 3.5), cs)).containsExactly("c1");
  }

  // A double column against a long literal that no double equals.
  @Test
  void doublesAgainstLongLiteralsBeyond2To53_areExact() throws SQLException {
    List<SchemaCustomer> cs = customers("x", 0x1p53, 0x1p53 + 2, -0.0, null);
    long between = (1L << 53) + 1;
    assertThat(members(new Compare("x", Operator.LT, between), cs)).containsExactly("c0", "c2");
    assertThat(members(new Compare("x", Operator.GT, between), cs)).containsExactly("c1");
    assertThat(members(new Compare("x", Operator.EQ, between), cs)).isEmpty();
    assertThat(members(new Not(new Compare("x", Operator.EQ, between)), cs))
        .containsExactly("c0", "c1", "c2");
  }

  @Test
  void negativeZero_equalsZero_inCompareAndIn() throws SQLException {
    List<SchemaCustomer> cs = customers("x", -0.0, 0.0, 1e-300, null);
    assertThat(members(new Compare("x", Operator.EQ, 0L), cs)).containsExactly("c0", "c1");
    assertThat(members(In.of("x", 0.0, 7L), cs)).containsExactly("c0", "c1");
    assertThat(members(new Compare("x", Operator.LE, -0.0), cs)).containsExactly("c0", "c1");
  }

  // NOT of UNKNOWN is UNKNOWN: a missing value is in neither the IN nor the NOT IN segment.
  @Test
  void notIn_withMissingValues_selectsNeither() throws SQLException {
    List<SchemaCustomer> cs = customers("s", "FI", "SE", null);
    assertThat(members(In.of("s", "FI"), cs)).containsExactly("c0");
    assertThat(members(new Not(In.of("s", "FI")), cs)).containsExactly("c1");
    assertThat(members(Presence.isMissing("s"), cs)).containsExactly("c2");
    assertThat(members(new Not(Presence.isPresent("s")), cs)).containsExactly("c2");
  }

  // Over no events COUNT and SUM are 0 (SQL's SUM would be NULL); AVG, MIN, MAX are UNKNOWN.
  @Test
  void emptyWindows_countAndSumZero_averageUnknown() throws SQLException {
    List<SchemaCustomer> cs = new ArrayList<>();
    cs.add(Customer.builder(SCHEMA, "none").build());
    cs.add(
        Customer.builder(SCHEMA, "old")
            .event("buy", Instant.parse("2020-01-01T00:00:00Z"), Map.of("amount", 5.0))
            .build());
    cs.add(
        Customer.builder(SCHEMA, "recent")
            .event("buy", Instant.parse("2026-11-20T00:00:00Z"), Map.of("amount", 5.0, "qty", 2L))
            .build());
    EventWindow last30 = EventWindow.last(30, WindowUnit.DAYS);
    assertThat(members(event(last30, Aggregate.COUNT, null, Operator.EQ, 0L), cs))
        .containsExactly("none", "old");
    assertThat(members(event(last30, Aggregate.SUM, "amount", Operator.EQ, 0L), cs))
        .containsExactly("none", "old");
    assertThat(members(event(last30, Aggregate.SUM, "qty", Operator.LT, 1L), cs))
        .containsExactly("none", "old");
    assertThat(members(new Not(event(last30, Aggregate.AVG, "amount", Operator.GT, 100L)), cs))
        .containsExactly("recent");
    assertThat(members(new Not(event(last30, Aggregate.MIN, "amount", Operator.GT, 100L)), cs))
        .containsExactly("recent");
    assertThat(
            members(new Not(event(last30, Aggregate.DAYS_SINCE_LAST, null, Operator.GT, 5L)), cs))
        .containsExactly("recent");
  }

  private static EventCondition event(
      EventWindow w, Aggregate a, String property, Operator op, Number value) {
    return new EventCondition("buy", null, w, a, property, op, value);
  }

  // An empty tag set is a value; a missing one is not.
  @Test
  void emptyTagSets_areValues_missingOnesUnknown() throws SQLException {
    List<SchemaCustomer> cs = customers("tags", ImmutableSet.of(), ImmutableSet.of("vip"), null);
    assertThat(members(new TagMatch("tags", TagMatch.Op.CONTAINS_NONE, ImmutableSet.of("vip")), cs))
        .containsExactly("c0");
    assertThat(members(new TagCount("tags", Operator.EQ, 0), cs)).containsExactly("c0");
    assertThat(members(new TagMatch("tags", TagMatch.Op.CONTAINS_ALL, ImmutableSet.of()), cs))
        .containsExactly("c0", "c1");
    assertThat(
            members(new Not(new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of())), cs))
        .containsExactly("c0", "c1");
  }

  // PostgreSQL's default collation puts "a" before "B"; by code point "B" comes first, and U+FFFF
  // comes before the emoji (UTF-16 order would put it after).
  @Test
  void strings_compareByCodePoint() throws SQLException {
    List<SchemaCustomer> cs = customers("s", "a", "B", "\uFFFF", "\uD83D\uDE00", "");
    assertThat(members(new Compare("s", Operator.LT, "a"), cs)).containsExactly("c1", "c4");
    assertThat(members(new Compare("s", Operator.GT, "\uFFFF"), cs)).containsExactly("c3");
  }

  // Java's toLowerCase(Locale.ROOT): İ becomes "i̇" (two code points), K (Kelvin) becomes k, ẞ ß;
  // SQL's lower() differs by database and collation.
  @Test
  void ignoreCase_foldsAsTheLibrary() throws SQLException {
    List<SchemaCustomer> cs =
        customers("s", "İstanbul", "\u212Aelvin", "STRASSE", "ẞ", "ǅemal", "ISTANBUL");
    assertThat(members(new StringMatch("s", StringMatch.Op.STARTS_WITH, "i\u0307s", true), cs))
        .containsExactly("c0");
    assertThat(members(new StringMatch("s", StringMatch.Op.STARTS_WITH, "is", true), cs))
        .containsExactly("c5");
    assertThat(members(new StringMatch("s", StringMatch.Op.CONTAINS, "KEL", true), cs))
        .containsExactly("c1");
    assertThat(members(new StringMatch("s", StringMatch.Op.ENDS_WITH, "ß", true), cs))
        .containsExactly("c3");
    assertThat(members(new StringMatch("s", StringMatch.Op.STARTS_WITH, "ǆ", true), cs))
        .containsExactly("c4");
    assertThat(members(new StringMatch("s", StringMatch.Op.CONTAINS, "50%_!", true), cs)).isEmpty();
  }

  @Test
  void ignoreCase_withSigma_isRefused() {
    Condition sigma = new StringMatch("s", StringMatch.Op.CONTAINS, "Σ", true);
    assertThatThrownBy(() -> compile(sigma, Dialect.DUCKDB))
        .isInstanceOf(SqlCompileException.class)
        .hasMessageContaining("segment \"s\" at /segments/0/where/value")
        .hasMessageContaining("final-sigma")
        .hasMessageContaining("DuckDB");
  }

  // RE2's '.' does not match a newline; DuckDB runs RE2, PostgreSQL gets a translation.
  @Test
  void regex_findSemanticsAndNewlines() throws SQLException {
    List<SchemaCustomer> cs = customers("s", "a\nb", "axb", "fi", "xfiy", "FI");
    assertThat(members(new StringMatch("s", StringMatch.Op.MATCHES, "a.b", false), cs))
        .containsExactly("c1");
    assertThat(members(new StringMatch("s", StringMatch.Op.MATCHES, "^(fi|se)$", false), cs))
        .containsExactly("c2");
    assertThat(members(new StringMatch("s", StringMatch.Op.MATCHES, "fi", false), cs))
        .containsExactly("c2", "c3");
    assertThat(members(new StringMatch("s", StringMatch.Op.MATCHES, "\\d*b$", false), cs))
        .containsExactly("c0", "c1");
  }

  @Test
  void regex_outsideTheSubset_isRefusedForPostgresNamingPatternAndDialect() {
    Condition wordBoundary = new StringMatch("s", StringMatch.Op.MATCHES, "\\bcom\\b", false);
    assertThatThrownBy(() -> compile(wordBoundary, Dialect.POSTGRES))
        .isInstanceOf(SqlCompileException.class)
        .hasMessage(
            "segment \"s\" at /segments/0/where/value: the pattern \"\\\\bcom\\\\b\": the pattern"
                + " uses the escape \\b, which is outside the subset translated exactly (cannot be"
                + " evaluated exactly in PostgreSQL)");
    Condition ignoring = new StringMatch("s", StringMatch.Op.MATCHES, "^fi", true);
    assertThatThrownBy(() -> compile(ignoring, Dialect.POSTGRES))
        .hasMessageContaining("/segments/0/where/ignoreCase")
        .hasMessageContaining("PostgreSQL folds case differently from RE2");
  }

  private static SqlQuery compile(Condition c, Dialect d) {
    return SqlCompiler.of(Catalog.of(Segment.of("s", c)), SCHEMA, d, Mapping.defaults())
        .membershipQuery(CTX);
  }

  // Timestamps hold microseconds: literals with nanoseconds become exact microsecond bounds, and
  // data with nanoseconds is refused, naming the customer.
  @Test
  void nanosecondLiterals_becomeExactBounds_nanosecondDataIsRefused() throws SQLException {
    Instant t = Instant.parse("2026-01-01T00:00:00.000001Z");
    List<SchemaCustomer> cs = customers("t", t, t.minusNanos(1000), null);
    assertThat(members(new Compare("t", Operator.GT, t.minusNanos(500)), cs)).containsExactly("c0");
    assertThat(members(new Compare("t", Operator.EQ, t.minusNanos(500)), cs)).isEmpty();
    assertThat(members(new Compare("t", Operator.LT, Instant.MAX), cs)).containsExactly("c0", "c1");
    List<SchemaCustomer> nanos = customers("t", t.plusNanos(1));
    for (Dialect d : OnBothDatabases.DIALECTS) {
      assertThatThrownBy(
              () ->
                  OnBothDatabases.run(
                      d,
                      SCHEMA,
                      Catalog.of(Segment.of("s", Presence.isPresent("t"))),
                      Mapping.defaults(),
                      nanos,
                      CTX))
          .isInstanceOf(InvalidDataException.class)
          .hasMessageContaining("\"c0\"")
          .hasMessageContaining("has nanoseconds");
    }
  }

  // "This month" in Helsinki starts two hours before it does in UTC.
  @Test
  void calendarWindows_useTheZone() throws SQLException {
    EvaluationContext helsinki =
        EvaluationContext.at(Instant.parse("2026-03-01T00:30:00Z"), ZoneId.of("Europe/Helsinki"));
    List<SchemaCustomer> cs =
        customers(
            "t",
            Instant.parse("2026-02-28T22:00:00Z"), // 00:00 on March 1 in Helsinki
            Instant.parse("2026-02-28T21:59:59.999999Z"));
    assertThat(
            OnBothDatabases.members(
                SCHEMA, new CalendarWindow("t", CalendarPeriod.THIS_MONTH), cs, helsinki))
        .containsExactly("c0");
  }

  // asOf - 30 days < t <= asOf: the lower bound is excluded, asOf itself included.
  @Test
  void relativeWindows_excludeTheLowerBound_includeAsOf() throws SQLException {
    Instant asOf = CTX.asOf();
    Instant bound = asOf.minusSeconds(30L * 86_400);
    List<SchemaCustomer> cs =
        customers("t", bound, bound.plusNanos(1000), asOf, asOf.plusNanos(1000));
    assertThat(members(new RelativeTime("t", RelativeTime.Op.WITHIN_LAST, 30, WindowUnit.DAYS), cs))
        .containsExactly("c1", "c2");
    assertThat(
            members(new RelativeTime("t", RelativeTime.Op.MORE_THAN_AGO, 30, WindowUnit.DAYS), cs))
        .containsExactly("c0");
    List<SchemaCustomer> events = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      events.add(
          Customer.builder(SCHEMA, "e" + i)
              .event("buy", cs.get(i).get(Attribute.timestamp("t")), ImmutableMap.of())
              .build());
    }
    assertThat(
            members(
                event(
                    EventWindow.last(30, WindowUnit.DAYS), Aggregate.COUNT, null, Operator.EQ, 1L),
                events))
        .containsExactly("e1", "e2");
  }
}
