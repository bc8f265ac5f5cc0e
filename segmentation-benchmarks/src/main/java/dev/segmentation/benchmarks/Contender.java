package dev.segmentation.benchmarks;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;

/**
 * Everything that can count the customers a rule matches, behind one facade, chosen in the
 * benchmarks with an enum {@code @Param}: the hand-written limits, the library's engines and the
 * peer engines.
 */
public enum Contender {
  /**
   * A hand-written loop over primitive arrays with no branch per customer (comparisons as sign-bit
   * arithmetic, {@code count += bits}): the limit every other contender is measured against.
   */
  HAND_BRANCH_FREE(false),
  /**
   * The branch-free loop over two halves of the customers on two threads (the caller and a spinning
   * worker): the limit of two threads for a loop bound by memory rather than by branches.
   */
  HAND_BRANCH_FREE_2_THREADS(false),
  /** The obvious hand-written loop over the same arrays: an if-chain per customer. */
  HAND_ARRAYS(false),
  /**
   * The same loop over two halves of the customers on two threads (the caller and a spinning
   * worker): the limit of two threads on the benchmark machine.
   */
  HAND_ARRAYS_2_THREADS(false),
  /** A hand-written if-chain over plain objects: the limit for objects. */
  HAND_POJO(false),
  /** The library's row engine over the same plain objects. */
  ROW(false),
  /**
   * The row engine over the same objects in blocks of {@link #BLOCK} customers ({@code
   * CompiledCatalog.evaluateBlock}: one generated loop per block, no call per customer).
   */
  ROW_BLOCK(false),
  /** The library's columnar engine on one thread, over its table of the same customers. */
  COLUMNAR(false),
  /** The library's columnar engine on two threads (all cores of the benchmark machine). */
  COLUMNAR_2_THREADS(false),
  /** json-logic-java over maps. */
  JSON_LOGIC(true),
  /** Google CEL for Java over maps. */
  CEL(true),
  /** MVEL 2 over plain objects. */
  MVEL(true),
  /** Spring SpEL over plain objects, interpreted. */
  SPEL_INTERPRETED(true),
  /** Spring SpEL over plain objects, compiled to bytecode. */
  SPEL_COMPILED(true);

  /** Customers the peers evaluate (a subset: they are 100 to 10,000 times slower). */
  public static final int PEER_CUSTOMERS = 100_000;

  /** Customers every other contender evaluates. */
  public static final int CUSTOMERS = 1_000_000;

  private final boolean peer;

  Contender(boolean peer) {
    this.peer = peer;
  }

  /** Whether this is a peer engine, benchmarked on {@link #PEER_CUSTOMERS} customers. */
  public boolean isPeer() {
    return peer;
  }

  /** The number of customers this contender is benchmarked on. */
  public int customers() {
    return peer ? PEER_CUSTOMERS : CUSTOMERS;
  }

  /** Translates and compiles the rule for this contender over the population. */
  public Evaluator prepare(Rule rule, Population population) {
    switch (this) {
      case HAND_BRANCH_FREE:
        return HandBranchFree.prepare(rule, population);
      case HAND_BRANCH_FREE_2_THREADS:
        return HandBranchFree.prepareTwoThreads(rule, population);
      case HAND_ARRAYS:
        return HandArrays.prepare(rule, population);
      case HAND_ARRAYS_2_THREADS:
        return HandArrays.prepareTwoThreads(rule, population);
      case HAND_POJO:
        return HandPojo.prepare(rule, population);
      case ROW:
        return row(rule, population);
      case ROW_BLOCK:
        return rowBlock(rule.condition(), population.people());
      case COLUMNAR:
        return columnar(rule, population, 1);
      case COLUMNAR_2_THREADS:
        return columnar(rule, population, 2);
      case JSON_LOGIC:
        return Peers.jsonLogic(rule, population);
      case CEL:
        return Peers.cel(rule, population);
      case MVEL:
        return Peers.mvel(rule, population);
      case SPEL_INTERPRETED:
        return Peers.spel(rule, population, false);
      case SPEL_COMPILED:
        return Peers.spel(rule, population, true);
    }
    throw new AssertionError(this);
  }

  private static Evaluator columnar(Rule rule, Population population, int threads) {
    ColumnarCatalog compiled =
        ColumnarEngine.compile(
            Catalog.of(Segment.of("rule", rule.condition())), Population.schema());
    CustomerTable table = population.table();
    EvaluationContext ctx = Population.CONTEXT;
    // The count-only path: no member set is materialized, as in the hand-written loop.
    return () -> Math.toIntExact(compiled.counts(table, ctx, threads)[0]);
  }

  private static Evaluator row(Rule rule, Population population) {
    return row(rule.condition(), population.people());
  }

  /** Customers per {@code evaluateBlock} call of {@link #ROW_BLOCK}. */
  static final int BLOCK = 256;

  /** The row engine counting the people in blocks, as {@link #ROW_BLOCK}. */
  static Evaluator rowBlock(Condition condition, Person[] people) {
    CompiledCatalog compiled =
        RowEngine.compile(Segment.of("rule", condition), Population.schema());
    EvaluationContext ctx = Population.CONTEXT;
    Truth[] out = new Truth[BLOCK];
    return () -> {
      int count = 0;
      for (int from = 0; from < people.length; from += BLOCK) {
        int to = Math.min(people.length, from + BLOCK);
        compiled.evaluateBlock(0, people, from, to, ctx, out);
        for (int k = 0; k < to - from; k++) {
          if (out[k] == Truth.TRUE) {
            count++;
          }
        }
      }
      return count;
    };
  }

  /** The row engine counting the people in a one-segment catalog of {@code condition}. */
  static Evaluator row(Condition condition, Person[] people) {
    CompiledCatalog compiled =
        RowEngine.compile(Segment.of("rule", condition), Population.schema());
    EvaluationContext ctx = Population.CONTEXT;
    return () -> {
      int count = 0;
      for (Person p : people) {
        if (compiled.evaluate(0, p, ctx) == Truth.TRUE) {
          count++;
        }
      }
      return count;
    };
  }
}
