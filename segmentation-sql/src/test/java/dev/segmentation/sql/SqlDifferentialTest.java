package dev.segmentation.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    List<Long> seeds = new ArrayList<>();
    if (ONE_SEED != null) {
      seeds.add(Long.parseLong(ONE_SEED.trim()));
    }
    Map<SqlCase.Outcome, Integer> outcomes = new EnumMap<>(SqlCase.Outcome.class);
    Map<String, Integer> refusals = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    // Two cases at a time, each on a connection of its own; results are per seed, so the order in
    // which they finish does not matter.
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CompletionService<Object[]> done = new ExecutorCompletionService<>(pool);
    long next = 1;
    int inFlight = 0;
    int compared = 0;
    try {
      while (true) {
        boolean more =
            ONE_SEED != null
                ? !seeds.isEmpty()
                : compared + inFlight < wanted && next <= 4L * wanted;
        if (more && inFlight < THREADS) {
          long s = ONE_SEED != null ? seeds.remove(0) : next++;
          done.submit(
              () -> {
                SqlCase c = SqlCase.generate(s, dialect);
                return new Object[] {c, c.run()};
              });
          inFlight++;
          continue;
        }
        if (inFlight == 0) {
          break;
        }
        Object[] finished = done.take().get();
        inFlight--;
        SqlCase c = (SqlCase) finished[0];
        SqlCase.Result r = (SqlCase.Result) finished[1];
        outcomes.merge(r.outcome(), 1, Integer::sum);
        switch (r.outcome()) {
          case SAME:
            compared++;
            break;
          case DIFFERENT:
            compared++;
            Path dir =
                OUTPUT
                    .resolve(dialect.externalName())
                    .resolve(Long.toString(c.seed()))
                    .toAbsolutePath();
            if (failures.size() < 10) {
              SqlCase small = c.minimize(r);
              small.writeReproducer(dir, small == c ? r : small.run());
            }
            failures.add(
                "seed "
                    + c.seed()
                    + ": "
                    + r.detail().get(0)
                    + " (+"
                    + (r.detail().size() - 1)
                    + "); "
                    + dir);
            break;
          default:
            refusals.merge(reason(r.detail().get(0)), 1, Integer::sum);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "sql differential %s: %d cases compared (%s), %.1f s%n",
        dialect.displayName(), compared, outcomes, (System.nanoTime() - started) / 1e9);
    refusals.forEach((k, v) -> System.out.printf("  refused %4d: %s%n", v, k));
    failures.forEach(f -> System.out.println("  " + f));
    assertThat(failures)
        .as("cases where %s differs from the row engine", dialect.displayName())
        .isEmpty();
    if (ONE_SEED == null) {
      assertThat(compared).isGreaterThanOrEqualTo(wanted);
    }
  }

  /** The refusal's message without the names, so that reasons group. */
  private static String reason(String message) {
    String m = message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("/[A-Za-z0-9/]+", "/…");
    return m.length() > 160 ? m.substring(0, 160) : m;
  }
}
