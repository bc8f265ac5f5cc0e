package dev.segmentation.plan.eval;

import dev.segmentation.check.Limits;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.plan.Plan;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.RfmSegment;

/**
 * The plan-node evaluator: a {@link Plan} compiled for evaluation one customer at a time. The row
 * engine's {@code CompiledCatalog} answers through it, and any other backend evaluates with it
 * whatever it has no physical form for (the columnar engine's leaves without a kernel, its RFM
 * cells), so that no backend calls another backend's entry points.
 *
 * <p>Everything is addressed by position: segment {@code i} of the catalog, score model {@code i},
 * tiering {@code i}, RFM model {@code i}, and plan node {@code id} ({@link #node}). Arguments are
 * not checked here (the callers check theirs, with names). Time bounds such as {@code asOf - 90
 * days} are computed when the evaluator first sees a context and cached in one field keyed by the
 * context's identity; each call is one evaluation, in which a customer's events of each type are
 * read once. The cached bounds are a plain field, not a volatile one: a {@link Bounds} has only
 * final fields, so a thread that sees another's cached bounds sees them whole, and one that does
 * not computes its own; a volatile read per evaluation kept the JIT from hoisting anything around
 * it. Immutable and thread-safe.
 */
public final class PlanEvaluator {
  private final Program program;
  private final Node[] segments; // program.segments, one load less per evaluation
  private final TimePlan times;
  private final int[] order;
  private final Node[] planned; // null when compiled without a plan
  private final boolean readsEvents; // see Program.readsEvents
  private Bounds bounds; // see the class comment: racy on purpose, safe as Bounds is immutable

  private PlanEvaluator(Compiler.Result compiled) {
    this.program = compiled.program();
    this.segments = compiled.program().segments;
    this.times = compiled.plan();
    this.order = compiled.order();
    this.planned = compiled.planned();
    this.readsEvents = compiled.program().readsEvents;
  }

  /** Compiles every node of the plan (nothing checked or rewritten again). */
  public static PlanEvaluator of(Plan plan) {
    if (plan == null) {
      throw new IllegalArgumentException("plan must not be null");
    }
    return new PlanEvaluator(Compiler.compile(plan));
  }

  /**
   * Compiles a catalog no checker has seen, for tests of the semantics on rules a checker rejects
   * by policy; what cannot be evaluated still fails with an IllegalArgumentException naming the
   * path. {@link #node} is not available on the result.
   */
  static PlanEvaluator unchecked(Catalog catalog, Schema schema, Limits limits) {
    return new PlanEvaluator(Compiler.compileUnchecked(catalog, schema, limits));
  }

  public int segmentCount() {
    return program.segments.length;
  }

  public String segmentName(int i) {
    return program.segmentNames[i];
  }

  public int scoreCount() {
    return program.scores.length;
  }

  public String scoreName(int i) {
    return program.scores[i].name;
  }

  public int tieringCount() {
    return program.tierings.length;
  }

  public String tieringName(int i) {
    return program.tierings[i].name;
  }

  public int rfmCount() {
    return program.rfms.length;
  }

  public String rfmName(int i) {
    return program.rfms[i].model.name();
  }

  /** The position of the RFM model named {@code name}, or -1 when there is none. */
  public int rfmIndex(String name) {
    for (int i = 0; i < program.rfms.length; i++) {
      if (program.rfms[i].model.name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Segment {@code i}'s result. */
  public Truth segment(int i, Customer c, EvaluationContext ctx) {
    // The batch path: without events, no try/finally at all (kept as small as it was measured).
    if (!readsEvents) {
      return segments[i].eval(c, c, bounds(ctx), null);
    }
    return once(Program::segment, i, c, ctx);
  }

  /**
   * Segment {@code i}'s result for each of {@code customers[from..to)} into {@code out[0..to -
   * from)}, each as {@link #segment(int, Customer, EvaluationContext)} gives it. A generated
   * segment of a catalog that reads no events runs as one loop with the segment's code inside it
   * (no call per customer); otherwise one call per customer. Arguments are not checked here.
   */
  public void segment(
      int i, Customer[] customers, int from, int to, EvaluationContext ctx, Truth[] out) {
    if (!readsEvents && segments[i] instanceof GeneratedNode g) {
      g.evalBlock(customers, from, to, bounds(ctx), out);
      return;
    }
    for (int k = from; k < to; k++) {
      out[k - from] = segment(i, customers[k], ctx);
    }
  }

  /**
   * Every segment's result into {@code out}, in catalog order; each segment is evaluated once,
   * after the segments it refers to, whose results it reuses. Allocates nothing.
   */
  public void segments(Customer c, EvaluationContext ctx, Truth[] out) {
    Bounds b = bounds(ctx);
    EventReads reads = begin(c);
    try {
      segments(c, b, out);
    } finally {
      end(reads);
    }
  }

  // Every segment in dependency order, each reusing the results of those it refers to.
  private void segments(Customer c, Bounds b, Truth[] out) {
    for (int i : order) {
      out[i] = segments[i].eval(c, c, b, out);
    }
  }

  /**
   * Everything at once, in ONE evaluation (so the customer's events of each type are read, and
   * checked for time order, once): every segment's result into {@code segments} (as {@link
   * #segments}), tiering {@code i}'s tier index ({@link #tierName}) into {@code tiers[i]}, score
   * model {@code i}'s score into {@code scores[i]}, and RFM model {@code i}'s number of events in
   * its window into {@code rfmCounts[i]} with, when it is not 0, the whole days since the last of
   * them into {@code rfmDays[i]} and their money sum into {@code rfmMonetary[i]} (what {@link
   * RfmScores#of} scores). Tierings and scores reuse the segments' results for the segments they
   * refer to, which gives what the separate calls give. Allocates nothing.
   */
  public void all(
      Customer c,
      EvaluationContext ctx,
      Truth[] segments,
      int[] tiers,
      double[] scores,
      long[] rfmCounts,
      long[] rfmDays,
      double[] rfmMonetary) {
    Bounds b = bounds(ctx);
    EventReads reads = begin(c);
    try {
      segments(c, b, segments);
      for (int i = 0; i < program.tierings.length; i++) {
        tiers[i] = program.tierIndex(i, c, b, segments);
      }
      for (int i = 0; i < program.scores.length; i++) {
        scores[i] = program.score(i, c, b, segments);
      }
      for (int i = 0; i < program.rfms.length; i++) {
        rfmCounts[i] = program.rfms[i].window(c, b, reads, rfmDays, rfmMonetary, i);
      }
    } finally {
      end(reads);
    }
  }

  /** RFM model {@code i}, whose window {@link #all} reads. */
  public RfmModel rfmModel(int i) {
    return program.rfms[i].model;
  }

  /** The name of tier {@code tier} (an index {@link #all} gives) of tiering {@code i}. */
  public String tierName(int i, int tier) {
    return program.tierName(i, tier);
  }

  /** The result of plan node {@code id} (any node of the plan this evaluator was compiled from). */
  public Truth node(int id, Customer c, EvaluationContext ctx) {
    if (planned == null) {
      throw new IllegalStateException("compiled without a plan");
    }
    Bounds b = bounds(ctx);
    EventReads reads = begin(c);
    try {
      return planned[id].eval(c, c, b, null);
    } finally {
      end(reads);
    }
  }

  /** Score model {@code i}'s score (0 when no rule applies). */
  public double score(int i, Customer c, EvaluationContext ctx) {
    Bounds b = bounds(ctx);
    EventReads reads = begin(c);
    try {
      return program.score(i, c, b, null);
    } finally {
      end(reads);
    }
  }

  /** The name of the tier tiering {@code i} gives the customer. */
  public String tier(int i, Customer c, EvaluationContext ctx) {
    return once((p, k, x, b) -> p.tierName(k, p.tierIndex(k, x, b, null)), i, c, ctx);
  }

  /** RFM model {@code i}'s segment, or null without events in its window. */
  public RfmSegment rfmSegment(int i, Customer c, EvaluationContext ctx) {
    return once(Program::rfmSegment, i, c, ctx);
  }

  /** RFM model {@code i}'s scores, or null without events in its window. */
  public RfmScores rfmScores(int i, Customer c, EvaluationContext ctx) {
    return once((p, k, x, b) -> p.rfms[k].scores(x, b), i, c, ctx);
  }

  /** Why segment {@code i} gives its result: the condition as written, node by node. */
  public Explanation explainSegment(int i, Customer c, EvaluationContext ctx) {
    return once(Program::explainSegment, i, c, ctx);
  }

  /** Which rules of score model {@code i} gave which points, and which caps applied. */
  public Explanation explainScore(int i, Customer c, EvaluationContext ctx) {
    return once(Program::explainScore, i, c, ctx);
  }

  /** Tiering {@code i}'s tier and why the earlier tiers did not apply. */
  public Explanation explainTiering(int i, Customer c, EvaluationContext ctx) {
    return once(Program::explainTiering, i, c, ctx);
  }

  /** RFM model {@code i}'s recency, frequency and monetary values and scores. */
  public Explanation explainRfm(int i, Customer c, EvaluationContext ctx) {
    return once(Program::explainRfm, i, c, ctx);
  }

  /** One evaluation of {@code part} of the program (non-capturing, so nothing is allocated). */
  private interface Part<T> {
    T of(Program program, int i, Customer c, Bounds bounds);
  }

  private <T> T once(Part<T> part, int i, Customer c, EvaluationContext ctx) {
    Bounds b = bounds(ctx);
    EventReads reads = begin(c);
    try {
      return part.of(program, i, c, b);
    } finally {
      end(reads);
    }
  }

  /**
   * Begins an evaluation of {@code c}: the thread's {@link EventReads} when the program reads
   * events, else null (nothing to cache, and no thread-local lookup per customer). Every entry
   * point begins and {@link #end}s through these two, so all skip the cache alike.
   */
  private EventReads begin(Customer c) {
    return readsEvents ? EventReads.begin(c) : null;
  }

  private static void end(EventReads reads) {
    if (reads != null) {
      reads.end();
    }
  }

  // See the class comment: one cached Bounds, keyed by the context's identity (a plain field).
  Bounds bounds(EvaluationContext ctx) {
    Bounds b = bounds;
    if (b == null || b.ctx != ctx) {
      b = times.bind(ctx);
      bounds = b;
    }
    return b;
  }

  /** Segment {@code i}'s node as evaluations find it now (tests). */
  Node segmentNode(int i) {
    return segments[i];
  }

  @Override
  public String toString() {
    return "PlanEvaluator[" + program.segments.length + " segments]";
  }
}
