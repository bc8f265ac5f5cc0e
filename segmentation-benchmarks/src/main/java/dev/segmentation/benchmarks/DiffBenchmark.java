package dev.segmentation.benchmarks;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.columnar.MembershipDiff;
import dev.segmentation.testkit.CustomerGenerator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Two days of a nightly job: the 100-segment catalog over the customers of day one and of day two,
 * and {@link BatchResult#diff} between them (who entered and who left each segment), beside the
 * evaluation of day two on one thread, the cost a diff is compared with. On day two one customer in
 * ten has other data (another generator seed), and the table lists the customers in one of three
 * layouts: the same ids in the same order; one customer in a hundred dropped and as many new ones
 * appended; or that set shuffled. {@code diffSameTable} compares two evaluations of one table at
 * two dates instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class DiffBenchmark {

  /** How the second day's table lists its customers. */
  public enum Layout {
    SAME_ORDER,
    DROPPED_AND_APPENDED,
    SHUFFLED
  }

  @Param({"1000000"})
  public int customers;

  @Param({"SAME_ORDER", "DROPPED_AND_APPENDED", "SHUFFLED"})
  public Layout layout;

  private ColumnarCatalog catalog;
  private CustomerTable secondTable;
  private BatchResult first;
  private BatchResult second;
  private BatchResult firstLater;

  @Setup(Level.Trial)
  public void prepare() {
    catalog =
        ColumnarEngine.compile(
            Catalogs.catalog(Catalogs.BATCH_SIZE, CatalogBenchmark.CATALOG_SEED),
            Population.schema());
    CustomerTable firstTable = CatalogBenchmark.table(customers);
    secondTable = table(secondDay(customers, layout));
    first = catalog.evaluate(firstTable, Population.CONTEXT, 1);
    second = catalog.evaluate(secondTable, Population.CONTEXT, 1);
    firstLater =
        catalog.evaluate(
            firstTable, EvaluationContext.at(Population.AS_OF.plusSeconds(30 * 86_400L)), 1);
    // Not measured by JMH: printed into the log, for RESULTS.md.
    MembershipDiff d = second.diff(first);
    long changes =
        d.changes().values().stream().mapToLong(c -> c.entered().size() + c.exited().size()).sum();
    System.out.printf(
        java.util.Locale.ROOT,
        "%n%s: %,d customers on day two, %,d membership changes over %d segments%n",
        layout,
        secondTable.size(),
        changes,
        d.changes().size());
  }

  /** The generator indexes of day two's customers, in table order. */
  static long[] secondDay(int n, Layout layout) {
    if (layout == Layout.SAME_ORDER) {
      return IntStream.range(0, n).asLongStream().toArray();
    }
    long[] kept = IntStream.range(0, n).filter(i -> i % 100 != 7).asLongStream().toArray();
    long[] all = java.util.Arrays.copyOf(kept, n);
    for (int i = kept.length; i < n; i++) {
      all[i] = n + (i - kept.length); // new customers
    }
    if (layout == Layout.SHUFFLED) {
      Random random = new Random(Population.SEED);
      for (int i = all.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        long t = all[i];
        all[i] = all[j];
        all[j] = t;
      }
    }
    return all;
  }

  /** Day two's table: customer {@code c-i} for each index, one in ten with another seed's data. */
  static CustomerTable table(long[] indexes) {
    CustomerGenerator same = new CustomerGenerator(Population.SEED);
    CustomerGenerator changed = new CustomerGenerator(Population.SEED + 1);
    return CatalogBenchmark.table(
        indexes.length,
        k -> {
          long i = indexes[k];
          CustomerGenerator g = i % 10 == 3 ? changed : same;
          return g.customer(i, Population.AS_OF, Population.EVENT_TYPES);
        });
  }

  /** Day two evaluated, all 100 segments with member sets, one thread: the yardstick. */
  @Benchmark
  public BatchResult evaluateSecondDay() {
    return catalog.evaluate(secondTable, Population.CONTEXT, 1);
  }

  /** Who entered and left each segment between day one's table and day two's. */
  @Benchmark
  public MembershipDiff diffAcrossTables() {
    return second.diff(first);
  }

  /** Who entered and left each segment between two dates over one table. */
  @Benchmark
  public MembershipDiff diffSameTable() {
    return firstLater.diff(first);
  }
}
