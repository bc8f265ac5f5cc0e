package dev.segmentation.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * One rule over the whole population per operation, per contender: the score is the time to count
 * the matches of {@link Contender#customers()} customers (1,000,000; 100,000 for the peers), and
 * {@link Report} divides it by that number to give nanoseconds per customer. {@link #customers}
 * sets another number for every contender.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class BatchBenchmark {

  @Param({
    "HAND_BRANCH_FREE",
    "HAND_BRANCH_FREE_2_THREADS",
    "HAND_ARRAYS",
    "HAND_ARRAYS_2_THREADS",
    "HAND_POJO",
    "ROW",
    "ROW_BLOCK",
    "COLUMNAR",
    "COLUMNAR_2_THREADS",
    "JSON_LOGIC",
    "CEL",
    "MVEL",
    "SPEL_INTERPRETED",
    "SPEL_COMPILED"
  })
  public Contender contender;

  @Param({"R1", "R2", "R3", "B1"})
  public Rule rule;

  /**
   * The number of customers, or 0 for the contender's own ({@link Contender#customers()}). With
   * {@code -p customers=10000000}, the contenders that read only columns (the hand-written loops
   * over arrays and the columnar engine) fit an 8 GB heap: their columns come straight from the
   * generator (see {@link Population}); those that read plain objects need more than 14 GB.
   */
  @Param({"0"})
  public int customers;

  private Evaluator evaluator;

  @Setup(Level.Trial)
  public void prepare() {
    Population population = Population.generate(customers > 0 ? customers : contender.customers());
    evaluator = contender.prepare(rule, population);
  }

  @Benchmark
  public int countMatches() {
    return evaluator.countMatches();
  }
}
