package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * {@link ScoreCounts} counts as a {@code TreeMap<Double, Long>} does: the same distinct values (by
 * {@link Double#compare}), in the same ascending order, with the same counts.
 */
class ScoreCountsProperties {

  @Property(tries = 300)
  void add_sameAsATreeMap(@ForAll @Size(max = 2000) List<@From("scores") Double> values) {
    ScoreCounts counts = new ScoreCounts();
    Map<Double, Long> model = new TreeMap<>();
    for (int i = 0; i < values.size(); i++) {
      counts.add(values.get(i));
      model.merge(values.get(i), 1L, Long::sum);
      if (i % 97 == 0) { // read in between: the view made then must not stay when more come
        assertSame(counts, model);
      }
    }
    assertSame(counts, model);
  }

  private static void assertSame(ScoreCounts counts, Map<Double, Long> model) {
    assertThat(counts.size()).isEqualTo(model.size());
    double[] values = counts.values();
    long[] n = counts.counts();
    int i = 0;
    for (Map.Entry<Double, Long> e : model.entrySet()) {
      assertThat(Double.compare(values[i], e.getKey())).as("value %d", i).isZero();
      assertThat(n[i]).as("count of %s", e.getKey()).isEqualTo(e.getValue());
      i++;
    }
  }

  /**
   * Few distinct values (as scores are: sums of a rule's points), whole numbers that differ only in
   * high bits, both zeros, NaNs with other bits, infinities, and any double.
   */
  @Provide
  Arbitrary<Double> scores() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.of(0.0, 10.0, 25.0, 35.0, 50.0, 60.0, 100.0)),
        Tuple.of(2, Arbitraries.longs().between(-1000, 1_000_000).map(l -> l * 1.0)),
        Tuple.of(
            1,
            Arbitraries.of(
                -0.0,
                0.0,
                Double.NaN,
                Double.longBitsToDouble(0x7ff8000000000123L),
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE)),
        Tuple.of(1, Arbitraries.doubles()));
  }
}
