package dev.segmentation.benchmarks;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * What a second thread gives, with one and two threads alternating call by call in one JVM (wall
 * time per call, medians, after at least {@link #WARM_UP_NANOS} of warm-up), so that whatever else
 * the shared machine runs weighs on both alike; JMH runs them in separate forks minutes apart, and
 * a busy minute in one fork moved the ratio by half in runs P4-P6.
 *
 * <p>First the ceiling the machine puts on any program, with no engine involved: (a) arithmetic in
 * registers, which touches no memory, and (b) a sum over a large {@code int[]} in two contiguous
 * bands, which only streams memory. Then, when a population size is given, the columnar engine on
 * one and on two threads ({@link Contender#COLUMNAR}, {@link Contender#COLUMNAR_2_THREADS}) and the
 * branch-free hand loop likewise, for R1, R2 and R3.
 *
 * <p>Args: rounds, ints in the array (e.g. {@code 25 100000000} for 400 MB), and optionally
 * customers (e.g. {@code 10000000}; give the JVM 8 GB). With a fourth argument {@code wake}, the
 * ceilings and the engine comparison give way to {@link Wake}'s parts of a two-thread call (the
 * ints then size the array that evicts the caches).
 */
public final class TwoCores {
  private TwoCores() {}

  /**
   * The least warm-up before each comparison. With five calls of warm-up only (run TC), the first
   * rule's measured calls overlapped the JIT compiling the engine's kernels on the other core
   * (-XX:+PrintCompilation, run TW), so the two-thread calls found no free core.
   */
  static final long WARM_UP_NANOS = 2_000_000_000L;

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    int n = Integer.parseInt(args[1]);
    if (args.length > 3 && args[3].equals("wake")) {
      Wake.run(rounds, n, Population.generate(Integer.parseInt(args[2])));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      report("arithmetic, no memory", rounds, bands(pool, TwoCores::spin));
      int[] data = new int[n];
      for (int i = 0; i < n; i++) {
        data[i] = i * 0x9E3779B9;
      }
      report(
          "sum over a " + (4L * n >> 20) + " MiB int[]",
          rounds,
          bands(pool, band -> sum(data, band)));
    } finally {
      pool.shutdown();
    }
    if (args.length > 2) {
      Population population = Population.generate(Integer.parseInt(args[2]));
      for (Rule rule : new Rule[] {Rule.R1, Rule.R2, Rule.R3}) {
        report(
            "engine " + rule,
            rounds,
            engine(Contender.COLUMNAR, Contender.COLUMNAR_2_THREADS, rule, population));
        report(
            "branch-free hand loop " + rule,
            rounds,
            engine(
                Contender.HAND_BRANCH_FREE,
                Contender.HAND_BRANCH_FREE_2_THREADS,
                rule,
                population));
      }
    }
  }

  // The same work on one thread (band 0, then band 1) and on two (band 1 on the pool's thread).
  private static LongSupplier[] bands(ExecutorService pool, IntToLongFunction band) {
    return new LongSupplier[] {
      () -> band.applyAsLong(0) + band.applyAsLong(1),
      () -> {
        Future<Long> other = pool.submit(() -> band.applyAsLong(1));
        long mine = band.applyAsLong(0);
        try {
          return mine + other.get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  private static LongSupplier[] engine(Contender one, Contender two, Rule rule, Population p) {
    Evaluator a = one.prepare(rule, p);
    Evaluator b = two.prepare(rule, p);
    return new LongSupplier[] {a::countMatches, b::countMatches};
  }

  private static void report(String what, int rounds, LongSupplier[] oneAndTwo) {
    long[][] t = new long[2][rounds];
    long sink = 0;
    // Warm-up: five rounds, and on until WARM_UP_NANOS have passed, so that the JIT's compiles of
    // the code under test (on the other core) are over before the first measured round.
    long warm = System.nanoTime() + WARM_UP_NANOS;
    for (int r = -5; r < 0 || System.nanoTime() < warm; r++) {
      sink += oneAndTwo[0].getAsLong() + oneAndTwo[1].getAsLong();
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        long t0 = System.nanoTime();
        sink += oneAndTwo[k].getAsLong();
        t[k][r] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(t[0]);
    Arrays.sort(t[1]);
    System.out.printf(
        "%s: one thread %.2f ms (q1 %.2f, q3 %.2f), two threads %.2f ms (q1 %.2f, q3 %.2f),"
            + " speed-up %.2fx (sink %d)%n",
        what,
        t[0][rounds / 2] / 1e6,
        t[0][rounds / 4] / 1e6,
        t[0][3 * rounds / 4] / 1e6,
        t[1][rounds / 2] / 1e6,
        t[1][rounds / 4] / 1e6,
        t[1][3 * rounds / 4] / 1e6,
        (double) t[0][rounds / 2] / t[1][rounds / 2],
        sink);
  }

  // 100 million steps of a xorshift sequence seeded by the band, all in registers.
  private static long spin(int band) {
    long x = band + 1;
    long acc = 0;
    for (long i = 0; i < 100_000_000L; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      acc += x;
    }
    return acc;
  }

  private static long sum(int[] data, int band) {
    int half = data.length / 2;
    int from = band == 0 ? 0 : half;
    int to = band == 0 ? half : data.length;
    long s = 0;
    for (int i = from; i < to; i++) {
      s += data[i];
    }
    return s;
  }
}
