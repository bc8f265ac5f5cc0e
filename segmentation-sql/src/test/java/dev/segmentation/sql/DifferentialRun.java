package dev.segmentation.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

/**
 * The loop of a differential test of a backend against the row engine (SQL on DuckDB and
 * PostgreSQL, Spark): cases from consecutive seeds, two at a time, until the wanted number has been
 * compared; refusals counted by reason and replaced by further seeds; on a difference a minimized
 * reproducer in {@code output/<seed>/} and a failure naming the seed.
 */
public final class DifferentialRun {
  private DifferentialRun() {}

  /** How a case ended. */
  public enum Outcome {
    SAME,
    /** The backend refused the catalog when compiling it (the message says why). */
    REFUSED,
    /** The query stopped itself: a point within the geo band of a boundary. */
    REFUSED_AT_RUN,
    DIFFERENT
  }

  /**
   * The result of running a case.
   *
   * @param outcome how it ended
   * @param detail the refusal or the differences, one per line, each difference starting with the
   *     customer id and ": "
   * @param sql the membership query, when compiled (null otherwise)
   */
  public record Result(Outcome outcome, List<String> detail, String sql) {}

  /** One seed's case of a backend. */
  public interface Case {
    long seed();

    Result run() throws Exception;

    /** The case with only {@code ids}' customers. */
    Case only(Set<String> ids);

    void writeReproducer(Path dir, Result result) throws IOException;
  }

  /**
   * Runs {@code wanted} compared cases (or only {@code oneSeed} when not null) and fails on any
   * difference.
   */
  public static void run(
      String backend,
      LongFunction<Case> generate,
      int wanted,
      String oneSeed,
      Path output,
      int threads)
      throws Exception {
    List<Long> seeds = new ArrayList<>();
    if (oneSeed != null) {
      seeds.add(Long.parseLong(oneSeed.trim()));
    }
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    Map<String, Integer> refusals = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    // Cases at a time, each on its own connection or query; results are per seed, so the order in
    // which they finish does not matter.
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CompletionService<Object[]> done = new ExecutorCompletionService<>(pool);
    long next = 1;
    int inFlight = 0;
    int compared = 0;
    try {
      while (true) {
        boolean more =
            oneSeed != null
                ? !seeds.isEmpty()
                : compared + inFlight < wanted && next <= 4L * wanted;
        if (more && inFlight < threads) {
          long s = oneSeed != null ? seeds.remove(0) : next++;
          done.submit(
              () -> {
                Case c = generate.apply(s);
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
        Case c = (Case) finished[0];
        Result r = (Result) finished[1];
        outcomes.merge(r.outcome(), 1, Integer::sum);
        switch (r.outcome()) {
          case SAME:
            compared++;
            break;
          case DIFFERENT:
            compared++;
            Path dir = output.resolve(Long.toString(c.seed())).toAbsolutePath();
            if (failures.size() < 10) {
              Case small = minimize(c, r);
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
        "%s differential: %d cases compared (%s), %.1f s%n",
        backend, compared, outcomes, (System.nanoTime() - started) / 1e9);
    refusals.forEach((k, v) -> System.out.printf("  refused %4d: %s%n", v, k));
    failures.forEach(f -> System.out.println("  " + f));
    assertThat(failures).as("cases where %s differs from the row engine", backend).isEmpty();
    if (oneSeed == null) {
      assertThat(compared).isGreaterThanOrEqualTo(wanted);
    }
  }

  /**
   * The case with only the customers whose rows differ, when that smaller case still differs;
   * otherwise the case itself. The reproducer then holds a handful of customers.
   */
  private static Case minimize(Case c, Result result) throws Exception {
    Set<String> ids = new HashSet<>();
    for (String line : result.detail()) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        ids.add(line.substring(0, colon));
      }
    }
    if (ids.isEmpty()) {
      return c;
    }
    Case smaller = c.only(ids);
    return smaller != c && smaller.run().outcome() == Outcome.DIFFERENT ? smaller : c;
  }

  /**
   * Writes a reproducer: {@code rules.json} (schema and catalog), {@code customers.txt}, {@code
   * query.sql}, {@code differences.txt} and {@code README.txt}.
   */
  public static void writeReproducer(
      Path dir,
      Schema schema,
      Catalog catalog,
      List<? extends Customer> customers,
      String sql,
      Result result,
      String readme)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("rules.json"), RulesJson.write(new RulesDocument(schema, catalog)));
    StringBuilder text = new StringBuilder();
    customers.forEach(c -> text.append(c).append('\n'));
    Files.writeString(dir.resolve("customers.txt"), text);
    Files.writeString(dir.resolve("query.sql"), Objects.toString(sql, "(not compiled)"));
    Files.writeString(dir.resolve("differences.txt"), String.join("\n", result.detail()) + "\n");
    Files.writeString(dir.resolve("README.txt"), readme);
  }

  /** The refusal's message without the names, so that reasons group. */
  private static String reason(String message) {
    String m = message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("/[A-Za-z0-9/]+", "/…");
    return m.length() > 160 ? m.substring(0, 160) : m;
  }
}
