package dev.segmentation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactSum} is the exact sum rounded once to the nearest double (ties to even), checked
 * against BigDecimal arithmetic, and so the same in every order of the terms.
 */
class ExactSumProperties {

  /** Doubles of every magnitude and sign, cents, subnormals and the extremes. */
  @Provide
  Arbitrary<List<Double>> terms() {
    Arbitrary<Double> any =
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
    Arbitrary<Double> cents = Arbitraries.integers().between(-100_000, 100_000).map(c -> c / 100.0);
    Arbitrary<Double> special =
        Arbitraries.of(
            0.0,
            -0.0,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Double.MIN_NORMAL,
            1e16,
            1.0,
            0.1,
            0x1p53,
            0x1p-1022 - Double.MIN_VALUE);
    return Arbitraries.frequencyOf(
            com.google.common.collect.Lists.newArrayList(
                net.jqwik.api.Tuple.of(3, cents),
                net.jqwik.api.Tuple.of(2, any),
                net.jqwik.api.Tuple.of(1, special)))
        .list()
        .ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Long>> longs() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 1L << 53, (1L << 53) + 1))
        .as((a, b) -> a % 3 == 0 ? b : a)
        .list()
        .ofMaxSize(20);
  }

  static BigDecimal exact(List<Double> doubles, List<Long> longs) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double d : doubles) {
      sum = sum.add(new BigDecimal(d));
    }
    for (long l : longs) {
      sum = sum.add(BigDecimal.valueOf(l));
    }
    return sum;
  }

  /** Whether {@code r} is the double nearest to {@code exact}, ties to an even mantissa. */
  static boolean isNearest(double r, BigDecimal exact) {
    if (Double.isInfinite(r)) {
      // IEEE rounds to infinity at and beyond MAX_VALUE + half an ulp.
      BigDecimal limit =
          new BigDecimal(Double.MAX_VALUE).add(new BigDecimal(Math.ulp(Double.MAX_VALUE) / 2));
      return exact.abs().compareTo(limit) >= 0 && (r > 0) == (exact.signum() > 0);
    }
    BigDecimal error = exact.subtract(new BigDecimal(r)).abs();
    for (double neighbour : new double[] {Math.nextUp(r), Math.nextDown(r)}) {
      if (Double.isInfinite(neighbour)) {
        continue;
      }
      int c = error.compareTo(exact.subtract(new BigDecimal(neighbour)).abs());
      if (c > 0 || (c == 0 && (Double.doubleToRawLongBits(Math.abs(r)) & 1) != 0)) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 2000)
  void doubleValue_isTheExactSumRoundedOnce_inEveryOrder(
      @ForAll("terms") List<Double> doubles, @ForAll("longs") List<Long> longs, @ForAll long seed) {
    ExactSum sum = new ExactSum();
    doubles.forEach(sum::add);
    longs.forEach(sum::add);
    double r = sum.doubleValue();
    BigDecimal exact = exact(doubles, longs);
    assertThat(isNearest(r, exact)).as("%s for %s", r, exact).isTrue();
    if (doubles.isEmpty()
        && exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && exact.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
      assertThat(sum.isLong()).isTrue();
      assertThat(sum.longValue()).isEqualTo(exact.longValueExact());
    }
    List<Double> shuffled = new ArrayList<>(doubles);
    Collections.shuffle(shuffled, new Random(seed));
    sum.reset();
    longs.forEach(sum::add);
    shuffled.forEach(sum::add);
    assertThat(sum.doubleValue()).isEqualTo(r);
    assertThat(sum.doubleValue()).as("doubleValue leaves the sum unchanged").isEqualTo(r);
  }

  /**
   * Ties and the bits far below them: a sum exactly halfway between two doubles goes to the even
   * one, and a set bit anywhere under the half, however far (a "sticky" bit, in another digit of
   * the sum than the half), or a missing one, decides it.
   */
  @Test
  void ties_roundToEven_andAnyLowerBitBreaksThem() {
    double[][] sums = {
      {1.0, 0x1p-53}, // a tie, even below: 1.0
      {1.0, 0x1p-53, 0x1p-100}, // above the tie by a far bit: up
      {1.0, 0x1p-53, -0x1p-100}, // below it by a far bit: down
      {1.0 + 0x1p-52, 0x1p-53}, // a tie, odd below: up to even
      {1.0 + 0x1p-52, 0x1p-53, -0x1p-1074}, // below the tie by the least double: down
      {0x1p60, 0x1p7}, // a tie at 2^60 (half an ulp is 2^7)
      {0x1p60, 0x1p7, 0x1p-1000}, // broken by a bit a thousand places under
      {0x1p60, 0x1p7, 0x1p-1074},
      {-0x1p60, -0x1p7, -0x1p-1074},
      {1.0, 0x1p-54, 0x1p-54} // two quarters make the tie
    };
    double[] expected = {
      1.0,
      Math.nextUp(1.0),
      1.0,
      1.0 + 0x1p-51,
      1.0 + 0x1p-52,
      0x1p60,
      Math.nextUp(0x1p60),
      Math.nextUp(0x1p60),
      -Math.nextUp(0x1p60),
      1.0
    };
    for (int i = 0; i < sums.length; i++) {
      ExactSum sum = new ExactSum();
      for (double x : sums[i]) {
        sum.add(x);
      }
      assertThat(sum.doubleValue()).as(java.util.Arrays.toString(sums[i])).isEqualTo(expected[i]);
    }
  }

  @Test
  void theIssuesExample_is300InEveryOrder() {
    double[][] orders = {{98.66, 173.68, 27.66}, {27.66, 98.66, 173.68}, {173.68, 98.66, 27.66}};
    for (double[] order : orders) {
      ExactSum sum = ExactSum.acquire();
      try {
        for (double x : order) {
          sum.add(x);
        }
        assertThat(sum.doubleValue()).isEqualTo(300.0);
      } finally {
        sum.release();
      }
    }
  }

  @Test
  void cancellation_largeAndSmallTerms_keepEveryBit() {
    ExactSum sum = new ExactSum();
    sum.add(1e300);
    sum.add(Double.MIN_VALUE);
    sum.add(-1e300);
    assertThat(sum.doubleValue()).isEqualTo(Double.MIN_VALUE);
    sum.reset();
    sum.add(Long.MAX_VALUE);
    sum.add(1L);
    sum.add(-1L);
    assertThat(sum.isLong()).isTrue();
    assertThat(sum.longValue()).isEqualTo(Long.MAX_VALUE);
    sum.add(1L);
    assertThat(sum.isLong()).isFalse();
    assertThat(sum.doubleValue()).isEqualTo(0x1p63);
    sum.add(0.5);
    assertThat(sum.doubleValue()).isEqualTo(0x1p63);
    sum.reset();
    sum.add(Double.MAX_VALUE);
    sum.add(Double.MAX_VALUE);
    assertThat(sum.doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    sum.add(-Double.MAX_VALUE);
    assertThat(sum.doubleValue()).isEqualTo(Double.MAX_VALUE);
  }
}
