package dev.segmentation.spark;

import static org.apache.spark.sql.functions.col;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The four quintile boundaries of a numeric column by the nearest-rank method, computed by Spark:
 * the value at rank {@code ceil(p * n)} of the sorted values, for {@code p} = 0.2, 0.4, 0.6 and 0.8
 * (as {@code RfmFit}). Spark sorts the column across the cluster (a range-partitioned sort), counts
 * each partition's rows to number them, and returns only the four values at those ranks.
 *
 * <p>Exact, unlike {@code percentile_approx}; and unlike {@code percentile_disc} or {@code
 * percentile}, it neither computes a rank in floating point nor gathers every distinct value in one
 * task.
 */
final class Quintiles {
  private Quintiles() {}

  /**
   * The boundaries of {@code column} (BIGINT or DOUBLE, no NULL) over {@code rows}, which holds
   * {@code n} rows, as doubles.
   */
  static ImmutableList<Double> of(Dataset<Row> rows, String column, long n) {
    assert n > 0;
    long[] ranks = new long[4]; // 0-based positions in the sorted values
    for (int q = 1; q <= 4; q++) {
      ranks[q - 1] = Math.max(ceilDiv(q * n, 5), 1) - 1;
    }
    List<Tuple2<Long, Double>> found =
        rows.select(col(column).cast("double"))
            .sort(col(column))
            .javaRDD()
            .zipWithIndex()
            .filter(t -> Arrays.binarySearch(ranks, t._2()) >= 0)
            .map(t -> new Tuple2<>(t._2(), t._1().getDouble(0)))
            .collect();
    double[] byRank = new double[4];
    for (Tuple2<Long, Double> t : found) {
      for (int i = 0; i < 4; i++) {
        if (ranks[i] == t._1()) {
          byRank[i] = t._2();
        }
      }
    }
    return ImmutableList.of(byRank[0], byRank[1], byRank[2], byRank[3]);
  }

  /** {@code ceil(a / b)} for {@code a >= 0}, {@code b > 0}, in exact integer arithmetic. */
  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
