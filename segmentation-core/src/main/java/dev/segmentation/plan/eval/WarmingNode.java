package dev.segmentation.plan.eval;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.model.ValueSource;

/**
 * A segment's interpreted root until the segment has been evaluated often enough to pay for its
 * generated evaluator: it evaluates interpreted and counts, and at its {@link #GENERATE_AFTER}th
 * evaluation puts {@link Generator#generate}'s evaluator in its own place in the program's segments
 * array, where every later evaluation (per customer, all segments, blocks, references without a
 * memo) finds it.
 *
 * <p>Why not when the catalog is compiled: defining a hidden class costs about 0.25 ms per segment
 * (compiling the benchmarks' 1,000-segment catalog took 220-250 ms with a class per segment, 10 ms
 * without; run R in segmentation-benchmarks/RESULTS.md), which a segment evaluated a few thousand
 * times never earns back (the generated form saves tens of nanoseconds per evaluation). A rules
 * editor that compiles on every save, a service that compiles a catalog per tenant, or a CLI run
 * over three customers pays nothing for it; a batch pays it once, after its first customers.
 *
 * <p>Threads: the count is a plain field, so evaluations on several threads may lose increments
 * (the segment is then generated a little later), never results. The class is defined at most once,
 * under this node's lock; the array store that follows publishes a node whose fields are final, so
 * a thread that reads it sees it whole, and a thread that still holds this node evaluates
 * interpreted, with the same result. When the generator declines the segment (too large) the
 * interpreted root takes the place instead, so nothing counts any more.
 */
final class WarmingNode extends Node {
  /** Evaluations of a segment after which it is generated. */
  static final int GENERATE_AFTER = 10_000;

  /** The segment's interpreted root, which evaluates and explains until it is replaced. */
  final Node interpreted;

  private final Node[] home;
  private final int index;
  private int evaluations;
  private boolean replaced;

  /**
   * @param home the program's segments array, in which this node is at {@code index}
   */
  WarmingNode(Node interpreted, Node[] home, int index) {
    this.interpreted = interpreted;
    this.home = home;
    this.index = index;
  }

  @Override
  Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
    if (!replaced && ++evaluations >= GENERATE_AFTER) {
      replace();
    }
    return interpreted.eval(src, customer, bounds, memo);
  }

  private synchronized void replace() {
    if (!replaced) {
      home[index] = Generator.generate(interpreted);
      replaced = true;
    }
  }

  @Override
  Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
    return interpreted.explain(src, customer, bounds);
  }

  @Override
  public String toString() {
    return interpreted.toString();
  }
}
