package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DiffBenchmarkTest {

  @Test
  void secondDayLayouts_keepTheSize_dropOneInAHundred_andShuffleTheSameSet() {
    int n = 10_000;
    long[] same = DiffBenchmark.secondDay(n, DiffBenchmark.Layout.SAME_ORDER);
    long[] appended = DiffBenchmark.secondDay(n, DiffBenchmark.Layout.DROPPED_AND_APPENDED);
    long[] shuffled = DiffBenchmark.secondDay(n, DiffBenchmark.Layout.SHUFFLED);
    assertThat(same).isEqualTo(LongStream.range(0, n).toArray());
    assertThat(appended).hasSize(n).doesNotHaveDuplicates();
    assertThat(Arrays.stream(appended).filter(i -> i >= n).count()).isEqualTo(n / 100);
    assertThat(appended).doesNotContain(7L, 107L).contains(0L, 8L, (long) n);
    assertThat(shuffled).isNotEqualTo(appended).containsExactlyInAnyOrder(appended);
  }
}
