package dev.segmentation.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Alternates HAND_POJO, ROW and ROW_BLOCK on one rule in one JVM, timing each call in this thread's
 * CPU time (which excludes time the loaded machine takes the core away), and prints the medians.
 * Args: rule, rounds, customers. Used for run PR in RESULTS.md, where the machine was too loaded
 * for JMH wall-clock ratios to mean anything: thread CPU time is what the core spent on this
 * thread.
 */
public final class CpuTimeComparison {
  public static void main(String[] args) {
    Rule rule = Rule.valueOf(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Population population = Population.generate(Integer.parseInt(args[2]));
    Evaluator pojo = Contender.HAND_POJO.prepare(rule, population);
    Evaluator row = Contender.ROW.prepare(rule, population);
    Evaluator block = Contender.ROW_BLOCK.prepare(rule, population);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] p = new long[rounds];
    long[] r = new long[rounds];
    long[] b = new long[rounds];
    long sink = 0;
    for (int i = 0; i < 10; i++) { // warm up both
      sink += pojo.countMatches() + row.countMatches() + block.countMatches();
    }
    for (int i = 0; i < rounds; i++) {
      long t0 = mx.getCurrentThreadCpuTime();
      sink += pojo.countMatches();
      long t1 = mx.getCurrentThreadCpuTime();
      sink += row.countMatches();
      long t2 = mx.getCurrentThreadCpuTime();
      sink += block.countMatches();
      long t3 = mx.getCurrentThreadCpuTime();
      p[i] = t1 - t0;
      r[i] = t2 - t1;
      b[i] = t3 - t2;
    }
    Arrays.sort(p);
    Arrays.sort(r);
    Arrays.sort(b);
    double n = population.size();
    System.out.printf(
        "%s pojo median %.1f ns/customer (q1 %.1f, q3 %.1f); row median %.1f (q1 %.1f, q3 %.1f);"
            + " row/pojo %.2f; block median %.1f (q1 %.1f, q3 %.1f); block/pojo %.2f; sink %d%n",
        rule,
        p[rounds / 2] / n,
        p[rounds / 4] / n,
        p[3 * rounds / 4] / n,
        r[rounds / 2] / n,
        r[rounds / 4] / n,
        r[3 * rounds / 4] / n,
        (double) r[rounds / 2] / p[rounds / 2],
        b[rounds / 2] / n,
        b[rounds / 4] / n,
        b[3 * rounds / 4] / n,
        (double) b[rounds / 2] / p[rounds / 2],
        sink);
  }
}
