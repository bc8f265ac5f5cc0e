package dev.segmentation.benchmarks;

import dev.segmentation.engine.columnar.ColumnValues;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.columnar.TableColumns;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.CustomerGenerator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
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
  // The whole process's CPU time in add and build: the helper thread's and the collector's too.
  private long addProcessCpuNanos;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  TableBuild(int threads) {
    this.threads = threads;
  }

  /**
   * The chunk of customers generated in parallel before they are added (system property {@code
   * tablebuild.chunk} to try others). Small, so that the adding thread reads customers that were
   * just made (still in the caches) and each young collection finds few of them alive: at 2M, 2,048
   * took 3.5 s of the adding thread's CPU where 65,536 took 4.5 s (RESULTS.md, run TB2).
   */
  static final int CHUNK = Integer.getInteger("tablebuild.chunk", 2_048);

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
      long p1 = OS.getProcessCpuTime();
      builder.addAll(Arrays.asList(generated), threads);
      addProcessCpuNanos += OS.getProcessCpuTime() - p1;
      addCpuNanos += THREADS.getCurrentThreadCpuTime() - c1;
      long t2 = System.nanoTime();
      generateNanos += t1 - t0;
      addNanos += t2 - t1;
    }
    long t3 = System.nanoTime();
    long c3 = THREADS.getCurrentThreadCpuTime();
    long p3 = OS.getProcessCpuTime();
    CustomerTable table = builder.build();
    addProcessCpuNanos += OS.getProcessCpuTime() - p3;
    addCpuNanos += THREADS.getCurrentThreadCpuTime() - c3;
    buildNanos += System.nanoTime() - t3;
    return table;
  }

  /** The first {@code n} customers of the benchmark generator as a table. */
  static CustomerTable table(int n) {
    return new TableBuild(Runtime.getRuntime().availableProcessors()).generated(n);
  }

  CustomerTable generated(int n) {
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
   * The same {@code n} customers gathered into plain arrays first (generation and gathering not
   * measured), then built with {@code CustomerTable.fromColumns} (measured as "build").
   */
  CustomerTable fromColumns(int n) {
    CustomerGenerator generator = new CustomerGenerator(Population.SEED);
    Schema schema = Population.schema();
    List<Attribute<?>> attributes = schema.attributeList();
    Object[] columns = new Object[attributes.size()];
    BitSet[] absent = new BitSet[attributes.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = array(attributes.get(i).type(), n);
      absent[i] = new BitSet(n);
    }
    EventType purchase = schema.eventType("purchase");
    List<Attribute<?>> properties = List.copyOf(purchase.properties().values());
    int capacity = 4 * n + 1024; // 3.4 purchases per customer on average
    int[] rows = new int[capacity];
    long[] millis = new long[capacity];
    Object[] props = new Object[properties.size()];
    BitSet[] propsAbsent = new BitSet[properties.size()];
    for (int p = 0; p < props.length; p++) {
      props[p] = array(properties.get(p).type(), capacity);
      propsAbsent[p] = new BitSet();
    }
    int count = 0;
    long t0 = System.nanoTime();
    for (int from = 0; from < n; from += CHUNK) {
      int start = from;
      SchemaCustomer[] generated =
          IntStream.range(start, Math.min(n, start + CHUNK))
              .parallel()
              .mapToObj(i -> generator.customer(i, Population.AS_OF, Population.EVENT_TYPES))
              .toArray(SchemaCustomer[]::new);
      for (int k = 0; k < generated.length; k++) {
        for (int i = 0; i < columns.length; i++) {
          set(columns[i], absent[i], start + k, generated[k].valueAt(i));
        }
        List<Event> list = generated[k].events("purchase");
        if (count + list.size() > capacity) {
          throw new IllegalStateException("more than 4 purchases per customer: room for " + count);
        }
        for (Event event : list) {
          rows[count] = start + k;
          millis[count] = event.timestamp().toEpochMilli();
          for (int p = 0; p < props.length; p++) {
            set(props[p], propsAbsent[p], count, event.properties().get(properties.get(p).name()));
          }
          count++;
        }
      }
    }
    rows = Arrays.copyOf(rows, count);
    millis = Arrays.copyOf(millis, count);
    for (int p = 0; p < props.length; p++) {
      props[p] = trimmed(props[p], count);
    }
    generateNanos += System.nanoTime() - t0;
    System.gc();
    long t1 = System.nanoTime();
    long c1 = THREADS.getCurrentThreadCpuTime();
    long p1 = OS.getProcessCpuTime();
    TableColumns table = CustomerTable.fromColumns(schema, n);
    for (int i = 0; i < columns.length; i++) {
      fill(table, attributes.get(i), columns[i], absent[i]);
    }
    TableColumns.Events purchases = table.events("purchase", rows, millis);
    for (int p = 0; p < props.length; p++) {
      fill(purchases, properties.get(p), props[p], propsAbsent[p]);
    }
    CustomerTable built = table.build();
    addProcessCpuNanos += OS.getProcessCpuTime() - p1;
    addCpuNanos += THREADS.getCurrentThreadCpuTime() - c1;
    buildNanos += System.nanoTime() - t1;
    return built;
  }

  private static Object trimmed(Object array, int n) {
    if (array instanceof long[] longs) {
      return Arrays.copyOf(longs, n);
    } else if (array instanceof double[] doubles) {
      return Arrays.copyOf(doubles, n);
    } else if (array instanceof boolean[] booleans) {
      return Arrays.copyOf(booleans, n);
    }
    return Arrays.copyOf((Object[]) array, n);
  }

  // The array a column of `type` is gathered in: primitives where the bulk API takes them.
  private static Object array(AttributeType type, int n) {
    switch (type) {
      case INTEGER:
      case DATE:
      case TIMESTAMP:
        return new long[n];
      case NUMBER:
        return new double[n];
      case BOOLEAN:
        return new boolean[n];
      case STRING:
        return new String[n];
      case STRING_SET:
      case GEO_POINT:
        return new Object[n];
    }
    throw new AssertionError(type);
  }

  private static void set(Object array, BitSet absent, int row, Object value) {
    if (value == null) {
      absent.set(row);
    } else if (array instanceof long[] longs) {
      longs[row] =
          value instanceof LocalDate d
              ? d.toEpochDay()
              : value instanceof Instant t ? t.toEpochMilli() : (Long) value;
    } else if (array instanceof double[] doubles) {
      doubles[row] = (Double) value;
    } else if (array instanceof boolean[] booleans) {
      booleans[row] = (Boolean) value;
    } else {
      ((Object[]) array)[row] = value;
    }
  }

  private static void fill(ColumnValues<?> target, Attribute<?> a, Object array, BitSet absent) {
    String name = a.name();
    switch (a.type()) {
      case INTEGER -> target.longs(name, (long[]) array, absent);
      case DATE -> target.epochDays(name, (long[]) array, absent);
      case TIMESTAMP -> target.epochMillis(name, (long[]) array, absent);
      case NUMBER -> target.doubles(name, (double[]) array, absent);
      case BOOLEAN -> target.booleans(name, (boolean[]) array, absent);
      case STRING -> target.strings(name, (String[]) array);
      case STRING_SET, GEO_POINT -> target.values(name, Arrays.asList((Object[]) array));
    }
  }

  /**
   * Builds a table of {@code args[0]} customers (default 1,000,000) filling columns on {@code
   * args[1]} threads (default 2) and prints where time went.
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    boolean columns = args.length > 2 && args[2].equals("columns");
    TableBuild run = new TableBuild(threads);
    long start = System.nanoTime();
    CustomerTable table = columns ? run.fromColumns(n) : run.generated(n);
    double total = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%,d customers, %d threads, %,d purchases: %.1f s in all = generate %.1f s + add %.1f s + build %.1f s"
            + " (add and build: %.1f s of CPU on the calling thread, %.1f s in the process;"
            + " %.1f s in GC pauses in all);"
            + " %.1f bytes per customer (%.1f in attribute columns)%n",
        n,
        threads,
        table.eventCount("purchase"),
        total,
        run.generateNanos / 1e9,
        run.addNanos / 1e9,
        run.buildNanos / 1e9,
        run.addCpuNanos / 1e9,
        run.addProcessCpuNanos / 1e9,
        gcMillis() / 1e3,
        table.bytesPerCustomer(),
        table.columnBytesPerCustomer());
  }
}
