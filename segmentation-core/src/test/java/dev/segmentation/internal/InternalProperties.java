package dev.segmentation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Each helper agrees with its slow, obviously correct definition. */
class InternalProperties {

  @Property(tries = 300)
  void longHashSet_containsExactlyItsMembers(
      @ForAll @Size(max = 300) List<@LongRange(min = -500, max = 500) Long> members,
      @ForAll @Size(max = 50) List<Long> probes) {
    long[] array = members.stream().mapToLong(Long::longValue).toArray();
    LongHashSet set = LongHashSet.of(array);
    Set<Long> reference = new HashSet<>(members);
    assertThat(set.size()).isEqualTo(reference.size());
    for (long probe = -510; probe <= 510; probe++) {
      assertThat(set.contains(probe)).isEqualTo(reference.contains(probe));
    }
    for (long probe : probes) {
      assertThat(set.contains(probe)).isEqualTo(reference.contains(probe));
    }
    assertThat(set.toSortedArray())
        .containsExactly(reference.stream().sorted().mapToLong(Long::longValue).toArray());
  }

  @Property(tries = 300)
  void doubleHashSet_containsByNumericValue(
      @ForAll @Size(max = 100) List<Double> members, @ForAll double probe) {
    double[] finite =
        members.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).toArray();
    DoubleHashSet set = DoubleHashSet.of(finite);
    boolean expected = false;
    for (double m : finite) {
      expected |= m == probe; // == treats 0.0 and -0.0 as equal and NaN as unequal
    }
    assertThat(set.contains(probe)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> wellFormed() {
    return Arbitraries.of(0x41, 0x61, 0xE4, 0xE000, 0xFFFF, 0x1F600, 0x10000, 0x212A, 0x130, 0xDF)
        .list()
        .ofMaxSize(4)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder();
              cps.forEach(sb::appendCodePoint);
              return sb.toString();
            });
  }

  @Property(tries = 1000)
  void codePointOrder_isTheOrderOfCodePointSequences(
      @ForAll("wellFormed") String a, @ForAll("wellFormed") String b) {
    int expected = compareCodePoints(a, b);
    assertThat(Integer.signum(CodePointOrder.compare(a, b))).isEqualTo(expected);
  }

  private static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.signum(Integer.compare(x[i], y[i]));
      }
    }
    return Integer.signum(Integer.compare(x.length, y.length));
  }

  @Provide
  Arbitrary<String> mixedCase() {
    return Arbitraries.strings().withChars("aAbBkK@.\u212A\u0130\u00c4\u00e4\u00df").ofMaxLength(6);
  }

  @Property(tries = 1000)
  void caseFolding_agreesWithToLowerCaseRootOfBothSides(
      @ForAll("mixedCase") String value, @ForAll("mixedCase") String needle) {
    String v = value.toLowerCase(Locale.ROOT);
    String n = CaseFolding.lower(needle);
    assertThat(CaseFolding.startsWith(value, n)).isEqualTo(v.startsWith(n));
    assertThat(CaseFolding.endsWith(value, n)).isEqualTo(v.endsWith(n));
    assertThat(CaseFolding.contains(value, n)).isEqualTo(v.contains(n));
  }

  @Property(tries = 1000)
  void epochTime_dayMonthAndDaysBetween_agreeWithJavaTime(
      @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long seconds,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long later) {
    Instant t = Instant.ofEpochSecond(seconds, seconds & 0xFFFF);
    for (ZoneId zone :
        new ZoneId[] {
          ZoneId.of("UTC"), ZoneId.of("Europe/Helsinki"), ZoneId.of("America/St_Johns")
        }) {
      LocalDate date = LocalDate.ofInstant(t, zone);
      long day = EpochTime.epochDay(t, zone.getRules());
      assertThat(day).isEqualTo(date.toEpochDay());
      assertThat(EpochTime.month(day)).isEqualTo(date.getMonthValue());
      assertThat(EpochTime.dayOfMonth(day)).isEqualTo(date.getDayOfMonth());
    }
    Instant asOf = t.plusSeconds(later).plusNanos(later % 1_000_000_000L);
    long expected = java.time.Duration.between(t, asOf).toDays();
    assertThat(EpochTime.daysBetween(t, asOf)).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void epochTime_daysBetweenEpochMillis_agreesWithTheInstant(
      @ForAll @LongRange(min = -100_000_000_000_000L, max = 100_000_000_000_000L) long millis,
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long later,
      @ForAll @LongRange(min = 0, max = 999_999_999L) long nanos) {
    Instant t = Instant.ofEpochMilli(millis);
    // asOf near t (also inside the same second, before or after it) and anywhere with any nanos.
    for (Instant asOf :
        new Instant[] {
          t.plusSeconds(later).plusNanos(nanos),
          t.plusNanos(nanos - 500_000_000L),
          Instant.ofEpochSecond(later * 100, nanos)
        }) {
      assertThat(EpochTime.daysBetween(millis, asOf))
          .as("%s to %s", t, asOf)
          .isEqualTo(EpochTime.daysBetween(t, asOf));
    }
  }
}
