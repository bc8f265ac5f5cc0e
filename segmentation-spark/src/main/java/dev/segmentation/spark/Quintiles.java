package dev.segmentation.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * The values at given ranks of numeric columns' sorted values, computed by Spark: RFM's cut points,
 * at the nearest ranks of {@link dev.segmentation.segment.RfmModel#cutRanks}. The columns are
 * stacked into one (column number, value) dataset, which Spark sorts across the cluster (a
 * range-partitioned sort) and numbers from per-partition counts ({@code zipWithIndex}); the values
 * at rank {@code j} of column {@code k} is then the one at position {@code k * n + j - 1}, and only
 * those come back to the driver.
 *
 * <p>Exact, unlike {@code percentile_approx}; and unlike {@code percentile_disc} or {@code
 * percentile}, it neither computes a rank in floating point nor gathers every distinct value in one
 * task.
 */
final class Quintiles {
  private Quintiles() {}

  /**
   * The values at {@code ranks} (1-based, ascending, each at most {@code n}) of each of {@code
   * columns} (numbers, no NULL) sorted, over {@code rows}, which holds {@code n} rows, as doubles,
   * in the order of {@code columns}.
   */
  static List<List<Double>> of(Dataset<Row> rows, long n, long[] ranks, String... columns) {
    assert n > 0;
    int r = ranks.length;
    long[] positions = new long[r * columns.length]; // ascending: column by column
    Dataset<Row> stacked = null;
    for (int k = 0; k < columns.length; k++) {
      for (int q = 0; q < r; q++) {
        assert ranks[q] >= 1 && ranks[q] <= n && (q == 0 || ranks[q - 1] <= ranks[q]);
        positions[r * k + q] = k * n + ranks[q] - 1;
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
    List<List<Double>> out = new ArrayList<>();
    for (int k = 0; k < columns.length; k++) {
      out.add(Arrays.stream(byPosition, r * k, r * k + r).boxed().toList());
    }
    return out;
  }
}
