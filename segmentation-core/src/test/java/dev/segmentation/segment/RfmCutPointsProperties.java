package dev.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.EventWindow;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

/**
 * The fitting rule of RFM cut points ({@link RfmModel#cutRanks}, {@link RfmModel#fittedTo}), the
 * one every backend uses, checked against the definition of the nearest-rank percentile rather than
 * its formula: the cut point of quintile {@code q} of {@code n} values is the smallest value {@code
 * v} of the input with at least {@code q * n / 5} values at or below it.
 */
class RfmCutPointsProperties {
  private static final List<Double> ANY = List.of(0.0, 1.0, 2.0, 3.0);
  private static final RfmModel DRAFT =
      new RfmModel("rfm", "", "purchase", "amount", EventWindow.ever(), ANY, ANY, ANY);

  /** Finite values with many ties (small whole numbers) mixed with arbitrary ones. */
  @Provide
  Arbitrary<double[]> values() {
    Arbitrary<Double> value =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 12).map(i -> (double) i)),
            Tuple.of(1, Arbitraries.doubles().between(-1e12, 1e12)));
    return value.list().ofMinSize(1).ofMaxSize(120).map(l -> toArray(l));
  }

  private static double[] toArray(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Property(tries = 500)
  void cutPoints_areValuesOfTheInput_nonDecreasing_andNearestRank(
      @ForAll("values") double[] values) {
    RfmModel fitted = DRAFT.fittedTo(values, values, values);
    List<Double> cuts = fitted.recencyCuts();
    assertThat(fitted.frequencyCuts()).isEqualTo(cuts);
    assertThat(fitted.monetaryCuts()).isEqualTo(cuts);
    assertThat(cuts).hasSize(4).isSorted();
    int n = values.length;
    for (int q = 1; q <= 4; q++) {
      double v = cuts.get(q - 1);
      assertThat(Arrays.stream(values).anyMatch(x -> x == v)).as("a value of the input").isTrue();
      long atOrBelow = Arrays.stream(values).filter(x -> x <= v).count();
      long below = Arrays.stream(values).filter(x -> x < v).count();
      assertThat(atOrBelow * 5).as("quintile %d reached at %s", q, v).isGreaterThanOrEqualTo(q * n);
      assertThat(below * 5).as("quintile %d not reached below %s", q, v).isLessThan(q * n);
    }
  }

  @Property(tries = 200)
  void cutPoints_doNotDependOnTheOrderOfTheValues(@ForAll("values") double[] values) {
    List<Double> shuffled = Arrays.stream(values).boxed().collect(Collectors.toList());
    Collections.shuffle(shuffled, new Random(values.length));
    double[] other = toArray(shuffled);
    assertThat(DRAFT.fittedTo(other, other, other))
        .isEqualTo(DRAFT.fittedTo(values, values, values));
  }

  @Property(tries = 1000)
  void cutRanks_areTheNearestRanks(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long n) {
    long[] ranks = DRAFT.cutRanks(n);
    assertThat(ranks).hasSize(4);
    for (int q = 1; q <= 4; q++) {
      long rank = ranks[q - 1];
      assertThat(rank).isBetween(1L, n);
      // The smallest rank whose share of the population reaches q fifths.
      assertThat(Math.multiplyExact(rank, 5)).isGreaterThanOrEqualTo(Math.multiplyExact(q, n));
      assertThat(Math.multiplyExact(rank - 1, 5)).isLessThan(Math.multiplyExact(q, n));
    }
  }

  @Example
  void fittedTo_tenValues_takesRanks2468_andKeepsTheDraftsNameAndWindow() {
    double[] r = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    double[] f = {1, 1, 1, 1, 1, 1, 1, 1, 2, 9};
    double[] m = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5};
    RfmModel fitted = DRAFT.fittedTo(r, f, m);
    assertThat(DRAFT.cutRanks(10)).containsExactly(2, 4, 6, 8);
    assertThat(fitted.recencyCuts()).containsExactly(2.0, 4.0, 6.0, 8.0);
    assertThat(fitted.frequencyCuts()).containsExactly(1.0, 1.0, 1.0, 1.0);
    assertThat(fitted.monetaryCuts()).containsExactly(1.5, 3.5, 5.5, 7.5);
    assertThat(fitted.withCutPoints(ANY, ANY, ANY)).isEqualTo(DRAFT);
  }

  @Example
  void fittedTo_oneCustomer_allFourCutPointsAreItsValues() {
    RfmModel fitted = DRAFT.fittedTo(new double[] {3}, new double[] {1}, new double[] {9.5});
    assertThat(DRAFT.cutRanks(1)).containsExactly(1, 1, 1, 1);
    assertThat(fitted.monetaryCuts()).containsExactly(9.5, 9.5, 9.5, 9.5);
  }

  @Example
  void fittedTo_noCustomer_sayThereIsNothingToFit() {
    double[] none = {};
    assertThatThrownBy(() -> DRAFT.fittedTo(none, none, none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no customer has a \"purchase\" event in the window; cannot fit RFM \"rfm\"");
  }

  @Example
  void fittedTo_badValues_areRefusedByName() {
    assertThatThrownBy(
            () -> DRAFT.fittedTo(new double[] {1}, new double[] {1, 2}, new double[] {1}))
        .hasMessage(
            "RFM model \"rfm\": one recency, frequency and monetary value per customer, got 1, 2"
                + " and 1");
    double[] nan = {1, Double.NaN};
    assertThatThrownBy(() -> DRAFT.fittedTo(nan, nan, nan))
        .hasMessage("RFM model \"rfm\": cannot fit on a value that is not finite");
    assertThatThrownBy(() -> DRAFT.cutRanks(-1))
        .hasMessage("the population of RFM \"rfm\" cannot be negative, got -1");
  }
}
