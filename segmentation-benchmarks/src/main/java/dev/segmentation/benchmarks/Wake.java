package dev.segmentation.benchmarks;

import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where a lone two-thread call of the columnar engine loses its time (issue 18: R1 at 1M was slower
 * on two threads than on one when one- and two-thread calls alternate). Each round, in one JVM,
 * times R1's count over the population on one thread and on two threads after a one-thread call
 * (the pattern that lost), on two threads right after another two-thread call (no helper to wake),
 * both forms over a table of two chunks after a one-thread call (the fixed cost of a call: waking
 * the helper, with next to no work), both forms after streaming an array larger than the caches (so
 * neither finds the columns warm), and a two-thread call whose helper runs on an executor that
 * records when it starts and ends and on which core it starts (a single parked thread, as the
 * library's helpers after their spin). Medians over the rounds. The one- and two-thread calls use
 * two compiled catalogs, as {@link TwoCores}' contenders do.
 *
 * <p>Run it pinned to one core ({@code taskset -c 0 java ...}) to see what a two-thread call costs
 * when the system wakes the helper on the caller's core, as it does when the other core is busy.
 */
final class Wake {
  private Wake() {}

  private static final String[] PARTS = {
    "1T",
    "2T after 1T",
    "2T after 2T",
    "tiny 1T after 1T",
    "tiny 2T after 1T",
    "1T, caches evicted",
    "2T, caches evicted",
    "2T on recording executor, after 1T",
    "  its helper's wake-up (execute to start)",
    "  its helper's run",
    "  its call's return after the helper's end"
  };

  static void run(int rounds, int evictInts, Population population) throws Exception {
    ColumnarCatalog compiled =
        ColumnarEngine.compile(
            Catalog.of(Segment.of("rule", Rule.R1.condition())), Population.schema());
    ColumnarCatalog two =
        ColumnarEngine.compile(
            Catalog.of(Segment.of("rule", Rule.R1.condition())), Population.schema());
    CustomerTable big = population.table();
    CustomerTable tiny = Population.generate(8192).table();
    int[] evict = new int[evictInts];
    Arrays.fill(evict, 1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicLongArray stamps = new AtomicLongArray(3); // execute, helper start, helper end
    long[][] t = new long[PARTS.length][rounds];
    int[] callerCpu = new int[1];
    int[] helperCpu = new int[1];
    int[] sameCpu = new int[rounds];
    long sink = 0;
    try {
      for (int r = -5; r < rounds; r++) {
        int k = Math.max(r, 0);
        long t0 = System.nanoTime();
        sink += count(compiled, big, 1);
        t[0][k] = System.nanoTime() - t0;
        t[1][k] = timed(two, big, 2);
        t[2][k] = timed(two, big, 2);
        sink += count(compiled, big, 1);
        t[3][k] = timed(compiled, tiny, 1);
        sink += count(compiled, big, 1);
        t[4][k] = timed(compiled, tiny, 2);
        sink += sum(evict);
        t[5][k] = timed(compiled, big, 1);
        sink += sum(evict);
        t[6][k] = timed(two, big, 2);
        sink += count(compiled, big, 1);
        stamps.set(2, 0);
        long c0 = System.nanoTime();
        sink +=
            compiled.counts(
                    big,
                    Population.CONTEXT,
                    2,
                    job -> {
                      callerCpu[0] = cpu();
                      stamps.set(0, System.nanoTime());
                      pool.execute(
                          () -> {
                            stamps.set(1, System.nanoTime());
                            helperCpu[0] = cpu();
                            job.run();
                            stamps.set(2, System.nanoTime());
                          });
                    },
                    compiled.newCounts())
                .toArray()[0];
        long c1 = System.nanoTime();
        while (stamps.get(2) == 0) {
          Thread.onSpinWait(); // the wrapper stamps the end just after the helper's latch opens
        }
        t[7][k] = c1 - c0;
        t[8][k] = stamps.get(1) - stamps.get(0);
        t[9][k] = stamps.get(2) - stamps.get(1);
        t[10][k] = c1 - stamps.get(2);
        sameCpu[k] = callerCpu[0] == helperCpu[0] ? 1 : 0;
      }
    } finally {
      pool.shutdown();
    }
    for (int p = 0; p < PARTS.length; p++) {
      long[] s = t[p].clone();
      Arrays.sort(s);
      System.out.printf(
          "%-42s %8.3f ms (q1 %.3f, q3 %.3f)%n",
          PARTS[p], s[rounds / 2] / 1e6, s[rounds / 4] / 1e6, s[3 * rounds / 4] / 1e6);
    }
    long[] same = new long[rounds];
    long[] apart = new long[rounds];
    int ns = 0;
    int na = 0;
    for (int r = 0; r < rounds; r++) {
      if (sameCpu[r] == 1) {
        same[ns++] = t[7][r];
      } else {
        apart[na++] = t[7][r];
      }
    }
    System.out.printf(
        "recording executor: helper started on the caller's CPU in %d of %d calls (median %.3f"
            + " ms), on the other in %d (median %.3f ms)%n",
        ns,
        rounds,
        ns == 0 ? 0 : median(Arrays.copyOf(same, ns)) / 1e6,
        na,
        na == 0 ? 0 : median(Arrays.copyOf(apart, na)) / 1e6);
    System.out.printf(
        "2T/1T speed-up: after 1T %.2fx, after 2T %.2fx, caches evicted %.2fx (sink %d)%n",
        median(t[0]) / median(t[1]),
        median(t[0]) / median(t[2]),
        median(t[5]) / median(t[6]),
        sink);
  }

  private static long count(ColumnarCatalog c, CustomerTable table, int threads) {
    return c.counts(table, Population.CONTEXT, threads)[0];
  }

  private static long timed(ColumnarCatalog c, CustomerTable table, int threads) {
    long t0 = System.nanoTime();
    long n = count(c, table, threads);
    long t1 = System.nanoTime();
    if (n < 0) {
      throw new IllegalStateException();
    }
    return t1 - t0;
  }

  private static double median(long[] t) {
    long[] s = t.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  // The CPU the calling thread runs on (field 39 of /proc/thread-self/stat), -1 when unknown.
  private static int cpu() {
    try {
      String stat =
          new String(
              java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/thread-self/stat")),
              java.nio.charset.StandardCharsets.US_ASCII);
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(f[36]);
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long sum(int[] a) {
    long s = 0;
    for (int x : a) {
      s += x;
    }
    return s;
  }
}
