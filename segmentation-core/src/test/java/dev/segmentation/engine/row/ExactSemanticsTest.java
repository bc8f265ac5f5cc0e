package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.AS_OF;
import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Customer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Edge cases of the fixed semantics: exact numbers, code points, patterns, tags, time. */
class ExactSemanticsTest {

  static Truth eval(Condition c, Customer customer) {
    return eval(c, customer, CTX);
  }

  static Truth eval(Condition c, Customer customer, EvaluationContext ctx) {
    CompiledCatalog compiled = Fixtures.compile(c);
    Truth t = compiled.evaluate(0, customer, ctx);
    assertThat(compiled.explain("s", customer, ctx).result()).isEqualTo(t);
    return t;
  }

  static Truth age(Operator op, Object literal, long age) {
    return eval(new Compare("age", op, literal), customer("c", "age", age));
  }

  static Truth balance(Operator op, Object literal, double balance) {
    return eval(new Compare("balance", op, literal), customer("c", "balance", balance));
  }

  @Nested
  class Numbers {
    private static final long TWO_53 = 1L << 53;

    @Test
    void compare_longBeyond2pow53_isNotRoundedToTheDouble() {
      assertThat(age(Operator.EQ, (double) TWO_53, TWO_53 + 1)).isEqualTo(Truth.FALSE);
      assertThat(age(Operator.GT, (double) TWO_53, TWO_53 + 1)).isEqualTo(Truth.TRUE);
      assertThat(age(Operator.EQ, (double) TWO_53, TWO_53)).isEqualTo(Truth.TRUE);
      assertThat(balance(Operator.LT, TWO_53 + 1, (double) TWO_53)).isEqualTo(Truth.TRUE);
    }

    @Test
    void compare_integerWithEqualDouble_isEqual() {
      assertThat(age(Operator.EQ, 3.0, 3)).isEqualTo(Truth.TRUE);
      assertThat(balance(Operator.EQ, 3L, 3.0)).isEqualTo(Truth.TRUE);
      assertThat(age(Operator.LT, 3.5, 3)).isEqualTo(Truth.TRUE);
      assertThat(age(Operator.GT, 2.5, 3)).isEqualTo(Truth.TRUE);
      assertThat(age(Operator.LT, -2.5, -3)).isEqualTo(Truth.TRUE);
    }

    @Test
    void compare_negativeZero_equalsZero() {
      assertThat(balance(Operator.EQ, 0L, -0.0)).isEqualTo(Truth.TRUE);
      assertThat(balance(Operator.EQ, 0.0, -0.0)).isEqualTo(Truth.TRUE);
      assertThat(balance(Operator.LT, 0.0, -0.0)).isEqualTo(Truth.FALSE);
      assertThat(eval(In.of("balance", 0L), customer("c", "balance", -0.0))).isEqualTo(Truth.TRUE);
      assertThat(eval(In.of("balance", -0.0), customer("c", "balance", 0.0))).isEqualTo(Truth.TRUE);
    }

    @Test
    void compare_longExtremes_areExact() {
      double twoPow63 = 0x1p63; // (double) Long.MAX_VALUE rounds up to this
      assertThat(age(Operator.LT, twoPow63, Long.MAX_VALUE)).isEqualTo(Truth.TRUE);
      assertThat(age(Operator.EQ, -twoPow63, Long.MIN_VALUE)).isEqualTo(Truth.TRUE);
      assertThat(age(Operator.GT, Long.MIN_VALUE, Long.MIN_VALUE + 1)).isEqualTo(Truth.TRUE);
      assertThat(eval(In.of("age", twoPow63), customer("c", "age", Long.MAX_VALUE)))
          .isEqualTo(Truth.FALSE);
      assertThat(eval(In.of("balance", Long.MAX_VALUE), customer("c", "balance", twoPow63)))
          .isEqualTo(Truth.FALSE);
      assertThat(
              eval(
                  In.of("age", Long.MIN_VALUE, Long.MAX_VALUE),
                  customer("c", "age", Long.MAX_VALUE)))
          .isEqualTo(Truth.TRUE);
    }

    @Test
    void in_integralDoublesAndLongs_matchAcrossTypes() {
      assertThat(eval(In.of("age", 3.0), customer("c", "age", 3L))).isEqualTo(Truth.TRUE);
      assertThat(eval(In.of("balance", 3L), customer("c", "balance", 3.0))).isEqualTo(Truth.TRUE);
      assertThat(eval(In.of("balance", TWO_53 + 1), customer("c", "balance", (double) TWO_53)))
          .isEqualTo(Truth.FALSE);
      assertThat(eval(In.of("age", 0L), customer("c", "age", 0L))).isEqualTo(Truth.TRUE);
    }

    @Test
    void in_100000Values_looksUpEveryMemberAndNoOther() {
      List<Object> values = new ArrayList<>();
      LongStream.range(0, 100_000).forEach(i -> values.add(i * 7));
      CompiledCatalog compiled = Fixtures.compile(In.of("age", values));
      for (long age = -10; age < 700_010; age += 1) {
        Truth t = compiled.evaluate(0, customer("c", "age", age), CTX);
        assertThat(t).isEqualTo(Truth.of(age >= 0 && age % 7 == 0 && age < 700_000));
        if (age > 1000) {
          age += 997; // sample the rest
        }
      }
    }
  }

  @Nested
  class Strings {
    private Truth country(Operator op, String literal, String value) {
      return eval(new Compare("country", op, literal), customer("c", "country", value));
    }

    @Test
    void compare_supplementaryCharacter_sortsAfterBmpByCodePoint() {
      String emoji = "\uD83D\uDE00"; // U+1F600
      String lastBmp = "\uFFFF";
      assertThat(emoji.compareTo(lastBmp)).as("UTF-16 order differs").isNegative();
      assertThat(country(Operator.LT, emoji, lastBmp)).isEqualTo(Truth.TRUE);
      assertThat(country(Operator.GT, lastBmp, emoji)).isEqualTo(Truth.TRUE);
      assertThat(country(Operator.LT, "\uE000", "\uD7FF")).isEqualTo(Truth.TRUE);
      assertThat(country(Operator.LT, "ab", "a")).isEqualTo(Truth.TRUE);
    }

    private Truth email(StringMatch.Op op, String literal, boolean ignoreCase, String value) {
      return eval(new StringMatch("email", op, literal, ignoreCase), customer("c", "email", value));
    }

    @Test
    void matches_findsAnywhereUnlessAnchored() {
      assertThat(email(StringMatch.Op.MATCHES, "b", false, "abc")).isEqualTo(Truth.TRUE);
      assertThat(email(StringMatch.Op.MATCHES, "^b", false, "abc")).isEqualTo(Truth.FALSE);
      assertThat(email(StringMatch.Op.MATCHES, "^abc$", false, "abc")).isEqualTo(Truth.TRUE);
      assertThat(email(StringMatch.Op.MATCHES, "^ab$", false, "abc")).isEqualTo(Truth.FALSE);
      assertThat(email(StringMatch.Op.MATCHES, "B", true, "abc")).isEqualTo(Truth.TRUE);
      assertThat(email(StringMatch.Op.MATCHES, "B", false, "abc")).isEqualTo(Truth.FALSE);
    }

    @Test
    void ignoreCase_usesRootLowerCaseOfBothSides() {
      assertThat(email(StringMatch.Op.STARTS_WITH, "äI", true, "ÄITI")).isEqualTo(Truth.TRUE);
      assertThat(email(StringMatch.Op.STARTS_WITH, "äI", false, "ÄITI")).isEqualTo(Truth.FALSE);
      assertThat(email(StringMatch.Op.ENDS_WITH, "@EXAMPLE.com", true, "Ann@Example.COM"))
          .isEqualTo(Truth.TRUE);
      assertThat(email(StringMatch.Op.CONTAINS, "IN", true, "Tina")).isEqualTo(Truth.TRUE);
      // Locale.ROOT lowercases I to i (no Turkish dotless i), and ß is not folded to ss.
      assertThat(email(StringMatch.Op.CONTAINS, "i", true, "TITLE")).isEqualTo(Truth.TRUE);
      assertThat(email(StringMatch.Op.CONTAINS, "SS", true, "Straße")).isEqualTo(Truth.FALSE);
      // The Kelvin sign lowercases to an ASCII k: ASCII values still match it.
      assertThat(email(StringMatch.Op.CONTAINS, "\u212A", true, "KEY")).isEqualTo(Truth.TRUE);
      assertThat(email(StringMatch.Op.CONTAINS, "", true, "")).isEqualTo(Truth.TRUE);
      assertThat(email(StringMatch.Op.ENDS_WITH, "abc", true, "c")).isEqualTo(Truth.FALSE);
    }
  }

  @Nested
  class Tags {
    private Truth tags(Condition c, ImmutableSet<String> tags) {
      return eval(c, customer("c", "tags", tags));
    }

    @Test
    void emptySet_isAValueAndMissingIsUnknown() {
      ImmutableSet<String> empty = ImmutableSet.of();
      Condition any = new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("a"));
      Condition all = new TagMatch("tags", TagMatch.Op.CONTAINS_ALL, ImmutableSet.of("a"));
      Condition none = new TagMatch("tags", TagMatch.Op.CONTAINS_NONE, ImmutableSet.of("a"));
      Condition isEmpty = new TagCount("tags", Operator.EQ, 0);
      assertThat(tags(any, empty)).isEqualTo(Truth.FALSE);
      assertThat(tags(all, empty)).isEqualTo(Truth.FALSE);
      assertThat(tags(none, empty)).isEqualTo(Truth.TRUE);
      assertThat(tags(isEmpty, empty)).isEqualTo(Truth.TRUE);
      assertThat(tags(any, null)).isEqualTo(Truth.UNKNOWN);
      assertThat(tags(none, null)).isEqualTo(Truth.UNKNOWN);
      assertThat(tags(isEmpty, null)).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void containsAll_ofNoValues_isTrueAndContainsAnyOfNoValuesIsFalse() {
      ImmutableSet<String> a = ImmutableSet.of("a");
      assertThat(tags(new TagMatch("tags", TagMatch.Op.CONTAINS_ALL, ImmutableSet.of()), a))
          .isEqualTo(Truth.TRUE);
      assertThat(tags(new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of()), a))
          .isEqualTo(Truth.FALSE);
    }

    @Test
    void containsAny_manyLiteralsAndFewTags_findsTheMember() {
      ImmutableSet.Builder<String> many = ImmutableSet.builder();
      for (int i = 0; i < 1000; i++) {
        many.add("t" + i);
      }
      Condition any = new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, many.build());
      assertThat(tags(any, ImmutableSet.of("x", "t999"))).isEqualTo(Truth.TRUE);
      assertThat(tags(any, ImmutableSet.of("x", "y"))).isEqualTo(Truth.FALSE);
    }
  }

  @Nested
  class Time {
    private Truth lastSeen(RelativeTime.Op op, long amount, WindowUnit unit, Instant t) {
      return eval(new RelativeTime("lastSeen", op, amount, unit), customer("c", "lastSeen", t));
    }

    @Test
    void withinLast_boundaryIsExclusiveBelowAndAsOfInclusive() {
      Instant bound = AS_OF.minusSeconds(30 * 86_400);
      RelativeTime.Op within = RelativeTime.Op.WITHIN_LAST;
      RelativeTime.Op ago = RelativeTime.Op.MORE_THAN_AGO;
      assertThat(lastSeen(within, 30, WindowUnit.DAYS, bound)).isEqualTo(Truth.FALSE);
      assertThat(lastSeen(within, 30, WindowUnit.DAYS, bound.plusNanos(1))).isEqualTo(Truth.TRUE);
      assertThat(lastSeen(within, 30, WindowUnit.DAYS, AS_OF)).isEqualTo(Truth.TRUE);
      assertThat(lastSeen(within, 30, WindowUnit.DAYS, AS_OF.plusNanos(1))).isEqualTo(Truth.FALSE);
      assertThat(lastSeen(ago, 30, WindowUnit.DAYS, bound)).isEqualTo(Truth.TRUE);
      assertThat(lastSeen(ago, 30, WindowUnit.DAYS, bound.plusNanos(1))).isEqualTo(Truth.FALSE);
      assertThat(lastSeen(ago, 0, WindowUnit.DAYS, AS_OF.plusNanos(1))).isEqualTo(Truth.FALSE);
    }

    @Test
    void withinLast_months_usesCalendarArithmeticClampedToMonthEnd() {
      EvaluationContext march31 = EvaluationContext.at(Instant.parse("2026-03-31T10:00:00Z"));
      Condition c = new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 1, WindowUnit.MONTHS);
      assertThat(eval(c, customer("c", "lastSeen", Instant.parse("2026-02-28T10:00:00Z")), march31))
          .isEqualTo(Truth.FALSE);
      assertThat(eval(c, customer("c", "lastSeen", Instant.parse("2026-02-28T10:00:01Z")), march31))
          .isEqualTo(Truth.TRUE);
    }

    @Test
    void withinLast_onDates_comparesWithAsOfDateInTheZone() {
      Condition c = new RelativeTime("birthday", RelativeTime.Op.WITHIN_LAST, 1, WindowUnit.DAYS);
      // 22:30 UTC on 21 Nov is already 22 Nov in Helsinki.
      EvaluationContext late = EvaluationContext.at(Instant.parse("2026-11-21T22:30:00Z"));
      EvaluationContext lateHelsinki = late.withZone(ZoneId.of("Europe/Helsinki"));
      Customer born22 = customer("c", "birthday", LocalDate.parse("2026-11-22"));
      assertThat(eval(c, born22, late)).isEqualTo(Truth.FALSE);
      assertThat(eval(c, born22, lateHelsinki)).isEqualTo(Truth.TRUE);
    }

    @Test
    void calendarWindow_inZoneWithDst_usesLocalDayBounds() {
      ZoneId helsinki = ZoneId.of("Europe/Helsinki");
      // DST starts in Helsinki on 29 March 2026 at 03:00 local; the day starts at 22:00Z on the
      // 28th.
      EvaluationContext utc = EvaluationContext.at(Instant.parse("2026-03-29T12:00:00Z"));
      EvaluationContext local = utc.withZone(helsinki);
      Condition today = new CalendarWindow("lastSeen", CalendarPeriod.TODAY);
      Customer justAfterMidnight = customer("c", "lastSeen", Instant.parse("2026-03-28T22:30:00Z"));
      Customer justBefore = customer("c", "lastSeen", Instant.parse("2026-03-28T21:59:59Z"));
      assertThat(eval(today, justAfterMidnight, local)).isEqualTo(Truth.TRUE);
      assertThat(eval(today, justBefore, local)).isEqualTo(Truth.FALSE);
      assertThat(eval(today, justAfterMidnight, utc)).isEqualTo(Truth.FALSE);
      // The next day is 23 hours long in local time: 2026-03-29T21:00Z starts 30 March.
      Customer lateLocal = customer("c", "lastSeen", Instant.parse("2026-03-29T20:59:59Z"));
      Customer nextDay = customer("c", "lastSeen", Instant.parse("2026-03-29T21:00:00Z"));
      assertThat(eval(today, lateLocal, local)).isEqualTo(Truth.TRUE);
      assertThat(eval(today, nextDay, local)).isEqualTo(Truth.FALSE);
    }

    @Test
    void calendarWindow_lastMonth_dependsOnTheZonesDate() {
      // 22:30Z on 31 October is 1 November 00:30 in Helsinki: last month is October there.
      EvaluationContext utc = EvaluationContext.at(Instant.parse("2026-10-31T22:30:00Z"));
      EvaluationContext local = utc.withZone(ZoneId.of("Europe/Helsinki"));
      Condition lastMonth = new CalendarWindow("birthday", CalendarPeriod.LAST_MONTH);
      Customer oct31 = customer("c", "birthday", LocalDate.parse("2026-10-31"));
      assertThat(eval(lastMonth, oct31, local)).isEqualTo(Truth.TRUE);
      assertThat(eval(lastMonth, oct31, utc)).isEqualTo(Truth.FALSE);
      Condition thisQuarter = new CalendarWindow("birthday", CalendarPeriod.THIS_QUARTER);
      assertThat(eval(thisQuarter, customer("c", "birthday", LocalDate.parse("2026-12-31")), utc))
          .isEqualTo(Truth.TRUE);
      assertThat(eval(thisQuarter, customer("c", "birthday", LocalDate.parse("2026-09-30")), utc))
          .isEqualTo(Truth.FALSE);
    }

    @Test
    void anniversary_feb29_countsAsFeb28InCommonYears() {
      Condition day = new Anniversary("birthday", Anniversary.Period.DAY);
      Customer leapling = customer("c", "birthday", LocalDate.parse("2000-02-29"));
      Customer feb28 = customer("c", "birthday", LocalDate.parse("2000-02-28"));
      EvaluationContext common = EvaluationContext.at(Instant.parse("2027-02-28T12:00:00Z"));
      EvaluationContext leap28 = EvaluationContext.at(Instant.parse("2028-02-28T12:00:00Z"));
      EvaluationContext leap29 = EvaluationContext.at(Instant.parse("2028-02-29T12:00:00Z"));
      EvaluationContext march1 = EvaluationContext.at(Instant.parse("2027-03-01T12:00:00Z"));
      assertThat(eval(day, leapling, common)).isEqualTo(Truth.TRUE);
      assertThat(eval(day, feb28, common)).isEqualTo(Truth.TRUE);
      assertThat(eval(day, leapling, leap28)).isEqualTo(Truth.FALSE);
      assertThat(eval(day, leapling, leap29)).isEqualTo(Truth.TRUE);
      assertThat(eval(day, leapling, march1)).isEqualTo(Truth.FALSE);
    }

    @Test
    void anniversary_ofTimestamp_usesTheDateInTheZone() {
      Condition day = new Anniversary("lastSeen", Anniversary.Period.DAY);
      Customer c = customer("c", "lastSeen", Instant.parse("2020-11-21T23:30:00Z"));
      EvaluationContext utc = EvaluationContext.at(AS_OF);
      assertThat(eval(day, c, utc)).isEqualTo(Truth.FALSE);
      assertThat(eval(day, c, utc.withZone(ZoneId.of("Europe/Helsinki")))).isEqualTo(Truth.TRUE);
      Customer before1970 = customer("c", "lastSeen", Instant.parse("1961-11-22T08:00:00Z"));
      assertThat(eval(day, before1970, utc)).isEqualTo(Truth.TRUE);
    }
  }
}
