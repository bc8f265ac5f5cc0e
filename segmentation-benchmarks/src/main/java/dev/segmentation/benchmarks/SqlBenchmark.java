package dev.segmentation.benchmarks;

import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.segment.Catalog;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.SqlCompiler;
import dev.segmentation.sql.SqlQuery;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warehouse question: the 100-segment catalog's member counts computed by {@code
 * segmentation-sql}'s counts query in an in-process DuckDB, next to the columnar engine's
 * count-only path ({@link ColumnarCatalog#counts}) over the same generated customers, on the same
 * number of threads, and by {@code segmentation-spark} on a local Spark over Parquet files of the
 * same customers ({@link SparkContestant}). Loading (DuckDB: generated customers through CSV into
 * the tables, see {@link DuckDbTables}; Spark: those tables written as Parquet by DuckDB; columnar:
 * the table built from the generator) is done once per trial and never measured; only the query and
 * the evaluation are (for Spark, reading the Parquet files too: Spark keeps no table between
 * queries).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
public class SqlBenchmark {

  /** Who computes the counts. */
  public enum Engine {
    /** The counts query of {@code segmentation-sql} in an in-process, in-memory DuckDB. */
    DUCKDB,
    /** The library's columnar engine, count-only path. */
    COLUMNAR,
    /**
     * {@code segmentation-spark} on a local Spark ({@code local[threads]}) over Parquet files of
     * the same customers: Spark as it is used, reading a data lake, with the files in the page
     * cache.
     */
    SPARK
  }

  @Param({"1000000", "10000000"})
  public int customers;

  @Param({"DUCKDB", "COLUMNAR", "SPARK"})
  public Engine engine;

  @Param({"1", "2"})
  public int threads;

  private Contestant contestant;

  @Setup(Level.Trial)
  public void prepare() throws SQLException, IOException {
    long start = System.nanoTime();
    Catalog catalog = Catalogs.catalog(Catalogs.BATCH_SIZE, CatalogBenchmark.CATALOG_SEED);
    contestant =
        switch (engine) {
          case DUCKDB -> Contestant.duckDb(catalog, customers, threads);
          case COLUMNAR -> Contestant.columnar(catalog, customers, threads);
          case SPARK -> SparkContestant.start(catalog, customers, threads);
        };
    // Not measured by JMH: printed into the log.
    System.out.printf(
        Locale.ROOT,
        "%n%s: %,d customers loaded in %.1f s%n",
        engine,
        customers,
        (System.nanoTime() - start) / 1e9);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    contestant.close();
  }

  /** Every segment's member count. */
  @Benchmark
  public long[] counts() throws SQLException {
    return contestant.counts();
  }

  /** One side of the comparison, loaded: computes the member count of every segment. */
  abstract static class Contestant implements AutoCloseable {

    /** The member count of each segment of the catalog, in catalog order. */
    abstract long[] counts() throws SQLException;

    @Override
    public void close() throws SQLException {}

    static Contestant columnar(Catalog catalog, int customers, int threads) {
      CustomerTable table = CatalogBenchmark.table(customers);
      ColumnarCatalog compiled = ColumnarEngine.compile(catalog, Population.schema());
      return columnar(compiled, table, threads);
    }

    static Contestant columnar(ColumnarCatalog compiled, CustomerTable table, int threads) {
      return new Contestant() {
        @Override
        long[] counts() {
          return compiled.counts(table, Population.CONTEXT, threads);
        }
      };
    }

    static Contestant duckDb(Catalog catalog, int customers, int threads)
        throws SQLException, IOException {
      return duckDb(catalog, DuckDbTables.load(customers, threads));
    }

    /** Runs the counts query over the connection's tables; closes the connection when closed. */
    static Contestant duckDb(Catalog catalog, Connection connection) {
      SqlQuery query =
          SqlCompiler.of(catalog, Population.schema(), Dialect.DUCKDB, Mapping.defaults())
              .countsQuery(Population.CONTEXT);
      int segments = catalog.segments().size();
      return new Contestant() {
        @Override
        long[] counts() throws SQLException {
          long[] counts = new long[segments];
          try (Statement s = connection.createStatement();
              ResultSet rs = s.executeQuery(query.sql())) {
            rs.next();
            // Column 1 is the number of customers, then one count per segment.
            for (int i = 0; i < segments; i++) {
              counts[i] = rs.getLong(i + 2);
            }
          }
          return counts;
        }

        @Override
        public void close() throws SQLException {
          connection.close();
        }
      };
    }
  }
}
