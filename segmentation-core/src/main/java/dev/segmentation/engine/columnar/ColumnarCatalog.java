package dev.segmentation.engine.columnar;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.plan.Plan;
import java.util.HashMap;
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
 * row by row through the row engine, exactly but slower. The nodes, kernels and units are the
 * {@link PhysicalPlan}'s, built once at compile; this class runs them over a table's chunks.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColumnarCatalog {
  // The physical plan (nodes, roots, score and tier plans, unit orders, event filter catalogs);
  // this class runs it over a table. The arrays used per chunk are kept here as fields.
  private final PhysicalPlan physical;
  private final int[] roots;
  private final List<ScorePlan> scoreList; // in unit order
  private final List<TierPlan> tierList;
  private final int[] countOrder; // the units the segments need
  private final int[] fullOrder; // every unit

  ColumnarCatalog(Plan plan) {
    this.physical = new PhysicalPlan(plan);
    this.roots = physical.roots;
    this.scoreList = physical.scoreList;
    this.tierList = physical.tierList;
    this.countOrder = physical.countOrder;
    this.fullOrder = physical.fullOrder;
  }

  /** The segment names, in catalog order. */
  public List<String> segmentNames() {
    return physical.segmentNames;
  }

  /** The number of distinct condition nodes after sharing equal sub-conditions. */
  public int nodeCount() {
    return physical.nodeCount();
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
    return new BatchResult(
        table, ctx, physical.rows, physical.segmentNames, members, scoreMap, tierMap);
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
    if (k < scoreList.size()) {
      for (int rule : scoreList.get(k).ruleNodes) {
        s.requestAll(rule);
      }
      return;
    }
    tierList.get(k - scoreList.size()).request(s, s.full, 1);
  }

  /** The physical plan's kernels over {@code table} and {@code ctx}, event filters run first. */
  private Kernel[] bind(
      CustomerTable table, EvaluationContext ctx, int parallelism, Executor executor) {
    if (table == null) {
      throw new IllegalArgumentException("table must not be null");
    }
    if (!table.schema().equals(physical.schema)) {
      throw new IllegalArgumentException(
          "the table's schema differs from the schema the catalog was compiled for");
    }
    if (ctx == null) {
      throw new IllegalArgumentException("evaluation context must not be null");
    }
    // Every event filter over every event of its type, before the customers' chunks.
    Map<String, long[][]> filterWords = new HashMap<>();
    for (Map.Entry<String, ColumnarCatalog> e : physical.filters.entrySet()) {
      EventColumns events = table.events(e.getKey());
      filterWords.put(
          e.getKey(), e.getValue().memberWords(events.properties, ctx, parallelism, executor));
    }
    Binding binding = new Binding(physical.schema, table, ctx, physical.plan, physical.rows);
    return physical.bind(binding, ctx, filterWords);
  }

  @Override
  public String toString() {
    return "ColumnarCatalog["
        + physical.segmentNames.size()
        + " segments, "
        + physical.nodeCount()
        + " nodes]";
  }
}
