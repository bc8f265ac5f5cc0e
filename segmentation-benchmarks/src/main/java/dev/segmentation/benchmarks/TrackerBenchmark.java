package dev.segmentation.benchmarks;

import dev.segmentation.live.MembershipTracker;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.testkit.CustomerGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * The membership tracker on the 20-segment catalog: ingesting events in time order (each applied
 * when the clock reaches it, with the transitions it and time cause), and advancing the clock by
 * one day over many customers. Each operation is long, so each is timed alone (single-shot).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms10g", "-Xmx10g", "-XX:+UseParallelGC"})
public class TrackerBenchmark {

  /** The seed of the 20-segment catalog (that of the single-customer benchmarks). */
  static final long CATALOG_SEED = 20;

  static Catalog catalog() {
    return Catalogs.catalog(Catalogs.SINGLE_SIZE, CATALOG_SEED);
  }

  /**
   * A tracker holding {@code customers} customers' attributes (no events), at {@link
   * Population#AS_OF}, and {@code events} purchases of random customers spread over the following
   * year, in time order.
   */
  @State(Scope.Benchmark)
  public static class Ingest {
    @Param({"100000"})
    public int customers;

    @Param({"1000000"})
    public int events;

    MembershipTracker tracker;
    String[] ids;
    Event[] stream;
    int[] owner;

    @Setup(Level.Iteration)
    public void prepare() {
      CustomerGenerator generator = new CustomerGenerator(Population.SEED);
      tracker = create();
      ids = new String[customers];
      for (int i = 0; i < customers; i++) {
        SchemaCustomer c = generator.customer(i, Population.AS_OF, java.util.Set.of());
        ids[i] = c.id();
        tracker.put(c);
      }
      if (stream == null) {
        stream = new Event[events];
        owner = new int[events];
        EventType purchase = Population.schema().eventType("purchase");
        Random r = new Random(7);
        long[] at = new long[events];
        long year = Duration.ofDays(365).toSeconds();
        for (int i = 0; i < events; i++) {
          at[i] = Math.floorMod(r.nextLong(), year);
        }
        Arrays.sort(at);
        for (int i = 0; i < events; i++) {
          owner[i] = r.nextInt(customers);
          stream[i] =
              Event.of(
                  purchase,
                  Population.AS_OF.plusSeconds(1 + at[i]),
                  Map.of("amount", 5 + r.nextInt(500) + 0.5, "category", "books"));
        }
      }
    }
  }

  static MembershipTracker create() {
    return MembershipTracker.create(
        catalog(), Population.schema(), ZoneOffset.UTC, Population.AS_OF);
  }

  /** Every event in time order: the clock moved to it, then the event added. Transitions. */
  @Benchmark
  public long ingest(Ingest s) {
    return ingest(s.tracker, s.ids, s.stream, s.owner);
  }

  static long ingest(MembershipTracker tracker, String[] ids, Event[] stream, int[] owner) {
    long transitions = 0;
    for (int i = 0; i < stream.length; i++) {
      Instant at = stream[i].timestamp();
      if (at.isAfter(tracker.now())) {
        transitions += tracker.advanceTo(at).size();
      }
      transitions += tracker.addEvents(ids[owner[i]], List.of(stream[i])).size();
    }
    return transitions;
  }

  /** A tracker of {@code customers} generated customers with their purchases, at AS_OF. */
  @State(Scope.Benchmark)
  public static class Advance {
    @Param({"1000000"})
    public int customers;

    MembershipTracker tracker;

    @Setup(Level.Trial)
    public void prepare() {
      long before = usedHeap();
      long start = System.nanoTime();
      tracker = load(customers);
      long after = usedHeap();
      // Not measured by JMH: printed into the log, which RESULTS.md quotes.
      System.out.printf(
          Locale.ROOT,
          "%ntracker of %,d customers loaded in %.1f s: %d bytes of results per customer, %.0f"
              + " bytes of heap per customer in all (data, index, queue)%n",
          customers,
          (System.nanoTime() - start) / 1e9,
          tracker.resultBytesPerCustomer(),
          (after - before) / (double) customers);
    }
  }

  static MembershipTracker load(int customers) {
    CustomerGenerator generator = new CustomerGenerator(Population.SEED);
    MembershipTracker tracker = create();
    int chunk = 65_536;
    for (int from = 0; from < customers; from += chunk) {
      int first = from;
      IntStream.range(first, Math.min(customers, first + chunk))
          .parallel()
          .forEach(
              i -> tracker.put(generator.customer(i, Population.AS_OF, Population.EVENT_TYPES)));
    }
    return tracker;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** The clock moved one day on (each operation the next day): transitions time alone causes. */
  @Benchmark
  public int advanceOneDay(Advance s) {
    return s.tracker.advanceTo(s.tracker.now().plus(Duration.ofDays(1))).size();
  }
}
