package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.segment.Catalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The SQL benchmark's answers: on the first 20,000 generated customers, loaded into DuckDB through
 * the benchmark's CSV path, the counts query gives every segment of the 100-segment catalog the
 * same member count as the columnar engine, on one thread and two; so does Spark on {@code
 * local[2]} over those tables written as Parquet.
 */
class SqlBenchmarkTest {

  private static final int N = 20_000;

  @Test
  void duckDbAndColumnar_hundredSegmentCatalog_sameCounts() throws Exception {
    Catalog catalog = Catalogs.catalog(Catalogs.BATCH_SIZE, CatalogBenchmark.CATALOG_SEED);
    long[] expected =
        SqlBenchmark.Contestant.columnar(
                ColumnarEngine.compile(catalog, Population.schema()),
                Population.generate(N).table(),
                2)
            .counts();
    for (int threads = 1; threads <= 2; threads++) {
      try (SqlBenchmark.Contestant duck =
          SqlBenchmark.Contestant.duckDb(catalog, DuckDbTables.load(N, threads))) {
        assertThat(duck.counts()).as("DuckDB on %d threads", threads).containsExactly(expected);
      }
    }
    try (SqlBenchmark.Contestant spark = SparkContestant.start(catalog, N, 2)) {
      assertThat(spark.counts()).as("Spark on local[2]").containsExactly(expected);
    }
    int nonEmpty = 0;
    for (long c : expected) {
      nonEmpty += c > 0 && c < N ? 1 : 0;
    }
    assertThat(nonEmpty).as("segments neither empty nor full").isGreaterThan(50);
  }

  @Test
  void duckDbTables_load_holdsEveryCustomerAndPurchase() throws Exception {
    Population population = Population.generate(1_000);
    long purchases = population.table().eventCount("purchase");
    try (Connection c = DuckDbTables.load(1_000, 1);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM"
                    + " events_purchase), (SELECT count(*) FROM customers WHERE tags IS NOT NULL"
                    + " AND len(tags) > 1)")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1_000);
      assertThat(rs.getLong(2)).isEqualTo(purchases);
      assertThat(rs.getLong(3)).as("customers with two tags or more").isPositive();
    }
  }
}
