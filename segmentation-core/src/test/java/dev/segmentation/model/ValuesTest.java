package dev.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void isWholeLong_atTheEdgesOfTheLongRange() {
    assertThat(Values.isWholeLong(-0x1p63)).isTrue(); // Long.MIN_VALUE exactly
    assertThat(Values.isWholeLong(0x1p63)).isFalse(); // above every long
    assertThat(Values.isWholeLong(0x1p62)).isTrue();
    assertThat(Values.isWholeLong(-0.0)).isTrue();
    assertThat(Values.isWholeLong(1.5)).isFalse();
    assertThat(Values.isWholeLong(Double.NaN)).isFalse();
    assertThat(Values.isWholeLong(Double.NEGATIVE_INFINITY)).isFalse();
  }

  private static final Attribute<Long> AGE = Attribute.integer("age");
  private static final Attribute<Double> BALANCE = Attribute.number("balance");

  @Test
  void compareLiterals_isTheOneOrderOfLiterals_exactAcrossNumberTypes_byCodePoint() {
    long big = (1L << 53) + 1; // not a double
    assertThat(Values.compareLiterals(big, (double) (1L << 53))).isEqualTo(1);
    assertThat(Values.compareLiterals(3L, 3.0)).isZero();
    // U+1F600 sorts after U+FFFD by code point (UTF-16 units would put it first).
    assertThat(Values.compareLiterals("\uD83D\uDE00", "\uFFFD")).isEqualTo(1);
    assertThat(
            Values.compareLiterals(
                java.time.LocalDate.of(2026, 1, 2), java.time.LocalDate.of(2026, 1, 1)))
        .isEqualTo(1);
    assertThat(Values.compareLiterals(false, true)).isEqualTo(-1);
    assertThat(Values.comparableLiterals("3", 3L)).isFalse();
    assertThatThrownBy(() -> Values.compareLiterals("3", 3L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different kinds");
  }

  @Test
  void canonical_integer_acceptsIntegralNumbersAsLong() {
    assertThat(Values.canonical("c", AGE, 3)).isEqualTo(3L);
    assertThat(Values.canonical("c", AGE, (short) 3)).isEqualTo(3L);
    assertThat(Values.canonical("c", AGE, BigInteger.valueOf(Long.MAX_VALUE)))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(Values.canonical("c", AGE, 3.0)).isEqualTo(3L);
    assertThat(Values.canonical("c", AGE, null)).isNull();
  }

  @Test
  void canonical_integerFromFractionOrHugeNumber_namesCustomerAndAttribute() {
    for (Object bad : List.of(3.5, BigInteger.ONE.shiftLeft(64), 1e19, "3")) {
      assertThatThrownBy(() -> Values.canonical("cust-9", AGE, bad))
          .isInstanceOf(InvalidDataException.class)
          .hasMessageStartingWith("customer \"cust-9\", attribute \"age\": ")
          .satisfies(e -> assertThat(((InvalidDataException) e).attribute()).isEqualTo("age"));
    }
  }

  @Test
  void canonical_nanAndInfinity_areRejected() {
    assertThatThrownBy(() -> Values.canonical("c", BALANCE, Double.NaN))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("NaN is not a value");
    assertThatThrownBy(() -> Values.canonical("c", BALANCE, Float.POSITIVE_INFINITY))
        .hasMessageContaining("infinity");
    assertThatThrownBy(() -> Values.canonical("c", AGE, Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void canonical_number_acceptsAnyFiniteNumberAsDouble() {
    assertThat(Values.canonical("c", BALANCE, 3L)).isEqualTo(3.0);
    assertThat(Values.canonical("c", BALANCE, new BigDecimal("0.5"))).isEqualTo(0.5);
  }

  @Test
  void canonical_stringSet_copiesCollectionsOfStringsOnly() {
    Attribute<Set<String>> tags = Attribute.stringSet("tags");
    assertThat(Values.canonical("c", tags, List.of("a", "b", "a")))
        .isEqualTo(ImmutableSet.of("a", "b"));
    ImmutableSet<String> set = ImmutableSet.of("x");
    assertThat(Values.canonical("c", tags, set)).isSameAs(set);
    assertThatThrownBy(() -> Values.canonical("c", tags, List.of("a", 1)))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("\"tags\"");
    assertThatThrownBy(() -> Values.canonical("c", tags, Arrays.asList("a", null)))
        .isInstanceOf(InvalidDataException.class);
  }

  @Test
  void canonical_wrongType_saysWhatWasExpectedAndGot() {
    assertThatThrownBy(() -> Values.canonical("c", Attribute.string("name"), 42))
        .hasMessage("customer \"c\", attribute \"name\": expected a string, got Integer \"42\"");
    assertThatThrownBy(() -> Values.canonical("c", Attribute.integer("age"), "x"))
        .hasMessage("customer \"c\", attribute \"age\": expected an integer, got String \"x\"");
  }

  @Test
  void compareNumbers_acrossTypes_isExact() {
    assertThat(Values.compareNumbers(3L, 3.0)).isZero();
    assertThat(Values.compareNumbers(3.0, 3)).isZero();
    assertThat(Values.compareNumbers((1L << 53) + 1, 0x1p53)).isPositive();
    assertThat(Values.compareNumbers(-0.0, 0.0)).isZero();
    assertThat(Values.compareNumbers(Long.MAX_VALUE, 0x1p63)).isNegative();
  }

  /** compare(long, double) agrees with exact decimal arithmetic. */
  @Property(tries = 1000)
  void compare_longWithDouble_agreesWithBigDecimal(@ForAll("pairs") long[] pair) {
    long l = pair[0];
    double d = Double.longBitsToDouble(pair[1]);
    int expected = new BigDecimal(l).compareTo(new BigDecimal(d));
    assertThat(Integer.signum(Values.compare(l, d))).isEqualTo(expected);
  }

  @Provide
  Arbitrary<long[]> pairs() {
    Arbitrary<Long> longs =
        Arbitraries.oneOf(
            Arbitraries.longs(),
            Arbitraries.longs().between(-1000, 1000),
            Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, (1L << 53) + 1, -(1L << 53) - 1, 0L));
    return Combinators.combine(longs, Arbitraries.integers().between(0, 4), Arbitraries.doubles())
        .as(
            (l, how, random) -> {
              double d;
              switch (how) {
                case 0:
                  d = (double) l;
                  break;
                case 1:
                  d = Math.nextUp((double) l);
                  break;
                case 2:
                  d = Math.nextDown((double) l);
                  break;
                case 3:
                  d = l + 0.5;
                  break;
                default:
                  d = Double.isFinite(random) ? random : 0.0;
              }
              return new long[] {l, Double.doubleToRawLongBits(d)};
            });
  }
}
