package dev.segmentation.engine.row;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.plan.eval.PlanEvaluator;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.RfmSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A catalog compiled for the row engine: answers, for one customer at a time, which segments it is
 * in, its scores and tiers, and why. Immutable and thread-safe; share one instance between threads.
 *
 * <pre>{@code
 * CompiledCatalog compiled = RowEngine.compile(catalog, schema);
 * EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));
 * boolean vip = compiled.matches("vip", customer, ctx);
 * Set<String> all = compiled.segmentsOf(customer, ctx);
 * System.out.println(compiled.explain("vip", customer, ctx).toText());
 * }</pre>
 *
 * <p>{@link #evaluate}, {@link #matches}, {@link #evaluateAll}, {@link #score} and {@link #tier}
 * allocate nothing per customer once the catalog has seen the context, except for three kinds of
 * condition: regular expressions (re2j needs a fresh matcher per value), case-insensitive tests of
 * values that are not pure ASCII (lowercased copies), and distinct counts of events. Time bounds
 * such as {@code asOf - 90 days} depend only on the context: they are computed when the catalog
 * first sees a context and cached in one volatile field keyed by the context's identity, so reuse
 * one {@link EvaluationContext} for a batch. Threads with different contexts stay correct (each
 * cached value is immutable and checked by identity) but recompute the bounds.
 *
 * <p>A value of the wrong type read from a customer raises {@link
 * dev.segmentation.model.InvalidDataException} naming the customer and attribute.
 *
 * <p>Each call is one evaluation: a customer's events of each type are read once per call however
 * many conditions use them (a {@link dev.segmentation.model.CustomerView} converts a user's orders
 * once), and are read afresh by the next call.
 */
public final class CompiledCatalog {
  private final PlanEvaluator program;
  private final ImmutableList<String> segmentNames;
  private final int segmentCount; // segmentNames.size(), without a call per evaluation
  private final ImmutableMap<String, Integer> segmentIndex;
  private final ImmutableMap<String, Integer> scoreIndex;
  private final ImmutableMap<String, Integer> tieringIndex;
  private final ImmutableMap<String, Integer> rfmIndex;

  CompiledCatalog(PlanEvaluator program) {
    this.program = program;
    this.segmentNames = names(program.segmentCount(), program::segmentName);
    this.segmentCount = segmentNames.size();
    this.segmentIndex = indexOf(segmentNames);
    this.scoreIndex = indexOf(names(program.scoreCount(), program::scoreName));
    this.tieringIndex = indexOf(names(program.tieringCount(), program::tieringName));
    this.rfmIndex = indexOf(names(program.rfmCount(), program::rfmName));
  }

  private static ImmutableList<String> names(int count, IntFunction<String> name) {
    return IntStream.range(0, count).mapToObj(name).collect(ImmutableList.toImmutableList());
  }

  private static ImmutableMap<String, Integer> indexOf(ImmutableList<String> names) {
    ImmutableMap.Builder<String, Integer> b = ImmutableMap.builder();
    for (int i = 0; i < names.size(); i++) {
      b.put(names.get(i), i);
    }
    return b.buildOrThrow();
  }

  /** The segments' names in catalog order; {@link #evaluateAll} fills results in this order. */
  public List<String> segmentNames() {
    return segmentNames;
  }

  /** The position of the segment in {@link #segmentNames()}, or -1 when there is none. */
  public int segmentIndex(String name) {
    if (name == null) {
      throw new IllegalArgumentException("segment name must not be null");
    }
    Integer i = segmentIndex.get(name);
    return i == null ? -1 : i;
  }

  /** The score models' names. */
  public Set<String> scoreNames() {
    return scoreIndex.keySet();
  }

  /** The tierings' and RFM models' names (both answer {@link #tier}). */
  public Set<String> tieringNames() {
    return ImmutableSet.<String>builder()
        .addAll(tieringIndex.keySet())
        .addAll(rfmIndex.keySet())
        .build();
  }

  /**
   * The result of segment {@code segmentIndex} for the customer: TRUE, FALSE or UNKNOWN.
   *
   * <pre>{@code
   * Truth t = compiled.evaluate(compiled.segmentIndex("adults"), customer, ctx);
   * }</pre>
   *
   * <p>For one customer at a time (a request). A loop over many customers is faster through {@link
   * #evaluateBlock}: the JIT compiles this method on its own first, and once a segment's code makes
   * it larger than the JVM's {@code -XX:InlineSmallCode} (2,500 bytes of machine code by default)
   * it calls it from the caller's loop instead of inlining it, a call per customer that the block's
   * generated loop does not make.
   */
  public Truth evaluate(int segmentIndex, Customer c, EvaluationContext ctx) {
    checkIndex(segmentIndex);
    return program.segment(segmentIndex, customer(c), context(ctx));
  }

  private void checkIndex(int segmentIndex) {
    int n = segmentCount;
    if (segmentIndex < 0 || segmentIndex >= n) {
      throw new IllegalArgumentException(
          "segment index "
              + segmentIndex
              + " is out of range: the catalog has "
              + n
              + " segments"
              + (n == 0 ? "" : ", 0 to " + (n - 1)));
    }
  }

  /**
   * Segment {@code segmentIndex}'s result for each of {@code customers[from..to)}, into {@code
   * out[0..to - from)}: {@code out[k - from]} is what {@link #evaluate(int, Customer,
   * EvaluationContext) evaluate(segmentIndex, customers[k], ctx)} returns. For a batch over plain
   * objects: a segment compiled to generated code (the default, from its 10,000th evaluation on;
   * interpreted, customer by customer, before) runs as one loop with the segment's code inside it,
   * with no call per customer, which the JIT would otherwise make once a segment's code is too
   * large to inline into the caller's loop; blocks of a few hundred customers into one reused
   * {@code out} keep it allocation-free. When an exception is thrown, the contents of {@code out}
   * are unspecified.
   *
   * @throws IllegalArgumentException when the index is out of range, an array or a customer in the
   *     range is null, the range is not within {@code customers}, or {@code out} is shorter than
   *     the range
   */
  public void evaluateBlock(
      int segmentIndex,
      Customer[] customers,
      int from,
      int to,
      EvaluationContext ctx,
      Truth[] out) {
    checkIndex(segmentIndex);
    if (customers == null || out == null) {
      throw new IllegalArgumentException("customers and out must not be null");
    }
    if (from < 0 || from > to || to > customers.length) {
      throw new IllegalArgumentException(
          "range " + from + ".." + to + " is not within the " + customers.length + " customers");
    }
    if (out.length < to - from) {
      throw new IllegalArgumentException(
          "out must hold at least " + (to - from) + " results, has " + out.length);
    }
    for (int k = from; k < to; k++) {
      if (customers[k] == null) {
        throw new IllegalArgumentException("customer " + k + " must not be null");
      }
    }
    program.segment(segmentIndex, customers, from, to, context(ctx), out);
  }

  /** Whether the customer is in the segment, i.e. its condition is TRUE (not FALSE or UNKNOWN). */
  public boolean matches(String segment, Customer c, EvaluationContext ctx) {
    return evaluate(index(segmentIndex, segment, "segment"), c, ctx) == Truth.TRUE;
  }

  /**
   * The result of every segment, in {@link #segmentNames()} order, into {@code out}; allocates
   * nothing. Each segment is evaluated once, after the segments it refers to, whose results it
   * reuses. When an exception is thrown, the contents of {@code out} are unspecified.
   *
   * @param out at least {@code segmentNames().size()} long
   */
  public void evaluateAll(Customer c, EvaluationContext ctx, Truth[] out) {
    if (out == null || out.length < segmentNames.size()) {
      throw new IllegalArgumentException(
          "out must hold at least " + segmentNames.size() + " results");
    }
    program.segments(customer(c), context(ctx), out);
  }

  /** The names of the segments the customer is in (TRUE), in catalog order. */
  public Set<String> segmentsOf(Customer c, EvaluationContext ctx) {
    Truth[] results = new Truth[segmentNames.size()];
    evaluateAll(c, ctx, results);
    ImmutableSet.Builder<String> in = ImmutableSet.builder();
    for (int i = 0; i < results.length; i++) {
      if (results[i] == Truth.TRUE) {
        in.add(segmentNames.get(i));
      }
    }
    return in.build();
  }

  /**
   * The position of the score model in {@link #scoreNames()} order (the index {@link Result#score}
   * takes), or -1 when there is none.
   */
  public int scoreIndex(String name) {
    return positionOf(scoreIndex, name, "score model");
  }

  /**
   * The position of the tiering (not an RFM model: see {@link #rfmIndex}) in the order of the
   * catalog's tierings (the index {@link Result#tier} takes), or -1 when there is none.
   */
  public int tieringIndex(String name) {
    return positionOf(tieringIndex, name, "tiering");
  }

  /**
   * The position of the RFM model in the order of the catalog's RFM models (the index {@link
   * Result#rfm} takes), or -1 when there is none.
   */
  public int rfmIndex(String name) {
    return positionOf(rfmIndex, name, "RFM model");
  }

  private static int positionOf(ImmutableMap<String, Integer> names, String name, String what) {
    if (name == null) {
      throw new IllegalArgumentException(what + " name must not be null");
    }
    Integer i = names.get(name);
    return i == null ? -1 : i;
  }

  /**
   * A result object for {@link #evaluate(Customer, EvaluationContext, Result)}, sized for this
   * catalog. Make one per thread and reuse it for every customer: it is not thread-safe.
   */
  public Result newResult() {
    return new Result(this);
  }

  /**
   * Every segment, tiering, score model and RFM model of the catalog for one customer, in one
   * evaluation, into {@code into} (which it returns). It gives what {@link #evaluateAll}, {@link
   * #tier}, {@link #score} and {@link #rfm} give one by one, but reads the customer's events of
   * each type (and checks their time order) once instead of once per call, and evaluates a segment
   * that a tiering or score refers to once. Allocates nothing, except for the three kinds of
   * condition the class comment lists (an RFM model's {@link RfmScores} is made only when {@link
   * Result#rfm} asks for it).
   *
   * <pre>{@code
   * CompiledCatalog.Result r = compiled.newResult(); // one per thread, reused
   * int premium = compiled.segmentIndex("premium");
   * int value = compiled.tieringIndex("value");
   * int engagement = compiled.scoreIndex("engagement");
   * for (Customer c : customers) {
   *   compiled.evaluate(c, ctx, r);
   *   boolean inPremium = r.in(premium);
   *   String tier = r.tier(value);
   *   double score = r.score(engagement);
   * }
   * }</pre>
   *
   * <p>The result holds nothing of the customer, only the answers; it is overwritten by the next
   * call. When the evaluation throws, the result is left empty: its accessors throw {@link
   * IllegalStateException} until the next call that succeeds.
   *
   * @param into a result of this catalog's {@link #newResult()}
   * @throws IllegalArgumentException when {@code into} was made by another catalog
   */
  public Result evaluate(Customer c, EvaluationContext ctx, Result into) {
    if (into == null || into.catalog != this) {
      throw new IllegalArgumentException("into must be a result of this catalog's newResult()");
    }
    into.filled = false;
    program.all(
        customer(c),
        context(ctx),
        into.segments,
        into.tiers,
        into.scores,
        into.rfmCounts,
        into.rfmDays,
        into.rfmMonetary);
    into.filled = true;
    return into;
  }

  /**
   * What {@link #evaluate(Customer, EvaluationContext, Result)} found for one customer, addressed
   * by position: segment {@code i} of {@link #segmentNames()} ({@link #segmentIndex}), tiering
   * {@link #tieringIndex}, score model {@link #scoreIndex}, RFM model {@link #rfmIndex}. Reused for
   * customer after customer by one thread; not thread-safe.
   */
  public static final class Result {
    private final CompiledCatalog catalog;
    private final Truth[] segments;
    private final int[] tiers;
    private final double[] scores;
    // RFM model i's events in its window (0 for none), days since the last, and money sum
    private final long[] rfmCounts;
    private final long[] rfmDays;
    private final double[] rfmMonetary;
    private boolean filled;

    private Result(CompiledCatalog catalog) {
      this.catalog = catalog;
      this.segments = new Truth[catalog.segmentNames.size()];
      this.tiers = new int[catalog.tieringIndex.size()];
      this.scores = new double[catalog.scoreIndex.size()];
      this.rfmCounts = new long[catalog.rfmIndex.size()];
      this.rfmDays = new long[rfmCounts.length];
      this.rfmMonetary = new double[rfmCounts.length];
    }

    private void checkFilled() {
      if (!filled) {
        throw new IllegalStateException(
            "no customer evaluated into this result (or the last evaluation threw)");
      }
    }

    /** Segment {@code i}'s result: TRUE, FALSE or UNKNOWN. */
    public Truth segment(int i) {
      checkFilled();
      return segments[i];
    }

    /** Whether the customer is in segment {@code i}: its result is TRUE. */
    public boolean in(int i) {
      return segment(i) == Truth.TRUE;
    }

    /** The position of the customer's tier under tiering {@code i}, in the order written. */
    public int tierIndex(int i) {
      checkFilled();
      return tiers[i];
    }

    /**
     * The name of the customer's tier under tiering {@code i} (as {@link
     * CompiledCatalog#tier(String, Customer, EvaluationContext)}).
     */
    public String tier(int i) {
      return catalog.program.tierName(i, tierIndex(i));
    }

    /** The customer's score under score model {@code i} (0 when no rule applies). */
    public double score(int i) {
      checkFilled();
      return scores[i];
    }

    /**
     * The customer's scores under RFM model {@code i}, or null without events in its window. Made
     * when asked; {@link #recencyScore}, {@link #frequencyScore} and {@link #monetaryScore} give
     * its scores without making it.
     */
    public RfmScores rfm(int i) {
      checkFilled();
      return rfmCounts[i] == 0
          ? null
          : RfmScores.of(catalog.program.rfmModel(i), rfmDays[i], rfmCounts[i], rfmMonetary[i]);
    }

    /** {@code rfm(i).r()}, or 0 without events in the window. Allocates nothing. */
    public int recencyScore(int i) {
      checkFilled();
      return rfmCounts[i] == 0 ? 0 : catalog.program.rfmModel(i).recencyScore(rfmDays[i]);
    }

    /** {@code rfm(i).f()}, or 0 without events in the window. Allocates nothing. */
    public int frequencyScore(int i) {
      checkFilled();
      return rfmCounts[i] == 0 ? 0 : catalog.program.rfmModel(i).frequencyScore(rfmCounts[i]);
    }

    /** {@code rfm(i).m()}, or 0 without events in the window. Allocates nothing. */
    public int monetaryScore(int i) {
      checkFilled();
      return rfmCounts[i] == 0 ? 0 : catalog.program.rfmModel(i).monetaryScore(rfmMonetary[i]);
    }
  }

  /** The customer's score under the named score model (0 when no rule applies). */
  public double score(String scoreModel, Customer c, EvaluationContext ctx) {
    int i = index(scoreIndex, scoreModel, "score");
    return program.score(i, customer(c), context(ctx));
  }

  /**
   * The customer's tier under the named tiering, or its RFM segment's name under the named RFM
   * model; null only for an RFM model when the customer has no event in the model's window.
   */
  public String tier(String tieringOrRfmModel, Customer c, EvaluationContext ctx) {
    Integer t = tieringIndex.get(tieringOrRfmModel);
    int r = t != null ? -1 : tieringOrRfm(tieringOrRfmModel);
    if (t != null) {
      return program.tier(t, customer(c), context(ctx));
    }
    RfmSegment s = program.rfmSegment(r, customer(c), context(ctx));
    return s == null ? null : s.externalName();
  }

  /** The customer's RFM scores under the named model, or null without events in its window. */
  public RfmScores rfm(String rfmModel, Customer c, EvaluationContext ctx) {
    int r = index(rfmIndex, rfmModel, "RFM model");
    return program.rfmScores(r, customer(c), context(ctx));
  }

  /**
   * Everything the catalog says about the customer in one call, the equivalent of a feature-flag
   * SDK's "all flags": the segments they are in, every score, tier and RFM result, and, when {@code
   * explain} is true, why they are or are not in each segment. The result is immutable and made of
   * JDK types, so a service can return it as JSON as it is.
   *
   * <pre>{@code
   * CustomerResult all = compiled.evaluateCustomer(customer, ctx, false);
   * }</pre>
   *
   * <p>Unlike {@link #evaluateAll}, this allocates the result (and the explanations).
   */
  public CustomerResult evaluateCustomer(Customer c, EvaluationContext ctx, boolean explain) {
    if (c == null || ctx == null) {
      throw new IllegalArgumentException("customer and ctx must not be null");
    }
    Truth[] truths = new Truth[segmentNames.size()];
    evaluateAll(c, ctx, truths);
    List<String> in = new ArrayList<>();
    Map<String, Explanation> why = new LinkedHashMap<>();
    for (int i = 0; i < truths.length; i++) {
      if (truths[i] == Truth.TRUE) {
        in.add(segmentNames.get(i));
      }
      if (explain) {
        why.put(segmentNames.get(i), explain(segmentNames.get(i), c, ctx));
      }
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String s : scoreNames()) {
      scores.put(s, score(s, c, ctx));
    }
    Map<String, String> tiers = new LinkedHashMap<>();
    for (String t : tieringNames()) {
      String tier = tier(t, c, ctx);
      if (tier != null) {
        tiers.put(t, tier);
      }
    }
    Map<String, RfmScores> rfm = new LinkedHashMap<>();
    for (String r : rfmIndex.keySet()) {
      RfmScores scored = rfm(r, c, ctx);
      if (scored != null) {
        rfm.put(r, scored);
      }
    }
    return new CustomerResult(c.id(), ctx.asOf().toString(), in, scores, tiers, rfm, why);
  }

  /**
   * Why the customer is or is not in the segment: the condition as written, each node with its
   * result and the value read. Its result equals {@link #evaluate}'s.
   */
  public Explanation explain(String segment, Customer c, EvaluationContext ctx) {
    int i = index(segmentIndex, segment, "segment");
    return program.explainSegment(i, customer(c), context(ctx));
  }

  /** Which rules of the score model gave which points, and which caps applied. */
  public Explanation explainScore(String scoreModel, Customer c, EvaluationContext ctx) {
    int i = index(scoreIndex, scoreModel, "score");
    return program.explainScore(i, customer(c), context(ctx));
  }

  /**
   * The customer's tier and why the earlier tiers did not apply; for an RFM model, the recency,
   * frequency and monetary values and scores.
   */
  public Explanation explainTier(String tiering, Customer c, EvaluationContext ctx) {
    Integer t = tieringIndex.get(tiering);
    int r = t != null ? -1 : tieringOrRfm(tiering);
    return t != null
        ? program.explainTiering(t, customer(c), context(ctx))
        : program.explainRfm(r, customer(c), context(ctx));
  }

  // The RFM model's index; the error lists tierings and RFM models, which share one namespace.
  private int tieringOrRfm(String name) {
    if (name == null) {
      throw new IllegalArgumentException("tiering must not be null");
    }
    Integer r = rfmIndex.get(name);
    if (r == null) {
      throw new IllegalArgumentException(
          "the catalog has no tiering or RFM model \"" + name + "\"; it has " + tieringNames());
    }
    return r;
  }

  private static Customer customer(Customer c) {
    if (c == null) {
      throw new IllegalArgumentException("customer must not be null");
    }
    return c;
  }

  private static int index(ImmutableMap<String, Integer> names, String name, String what) {
    if (name == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    Integer i = names.get(name);
    if (i == null) {
      throw new IllegalArgumentException(
          "the catalog has no " + what + " \"" + name + "\"; it has " + names.keySet());
    }
    return i;
  }

  private static EvaluationContext context(EvaluationContext ctx) {
    if (ctx == null) {
      throw new IllegalArgumentException("evaluation context must not be null");
    }
    return ctx;
  }

  @Override
  public String toString() {
    return "CompiledCatalog" + segmentNames;
  }
}
