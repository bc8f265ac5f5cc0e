package dev.segmentation.benchmarks;

import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The nightly job: every segment of a 100-segment catalog over 10,000,000 customers in the columnar
 * engine, with full member sets, on 1 and 2 threads; and, for comparison, the same 100 segments
 * compiled and run one at a time (no sharing of sub-conditions between segments). Each operation is
 * long, so each is timed alone (single-shot).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+UseParallelGC"})
public class CatalogBenchmark {

  /** The seed of the 100-segment catalog. */
  static final long CATALOG_SEED = 100;

  /** Customers in the table (generated in the trial's setup, which takes minutes at 10M). */
  @Param({"10000000"})
  public int customers;

  @Param({"1", "2"})
  public int threads;

  private CustomerTable table;
  private ColumnarCatalog catalog;
  private ColumnarCatalog[] singles;

  @Setup(Level.Trial)
  public void prepare() {
    long start = System.nanoTime();
    table = table(customers);
    // Not measured by JMH: printed into the log, which RESULTS.md quotes.
    System.out.printf(
        java.util.Locale.ROOT,
        "%ntable of %,d customers built in %.1f s: %.1f bytes per customer (%.1f in attribute"
            + " columns), %,d purchases%n",
        customers,
        (System.nanoTime() - start) / 1e9,
        table.bytesPerCustomer(),
        table.columnBytesPerCustomer(),
        table.eventCount("purchase"));
    Catalog c = Catalogs.catalog(Catalogs.BATCH_SIZE, CATALOG_SEED);
    catalog = ColumnarEngine.compile(c, Population.schema());
    singles = new ColumnarCatalog[c.segments().size()];
    for (int i = 0; i < singles.length; i++) {
      Segment s = c.segments().get(i);
      singles[i] = ColumnarEngine.compile(Catalog.of(s), Population.schema());
    }
  }

  /**
   * The first {@code n} generated customers streamed into a columnar table: generated on all cores
   * in chunks, added by one thread, never all held as objects.
   */
  static CustomerTable table(int n) {
    return TableBuild.table(n);
  }

  /** A table of {@code n} customers, {@code customer(i)} at row i, generated in parallel chunks. */
  static CustomerTable table(int n, IntFunction<SchemaCustomer> customer) {
    return new TableBuild(Runtime.getRuntime().availableProcessors()).table(n, customer);
  }

  /** All 100 segments at once, with full member sets. */
  @Benchmark
  public BatchResult wholeCatalog() {
    return catalog.evaluate(table, Population.CONTEXT, threads);
  }

  /** The 100 segments one at a time, with full member sets. */
  @Benchmark
  public int hundredSingleSegmentRuns() {
    int segments = 0;
    for (ColumnarCatalog single : singles) {
      BatchResult r = single.evaluate(table, Population.CONTEXT, threads);
      segments += r == null ? 0 : 1;
    }
    return segments;
  }
}
