package dev.segmentation.benchmarks;

import dev.segmentation.model.EventType;
import dev.segmentation.segment.Catalog;
import dev.segmentation.spark.SegmentCounts;
import dev.segmentation.spark.SparkSegmentation;
import dev.segmentation.sql.Dialect;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark side of {@link SqlBenchmark}: the generated customers written as Parquet (loaded into
 * DuckDB as for the DuckDB side, then {@code COPY ... (FORMAT PARQUET)}), read by a local Spark
 * ({@code local[threads]}, bound to the loopback address, no UI) and counted by {@link
 * SparkSegmentation#counts}. Each count reads the files again, as a Spark job over a data lake
 * does; the first read's file listing and schema are kept in the datasets.
 */
final class SparkContestant extends SqlBenchmark.Contestant {
  private final SparkSession spark;
  private final SparkSegmentation segmentation;
  private final Dataset<Row> customers;
  private final Map<String, Dataset<Row>> events = new HashMap<>();
  private final int segments;
  private final Path dir;

  private SparkContestant(Catalog catalog, Path dir, int threads) {
    this.dir = dir;
    this.segments = catalog.segments().size();
    this.spark =
        SparkSession.builder()
            .appName("segmentation SqlBenchmark")
            .master("local[" + threads + "]")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", Integer.toString(8 * threads))
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    this.segmentation = SparkSegmentation.of(catalog, Population.schema());
    this.customers = spark.read().parquet(dir.resolve("customers.parquet").toString());
    for (EventType type : Population.schema().eventTypes().values()) {
      events.put(
          type.name(),
          spark.read().parquet(dir.resolve("events_" + type.name() + ".parquet").toString()));
    }
  }

  /** Writes the first {@code n} generated customers as Parquet and starts Spark over them. */
  static SparkContestant start(Catalog catalog, int n, int threads)
      throws SQLException, IOException {
    Path dir = Files.createTempDirectory("segmentation-spark-bench");
    try (Connection duck = DuckDbTables.load(n, threads);
        Statement s = duck.createStatement()) {
      s.execute(copy("customers", dir));
      for (EventType type : Population.schema().eventTypes().values()) {
        s.execute(copy("events_" + type.name(), dir));
      }
    }
    return new SparkContestant(catalog, dir, threads);
  }

  private static String copy(String table, Path dir) {
    return "COPY "
        + Dialect.DUCKDB.identifier(table)
        + " TO "
        + Dialect.DUCKDB.literal(dir.resolve(table + ".parquet").toString())
        + " (FORMAT PARQUET)";
  }

  @Override
  long[] counts() {
    SegmentCounts counts = segmentation.counts(customers, events, Population.CONTEXT);
    long[] out = new long[segments];
    int i = 0;
    for (long n : counts.members().values()) {
      out[i++] = n;
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    spark.stop();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new SQLException("could not delete " + dir, e);
    }
  }
}
