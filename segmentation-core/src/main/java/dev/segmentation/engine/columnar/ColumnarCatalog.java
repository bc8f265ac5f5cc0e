package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.ReferenceGraph;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.internal.NumericLiteral;
import dev.segmentation.model.Schema;
import dev.segmentation.plan.Plan;
import dev.segmentation.plan.PlanNode;
import dev.segmentation.plan.eval.PlanEvaluator;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;

/**
 * A catalog compiled for batch evaluation over a {@link CustomerTable}: every segment of the
 * catalog in one pass over the table, in chunks of {@value Scratch#CHUNK_ROWS} rows spread over the
 * cores, with the same three-valued answers as the row engine.
 *
 * <p>Each condition node yields two bitsets per chunk, TRUE and FALSE (UNKNOWN is neither): AND is
 * {@code T = T1 & T2, F = F1 | F2}, OR is {@code T = T1 | T2, F = F1 & F2}, NOT swaps them. Equal
 * sub-conditions of different segments are one node, computed once per chunk; {@code inSegment}
 * reuses the referenced segment's node; scores and tiers are computed from their rules' nodes. The
 * operands of AND and OR are ordered cheapest first, and each is computed only for the rows the
 * earlier ones left undecided. Leaves run as kernels over primitive columns (numbers, dates,
 * timestamps, booleans, dictionary strings, tags, geo points, presence, and events with their
 * filters, windows and aggregates); the few forms without a kernel (anniversaries, RFM tiers) go
 * row by row through the row engine, exactly but slower.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColumnarCatalog {

  private final Schema schema;
  private final Plan plan;
  private final PlanEvaluator rows; // for what has no kernel, one customer at a time
  private final ImmutableList<String> segmentNames;
  private final List<Condition> nodes = new ArrayList<>(); // children before parents
  private final List<PlanNode> planNodes = new ArrayList<>(); // each node's plan node
  private final List<int[]> children = new ArrayList<>(); // AND/OR operands cheapest first
  private final int[] roots;
  private final Map<String, ScorePlan> scorePlans = new LinkedHashMap<>();
  private final Map<String, TierPlan> tierPlans = new LinkedHashMap<>();
  private final List<ScorePlan> scoreList; // in unit order
  private final List<TierPlan> tierList;
  // What each chunk computes, in dependency order: segments (root node), scores and tierings.
  private final int[] countOrder; // the units the segments need
  private final int[] fullOrder; // every unit
  // Event filters: per event type with filters, a catalog over its properties (the plan's
  // eventFilters), whose segment PlanNode.filterSegment() is an event node's filter.
  private final Map<String, ColumnarCatalog> filters = new LinkedHashMap<>();

  ColumnarCatalog(Plan plan) {
    CheckedCatalog checked = plan.checked();
    Catalog catalog = checked.catalog();
    this.schema = checked.schema();
    this.plan = plan;
    this.rows = PlanEvaluator.of(plan);
    this.segmentNames =
        catalog.segments().stream().map(Segment::name).collect(ImmutableList.toImmutableList());
    // The physical plan: one node per plan node, except that an inSegment is the referenced
    // segment's node (the plan places it before every segment that refers to it).
    int[] physical = new int[plan.nodeCount()];
    for (PlanNode n : plan.nodes()) {
      physical[n.id()] =
          n.kind() == Kind.IN_SEGMENT
              ? physical[plan.segment(n.segment()).node()]
              : node(n, physical, plan);
    }
    this.roots = new int[segmentNames.size()];
    for (int i = 0; i < roots.length; i++) {
      roots[i] = physical[plan.segment(i).node()];
    }
    for (int k = 0; k < catalog.scores().size(); k++) {
      scorePlans.put(
          catalog.scores().get(k).name(),
          new ScorePlan(catalog.scores().get(k), physical(plan.scoreRules(k), physical)));
    }
    for (int k = 0; k < catalog.tierings().size(); k++) {
      tierPlans.put(
          catalog.tierings().get(k).name(),
          new TierPlan(catalog.tierings().get(k), physical(plan.tiers(k), physical)));
    }
    ReferenceGraph graph = checked.references();
    int[] segmentUnits = new int[roots.length];
    Arrays.setAll(segmentUnits, graph::segmentUnit);
    int[] allUnits = new int[graph.unitCount()];
    Arrays.setAll(allUnits, u -> u);
    this.countOrder = graph.order(segmentUnits);
    this.fullOrder = graph.order(allUnits);
    planFilters();
    this.scoreList = List.copyOf(scorePlans.values());
    this.tierList = List.copyOf(tierPlans.values());
  }

  private static int[] physical(List<Plan.Root> roots, int[] physical) {
    return roots.stream().mapToInt(r -> physical[r.node()]).toArray();
  }

  /**
   * A physical node for plan node {@code n}: AND and OR operands ordered cheapest first by the
   * plan's costs (a referenced segment, computed before the segments that refer to it, is free).
   */
  private int node(PlanNode n, int[] physical, Plan plan) {
    int[] kids = new int[0];
    if (n.kind().isOperator()) {
      Integer[] order = new Integer[n.childCount()];
      Arrays.setAll(order, i -> i);
      // Cheapest first (stable): an expensive operand then runs on the fewest rows.
      Arrays.sort(order, Comparator.comparingDouble(i -> plan.node(n.child(i)).cost()));
      kids = Arrays.stream(order).mapToInt(i -> physical[n.child(i)]).toArray();
    }
    int id = nodes.size();
    nodes.add(n.condition());
    planNodes.add(n);
    children.add(kids);
    return id;
  }

  /** The columnar catalog of every filtered event type's filters. */
  private void planFilters() {
    for (PlanNode n : planNodes) {
      if (n.filterSegment() >= 0) {
        filters.computeIfAbsent(
            ((EventCondition) n.condition()).eventType(),
            type -> new ColumnarCatalog(plan.eventFilters(type)));
      }
    }
  }

  // An inTier of no tiering names an RFM model (the check made sure it exists).
  private int rfmModel(String name) {
    int i = rows.rfmIndex(name);
    if (i < 0) {
      throw new IllegalStateException("no tiering or RFM model " + name);
    }
    return i;
  }

  /** The segment names, in catalog order. */
  public List<String> segmentNames() {
    return segmentNames;
  }

  /** The number of distinct condition nodes after sharing equal sub-conditions. */
  public int nodeCount() {
    return nodes.size();
  }

  /** Every segment over every customer of {@code table}, on all cores. */
  public BatchResult evaluate(CustomerTable table, EvaluationContext ctx) {
    return evaluate(table, ctx, Runtime.getRuntime().availableProcessors());
  }

  /** Every segment over every customer of {@code table}, on {@code parallelism} threads. */
  public BatchResult evaluate(CustomerTable table, EvaluationContext ctx, int parallelism) {
    Kernel[] kernels = bind(table, ctx, parallelism, null);
    int n = table.size();
    List<ScorePlan> scores = scoreList;
    List<TierPlan> tiers = tierList;
    double[][] scoreValues = new double[scores.size()][n];
    int[][] tierValues = new int[tiers.size()][n];
    long[][] out =
        trueWords(
            table,
            kernels,
            parallelism,
            null,
            fullOrder,
            (s, chunk) -> {
              for (int i = 0; i < s.rows; i++) {
                for (int k = 0; k < scores.size(); k++) {
                  scoreValues[k][s.first + i] = scores.get(k).score(s.t, i >>> 6, i & 63);
                }
                for (int k = 0; k < tiers.size(); k++) {
                  tierValues[k][s.first + i] = tiers.get(k).tier(s.t, i >>> 6, i & 63);
                }
              }
            });
    RoaringBitmap[] members = new RoaringBitmap[roots.length];
    Parallel.run(
        roots.length,
        parallelism,
        () ->
            seg -> {
              members[seg] = BitSetUtil.bitmapOf(out[seg]);
              members[seg].runOptimize();
              out[seg] = null; // let the words go as soon as the bitmap holds them
            });
    Map<String, double[]> scoreMap = new HashMap<>();
    for (int k = 0; k < scores.size(); k++) {
      scoreMap.put(scores.get(k).name, scoreValues[k]);
    }
    Map<String, BatchResult.Tiers> tierMap = new HashMap<>();
    for (int k = 0; k < tiers.size(); k++) {
      tierMap.put(tiers.get(k).name, new BatchResult.Tiers(tiers.get(k).names, tierValues[k]));
    }
    return new BatchResult(table, ctx, rows, segmentNames, members, scoreMap, tierMap);
  }

  /** The member count of every segment, without materializing member sets. */
  public long[] counts(CustomerTable table, EvaluationContext ctx, int parallelism) {
    return counts(table, ctx, parallelism, newCounts()).toArray();
  }

  /**
   * A workspace for {@link #counts(CustomerTable, EvaluationContext, int, Counts)}, to keep and
   * pass again: one per calling thread (see {@link Counts}).
   */
  public Counts newCounts() {
    return new Counts(this, roots.length);
  }

  /**
   * The member count of every segment, into {@code into}, which is returned. Repeated calls with
   * the same table and context objects reuse what the first bound and allocated, so that they
   * allocate next to nothing (see {@link Counts}); the work runs on the library's helper threads
   * and the calling thread.
   *
   * @throws IllegalArgumentException when {@code into} belongs to another catalog, or an argument
   *     is null or out of range
   * @throws IllegalStateException when another thread is using {@code into}
   */
  public Counts counts(CustomerTable table, EvaluationContext ctx, int parallelism, Counts into) {
    return count(table, ctx, parallelism, null, into);
  }

  /**
   * As {@link #counts(CustomerTable, EvaluationContext, int, Counts)}, with the parallel work
   * submitted to {@code executor} instead of the library's helper threads: up to {@code parallelism
   * - 1} tasks run on it while the calling thread works too, claiming chunks of rows from the same
   * counter, and the call returns when every task that started has ended (a task that has not
   * started by then does nothing when it does). A direct executor ({@code Runnable::run}) runs the
   * tasks inside {@code execute}, so the call is single-threaded; a rejected task leaves its share
   * to the calling thread. The first call's binding (event filters) uses the executor too.
   */
  public Counts counts(
      CustomerTable table, EvaluationContext ctx, int parallelism, Executor executor, Counts into) {
    if (executor == null) {
      throw new IllegalArgumentException("executor must not be null");
    }
    return count(table, ctx, parallelism, executor, into);
  }

  private Counts count(
      CustomerTable table, EvaluationContext ctx, int parallelism, Executor executor, Counts into) {
    if (into == null || into.catalog != this) {
      throw new IllegalArgumentException(
          "counts must come from this catalog's newCounts(), got " + into);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    into.enter();
    try {
      if (into.table != table || into.ctx != ctx) {
        into.bind(table, ctx, bind(table, ctx, parallelism, executor), chunks(table.size()));
      }
      into.prepare(parallelism);
      run(table.size(), parallelism, executor, into.scratches, countOrder, into.task);
      into.sum();
      return into;
    } finally {
      into.exit();
    }
  }

  /** Counts the chunk's members of every segment into {@code out}. */
  void countChunk(Scratch s, long[] out) {
    for (int seg = 0; seg < roots.length; seg++) {
      long[] t = s.t[roots[seg]];
      long count = 0;
      for (int w = 0; w < s.words; w++) {
        count += Long.bitCount(t[w]);
      }
      out[seg] = count;
    }
  }

  /** The TRUE words of every segment over the whole table (bit r of word r / 64: row r). */
  long[][] memberWords(
      CustomerTable table, EvaluationContext ctx, int parallelism, Executor executor) {
    return trueWords(
        table, bind(table, ctx, parallelism, executor), parallelism, executor, countOrder, null);
  }

  // Every segment's TRUE words, and whatever else each chunk's task (or null) takes from it.
  private long[][] trueWords(
      CustomerTable table,
      Kernel[] kernels,
      int parallelism,
      Executor executor,
      int[] order,
      ChunkTask also) {
    long[][] out = new long[roots.length][(table.size() + 63) >>> 6];
    run(
        table.size(),
        parallelism,
        executor,
        () -> new Scratch(kernels, table),
        order,
        (s, chunk) -> {
          for (int seg = 0; seg < roots.length; seg++) {
            // Chunks own disjoint word ranges of the output: no locks needed.
            System.arraycopy(s.t[roots[seg]], 0, out[seg], s.first >>> 6, s.words);
          }
          if (also != null) {
            also.accept(s, chunk);
          }
        });
    return out;
  }

  private static int chunks(int n) {
    return (n + Scratch.CHUNK_ROWS - 1) / Scratch.CHUNK_ROWS;
  }

  /** What a worker does with a chunk once its units are computed. */
  interface ChunkTask {
    void accept(Scratch s, int chunk);
  }

  /**
   * Evaluates every chunk: the units of {@code order} (segments, scores, tierings) on every row,
   * then {@code task}. Each worker takes its own scratch buffers from {@code scratches} (new ones,
   * or a {@link Counts}' reused ones) and claims chunks from a shared counter, so no lock is taken
   * on the hot path. {@code executor}: where helpers run, or null for the library's own threads.
   */
  private void run(
      int n,
      int parallelism,
      Executor executor,
      Supplier<Scratch> scratches,
      int[] order,
      ChunkTask task) {
    Parallel.run(
        chunks(n),
        parallelism,
        executor,
        () -> {
          Scratch s = scratches.get();
          return c -> {
            int first = c * Scratch.CHUNK_ROWS;
            s.chunk(c, first, Math.min(Scratch.CHUNK_ROWS, n - first));
            for (int unit : order) {
              computeUnit(s, unit);
            }
            task.accept(s, c);
          };
        });
  }

  // Units are numbered: segments, then score models, then tierings (as in ReferenceGraph).
  private void computeUnit(Scratch s, int unit) {
    if (unit < roots.length) {
      s.requestAll(roots[unit]);
      return;
    }
    int k = unit - roots.length;
    if (k < scorePlans.size()) {
      for (int rule : scoreAt(k).ruleNodes) {
        s.requestAll(rule);
      }
      return;
    }
    tierAt(k - scorePlans.size()).request(s, s.full, 1);
  }

  private ScorePlan scoreAt(int k) {
    return scoreList.get(k);
  }

  private TierPlan tierAt(int k) {
    return tierList.get(k);
  }

  // ------------------------------------------------------------------------------ binding

  private Kernel[] bind(
      CustomerTable table, EvaluationContext ctx, int parallelism, Executor executor) {
    if (table == null) {
      throw new IllegalArgumentException("table must not be null");
    }
    if (!table.schema().equals(schema)) {
      throw new IllegalArgumentException(
          "the table's schema differs from the schema the catalog was compiled for");
    }
    if (ctx == null) {
      throw new IllegalArgumentException("evaluation context must not be null");
    }
    // Every event filter over every event of its type, before the customers' chunks.
    Map<String, long[][]> filterWords = new HashMap<>();
    for (Map.Entry<String, ColumnarCatalog> e : filters.entrySet()) {
      EventColumns events = table.events(e.getKey());
      filterWords.put(
          e.getKey(), e.getValue().memberWords(events.properties, ctx, parallelism, executor));
    }
    Binding binding = new Binding(schema, table, ctx, plan, rows);
    Kernel[] kernels = new Kernel[nodes.size()];
    for (int k = 0; k < kernels.length; k++) {
      kernels[k] = bind(k, binding, ctx, filterWords);
    }
    return kernels;
  }

  private Kernel bind(
      int k, Binding binding, EvaluationContext ctx, Map<String, long[][]> filterWords) {
    Condition c = nodes.get(k);
    int[] kids = children.get(k);
    return switch (c.kind()) {
      case AND -> new Kernel.Junction(kids, true);
      case OR -> new Kernel.Junction(kids, false);
      case NOT -> new Kernel.Not(kids[0]);
      case SCORE -> {
        ScoreCondition s = (ScoreCondition) c;
        yield new Kernel.ScoreCompare(
            scorePlans.get(s.score()), NumericLiteral.of(s.value()), s.op());
      }
      case IN_TIER -> {
        InTier t = (InTier) c;
        TierPlan plan = tierPlans.get(t.tiering());
        yield plan != null
            ? new Kernel.TierIs(plan, plan.names.indexOf(t.tier()))
            : new Kernel.RfmTier(rows, rfmModel(t.tiering()), ctx, t.tier());
      }
      case EVENT -> {
        EventCondition e = (EventCondition) c;
        PlanNode n = planNodes.get(k);
        if (n.filterSegment() >= 0) {
          yield binding.event(n, filterWords.get(e.eventType())[n.filterSegment()]);
        }
        yield binding.event(n, null);
      }
      case IN_SEGMENT ->
          throw new IllegalStateException("an inSegment is its target's node, never bound");
      case ALWAYS,
          NEVER,
          COMPARE,
          BETWEEN,
          IN,
          STRING_MATCH,
          TAG_MATCH,
          TAG_COUNT,
          PRESENCE,
          RELATIVE_TIME,
          CALENDAR_WINDOW,
          ANNIVERSARY,
          GEO_WITHIN ->
          binding.leaf(planNodes.get(k));
    };
  }

  @Override
  public String toString() {
    return "ColumnarCatalog[" + segmentNames.size() + " segments, " + nodes.size() + " nodes]";
  }
}
