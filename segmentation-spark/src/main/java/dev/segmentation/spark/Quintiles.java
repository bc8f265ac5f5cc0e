package dev.segmentation.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * The four quintile boundaries of numeric columns by the nearest-rank method, computed by Spark:
 * the value at rank {@code ceil(p * n)} of each column's sorted values, for {@code p} = 0.2, 0.4,
 * 0.6 and 0.8 (as {@code RfmFit}). The columns are stacked into one (column number, value) dataset,
 * which Spark sorts across the cluster (a range-partitioned sort) and numbers from per-partition
 * counts ({@code zipWithIndex}); the values at rank {@code j} of column {@code k} is then the one
 * at position {@code k * n + j - 1}, and only those come back to the driver.
 *
 * <p>Exact, unlike {@code percentile_approx}; and unlike {@code percentile_disc} or {@code
 * percentile}, it neither computes a rank in floating point nor gathers every distinct value in one
 * task.
 */
final class Quintiles {
  private Quintiles() {}

  /**
   * The boundaries of each of {@code columns} (numbers, no NULL) over {@code rows}, which holds
   * {@code n} rows, as doubles, in the order of {@code columns}.
   */
  static List<ImmutableList<Double>> of(Dataset<Row> rows, long n, String... columns) {
    assert n > 0;
    long[] positions = new long[4 * columns.length]; // ascending: column by column
    Dataset<Row> stacked = null;
    for (int k = 0; k < columns.length; k++) {
      for (int q = 1; q <= 4; q++) {
        long rank = Math.max(ceilDiv(q * n, 5), 1);
        positions[4 * k + q - 1] = k * n + rank - 1;
      }
      Dataset<Row> values =
          rows.select(lit(k).as("k"), col(columns[k]).cast(DataTypes.DoubleType).as("v"));
      stacked = stacked == null ? values : stacked.union(values);
    }
    List<Tuple2<Long, Double>> found =
        stacked
            .sort(col("k"), col("v"))
            .javaRDD()
            .zipWithIndex()
            .filter(t -> Arrays.binarySearch(positions, t._2()) >= 0)
            .map(t -> new Tuple2<>(t._2(), t._1().getDouble(1)))
            .collect();
    double[] byPosition = new double[positions.length];
    for (Tuple2<Long, Double> t : found) {
      for (int i = 0; i < positions.length; i++) {
        if (positions[i] == t._1()) {
          byPosition[i] = t._2();
        }
      }
    }
    List<ImmutableList<Double>> out = new ArrayList<>();
    for (int k = 0; k < columns.length; k++) {
      out.add(
          ImmutableList.of(
              byPosition[4 * k],
              byPosition[4 * k + 1],
              byPosition[4 * k + 2],
              byPosition[4 * k + 3]));
    }
    return out;
  }

  /** {@code ceil(a / b)} for {@code a >= 0}, {@code b > 0}, in exact integer arithmetic. */
  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
