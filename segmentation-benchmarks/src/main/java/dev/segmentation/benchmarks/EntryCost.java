package dev.segmentation.benchmarks;

import dev.segmentation.condition.Always;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Operator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Separates the row engine's per-call entry cost from its tree cost: times, in this thread's CPU
 * time and alternating in one JVM, the engine on a segment that is constant TRUE, on the single
 * leaf {@code age >= 30}, and on R1, against the if-chain on that leaf and on R1. Args: rounds,
 * customers. See RESULTS.md run G3.
 */
public final class EntryCost {
  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    Population population = Population.generate(Integer.parseInt(args[1]));
    Person[] people = population.people();
    Evaluator[] contenders = {
      Contender.row(new Always(), people),
      Contender.row(new Compare("age", Operator.GE, 30L), people),
      Contender.ROW.prepare(Rule.R1, population),
      ageIfChain(people),
      Contender.HAND_POJO.prepare(Rule.R1, population),
    };
    String[] names = {"row TRUE", "row age>=30", "row R1", "hand age>=30", "hand R1"};
    alternate(names, contenders, rounds, people.length);
  }

  /** The if-chain on {@code age >= 30}: {@code p.age != null && p.age >= 30}. */
  static Evaluator ageIfChain(Person[] people) {
    return () -> {
      int count = 0;
      for (Person p : people) {
        if (p.age != null && p.age >= 30) {
          count++;
        }
      }
      return count;
    };
  }

  /**
   * Runs the contenders in turn, {@code rounds} times after 10 warm-up rounds, timing each call in
   * this thread's CPU time, and prints each one's median and quartiles per customer.
   */
  static void alternate(String[] names, Evaluator[] contenders, int rounds, int customers) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[][] t = new long[contenders.length][rounds];
    long sink = 0;
    for (int i = 0; i < 10; i++) {
      for (Evaluator e : contenders) {
        sink += e.countMatches();
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int c = 0; c < contenders.length; c++) {
        long t0 = mx.getCurrentThreadCpuTime();
        sink += contenders[c].countMatches();
        t[c][r] = mx.getCurrentThreadCpuTime() - t0;
      }
    }
    double n = customers;
    for (int c = 0; c < contenders.length; c++) {
      Arrays.sort(t[c]);
      System.out.printf(
          "%-13s median %.1f ns/customer (q1 %.1f, q3 %.1f)%n",
          names[c], t[c][rounds / 2] / n, t[c][rounds / 4] / n, t[c][3 * rounds / 4] / n);
    }
    System.out.println("sink " + sink);
  }
}
