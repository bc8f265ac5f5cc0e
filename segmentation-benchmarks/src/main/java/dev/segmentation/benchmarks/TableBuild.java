package dev.segmentation.benchmarks;

import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.CustomerGenerator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Where building a columnar table of generated customers spends its time: generating the customers
 * (on all cores, in chunks), {@code CustomerTable.Builder.add} (one thread) and {@code build()},
 * each summed separately. A plain {@code main} in single-shot style, because one build of
 * 10,000,000 customers takes seconds to minutes and is measured once per JVM:
 *
 * <pre>{@code
 * java -Xms12g -Xmx12g -XX:+UseParallelGC -cp segmentation-benchmarks.jar \
 *     dev.segmentation.benchmarks.TableBuild 10000000
 * }</pre>
 *
 * {@link CatalogBenchmark} builds its table the same way ({@link #table}).
 */
public final class TableBuild {
  private final int threads; // that fill the columns of each chunk
  private long generateNanos;
  private long addNanos;
  private long buildNanos;
  private long addCpuNanos; // the adding thread's CPU time in add and build: immune to other load
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  TableBuild(int threads) {
    this.threads = threads;
  }

  /** The chunk of customers generated in parallel before they are added. */
  static final int CHUNK = 65_536;

  /**
   * A table of {@code n} customers, {@code customer(i)} at row i: generated on all cores in chunks,
   * added by one thread, never all held as objects.
   */
  CustomerTable table(int n, IntFunction<SchemaCustomer> customer) {
    CustomerTable.Builder builder = CustomerTable.builder(Population.schema()).expectedSize(n);
    for (int from = 0; from < n; from += CHUNK) {
      long t0 = System.nanoTime();
      SchemaCustomer[] generated =
          IntStream.range(from, Math.min(n, from + CHUNK))
              .parallel()
              .mapToObj(customer)
              .toArray(SchemaCustomer[]::new);
      long t1 = System.nanoTime();
      long c1 = THREADS.getCurrentThreadCpuTime();
      builder.addAll(Arrays.asList(generated), threads);
      addCpuNanos += THREADS.getCurrentThreadCpuTime() - c1;
      long t2 = System.nanoTime();
      generateNanos += t1 - t0;
      addNanos += t2 - t1;
    }
    long t3 = System.nanoTime();
    long c3 = THREADS.getCurrentThreadCpuTime();
    CustomerTable table = builder.build();
    addCpuNanos += THREADS.getCurrentThreadCpuTime() - c3;
    buildNanos += System.nanoTime() - t3;
    return table;
  }

  /** The first {@code n} customers of the benchmark generator as a table. */
  static CustomerTable table(int n) {
    return new TableBuild(Runtime.getRuntime().availableProcessors()).generated(n);
  }

  private CustomerTable generated(int n) {
    CustomerGenerator generator = new CustomerGenerator(Population.SEED);
    return table(n, i -> generator.customer(i, Population.AS_OF, Population.EVENT_TYPES));
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /**
   * Builds a table of {@code args[0]} customers (default 1,000,000) filling columns on {@code
   * args[1]} threads (default 2) and prints where time went.
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    TableBuild run = new TableBuild(threads);
    long start = System.nanoTime();
    CustomerTable table = run.generated(n);
    double total = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%,d customers, %d threads, %,d purchases: %.1f s in all = generate %.1f s + add %.1f s + build %.1f s"
            + " (add and build: %.1f s of CPU on the calling thread; %.1f s in GC pauses in all);"
            + " %.1f bytes per customer (%.1f in attribute columns)%n",
        n,
        threads,
        table.eventCount("purchase"),
        total,
        run.generateNanos / 1e9,
        run.addNanos / 1e9,
        run.buildNanos / 1e9,
        run.addCpuNanos / 1e9,
        gcMillis() / 1e3,
        table.bytesPerCustomer(),
        table.columnBytesPerCustomer());
  }
}
