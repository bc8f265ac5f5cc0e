package dev.segmentation.sql;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The differential test of the compiled SQL against the row engine, on real databases: DuckDB in
 * process and an embedded PostgreSQL server, over the random schemas, catalogs and customers of the
 * engines' differential test. Every case compares every segment, score, tier and RFM segment of
 * every customer, and the counts query. Cases the compiler refuses for a dialect (an RE2 feature
 * PostgreSQL lacks, an anniversary of a timestamp in a zone with daylight saving) are counted by
 * reason and replaced by further seeds until the wanted number of cases has been compared.
 *
 * <p>Run more: {@code -Dsql.differential.duckdb=5000 -Dsql.differential.postgres=1000}; one seed:
 * {@code -Dsql.differential.seed=123}. On a difference a reproducer is written to {@code
 * target/sql-differential/<dialect>/<seed>/}, with only the differing customers when they alone
 * still differ.
 */
class SqlDifferentialTest {
  private static final String ONE_SEED = System.getProperty("sql.differential.seed");
  private static final int THREADS = 2;
  private static final Path OUTPUT = Path.of("target", "sql-differential");

  @Test
  void duckdb_everySegmentScoreTierAndCount_equalsTheRowEngine() throws Exception {
    run(Dialect.DUCKDB, Integer.getInteger("sql.differential.duckdb", 1_000));
  }

  @Test
  void postgres_everySegmentScoreTierAndCount_equalsTheRowEngine() throws Exception {
    run(Dialect.POSTGRES, Integer.getInteger("sql.differential.postgres", 200));
  }

  private static void run(Dialect dialect, int wanted) throws Exception {
    DifferentialRun.run(
        dialect.displayName(),
        seed -> SqlCase.generate(seed, dialect),
        wanted,
        ONE_SEED,
        OUTPUT.resolve(dialect.externalName()),
        THREADS);
  }
}
