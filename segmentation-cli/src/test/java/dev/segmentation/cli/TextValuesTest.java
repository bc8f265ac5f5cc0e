package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.GeoPoint;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TextValuesTest {

  /** Every month of the years where the leap rules differ, and of negative years, as java.time. */
  @org.junit.jupiter.api.Test
  void lengthOfMonth_centuriesAndLeapYears_asJavaTime() {
    for (int year :
        new int[] {
          -401, -400, -100, -4, -1, 0, 1, 4, 100, 400, 1900, 2000, 2023, 2024, 2100, 9999
        }) {
      for (int month = 1; month <= 12; month++) {
        assertThat(TextValues.lengthOfMonth(year, month))
            .as("%d-%d", year, month)
            .isEqualTo(java.time.YearMonth.of(year, month).lengthOfMonth());
      }
    }
  }

  /** The allocation-free calendar arithmetic of the timestamp fast path, against java.time. */
  @Property(tries = 2000)
  void epochDayAndLengthOfMonth_asJavaTime(
      @ForAll @LongRange(min = 0, max = 9999 * 366L) long dayOffset) {
    LocalDate d = LocalDate.of(0, 1, 1).plusDays(dayOffset);
    if (d.getYear() > 9999) {
      return;
    }
    assertThat(TextValues.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
        .isEqualTo(d.toEpochDay());
    assertThat(TextValues.lengthOfMonth(d.getYear(), d.getMonthValue()))
        .isEqualTo(d.lengthOfMonth());
    String text =
        String.format(
            "%04d-%02d-%02dT01:02:03Z", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    assertThat(TextValues.parseUtcSeconds(text))
        .isEqualTo(d.atTime(1, 2, 3).toInstant(java.time.ZoneOffset.UTC));
  }

  @Property(tries = 500)
  void parseTimestamp_fastPathAgreesWithInstantParse(
      @ForAll @LongRange(min = -62_000_000_000L, max = 250_000_000_000L) long second) {
    Instant t = Instant.ofEpochSecond(second);
    String text = t.toString();
    try {
      assertThat(TextValues.parseTimestamp(text)).isEqualTo(Instant.parse(text));
    } catch (TextValues.BadValue e) {
      throw new AssertionError(text, e);
    }
  }

  @Property(tries = 500)
  void formatThenParse_number_sameValue(@ForAll @DoubleRange(min = -1e18, max = 1e18) double d)
      throws Exception {
    assertThat(TextValues.parse(AttributeType.NUMBER, TextValues.formatNumber(d)))
        .isEqualTo(d + 0.0);
  }

  @Test
  void parseTimestamp_impossibleDatesAndOffsets() throws Exception {
    assertThatThrownBy(() -> TextValues.parseTimestamp("2026-02-30T00:00:00Z"))
        .hasMessage("expected a timestamp like 2026-11-01T08:30:00Z, got \"2026-02-30T00:00:00Z\"");
    assertThatThrownBy(() -> TextValues.parseTimestamp("2026-01-01T24:00:00Z"))
        .isInstanceOf(TextValues.BadValue.class);
    assertThat(TextValues.parseTimestamp("2026-01-01T02:00:00+02:00"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(TextValues.parseTimestamp("2026-01-01T00:00:00.250Z"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.250Z"));
  }

  @Test
  void parseTimestamp_readsEveryInstantThatToStringWrites_evenBeyondYear999999999()
      throws Exception {
    for (Instant t :
        new Instant[] {
          Instant.MIN,
          Instant.MAX,
          Instant.parse("+10000-01-01T00:00:00.000000001Z"),
          Instant.parse("-0001-12-31T23:59:59.5Z")
        }) {
      assertThat(TextValues.parseTimestamp(t.toString())).isEqualTo(t);
    }
  }

  @Test
  void jsonNumber_negativeZeroAndLargeIntegralValues_readBackExactly() throws Exception {
    for (double d : new double[] {-0.0, 0.0, 3.0, 2.5, 1e17, -1e15, 0x1p53 + 2, Double.MIN_VALUE}) {
      StringWriter text = new StringWriter();
      try (JsonGenerator g = JsonValues.FACTORY.createGenerator(text)) {
        CustomerWriter.writeNumber(g, d);
      }
      try (JsonParser p = JsonValues.FACTORY.createParser(text.toString())) {
        p.nextToken();
        Object read = JsonValues.convert(AttributeType.NUMBER, JsonValues.read(p));
        assertThat(read).as(text.toString()).isEqualTo(d); // Double.equals: -0.0 is not 0.0
      }
    }
  }

  @Test
  void parse_eachType_valuesAndErrors() throws Exception {
    assertThat(TextValues.parse(Attribute.integer("n"), "", false)).isNull();
    assertThat(TextValues.parse(Attribute.string("s"), "", true)).isEqualTo("");
    assertThat(TextValues.parse(Attribute.stringSet("t"), "", true)).isEqualTo(ImmutableSet.of());
    assertThat(TextValues.parse(Attribute.stringSet("t"), "a|b", false))
        .isEqualTo(ImmutableSet.of("a", "b"));
    assertThat(TextValues.parse(Attribute.integer("n"), "+42", false)).isEqualTo(42L);
    assertThat(TextValues.parse(Attribute.bool("b"), "TRUE", false)).isEqualTo(true);
    assertThat(TextValues.parse(Attribute.date("d"), "2024-02-29", false))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(TextValues.parse(Attribute.geoPoint("g"), "60.17,24.94", false))
        .isEqualTo(new GeoPoint(60.17, 24.94));
    assertThatThrownBy(() -> TextValues.parse(AttributeType.NUMBER, "NaN"))
        .hasMessage("NaN is not a value");
    assertThatThrownBy(() -> TextValues.parse(AttributeType.NUMBER, "1e999"))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> TextValues.parse(AttributeType.INTEGER, "99999999999999999999"))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> TextValues.parse(AttributeType.INTEGER, "4.5"))
        .hasMessage("expected an integer, got \"4.5\"");
    assertThatThrownBy(() -> TextValues.parse(AttributeType.BOOLEAN, "yes"))
        .hasMessage("expected true or false, got \"yes\"");
    assertThatThrownBy(() -> TextValues.parse(AttributeType.GEO_POINT, "95,10"))
        .hasMessageContaining("latitude");
    assertThatThrownBy(() -> TextValues.parse(AttributeType.STRING_SET, "a||b"))
        .hasMessageContaining("empty tag");
  }
}
