package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.internal.DoubleHashSet;
import dev.segmentation.internal.LongHashSet;
import dev.segmentation.internal.NumericLiteral;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;

/**
 * A catalog compiled for batch evaluation over a {@link CustomerTable}: every segment of the
 * catalog in one pass over the table, in chunks of {@value #CHUNK_ROWS} rows spread over the cores,
 * with the same three-valued answers as the row engine.
 *
 * <p>Each condition node yields two bitsets per chunk, TRUE and FALSE (UNKNOWN is neither): AND is
 * {@code T = T1 & T2, F = F1 | F2}, OR is {@code T = T1 | T2, F = F1 & F2}, NOT swaps them. Equal
 * sub-conditions of different segments are one node, evaluated once per chunk; {@code inSegment}
 * reuses the referenced segment's node. Leaves on numbers, dates, booleans, dictionary strings,
 * tags and presence run as column kernels; the other kinds (timestamps, geo, anniversaries, events,
 * scores, tiers) are evaluated row by row through the row engine, exactly but slower.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColumnarCatalog {

  /** Rows per chunk: 64 words of TRUE and FALSE bits per node stay in the L1/L2 caches. */
  static final int CHUNK_ROWS = 4096;

  private final Schema schema;
  private final Catalog catalog;
  private final CompiledCatalog rows;
  private final ImmutableList<String> segmentNames;
  private final List<Condition> nodes = new ArrayList<>(); // children before parents
  private final List<int[]> children = new ArrayList<>();
  private final int[] roots;
  // Row-engine programs of single leaves, compiled on first use by a kernel that needs one (only
  // leaves without a column kernel, and string leaves per dictionary); shared by evaluations.
  private final Map<Condition, CompiledCatalog> leafPrograms =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, ScorePlan> scorePlans = new java.util.LinkedHashMap<>();
  private final Map<String, TierPlan> tierPlans = new java.util.LinkedHashMap<>();
  private final Set<String> planning = new HashSet<>();

  ColumnarCatalog(Catalog catalog, Schema schema, CompiledCatalog rows, List<Condition> rewritten) {
    this.schema = schema;
    this.catalog = catalog;
    this.rows = rows;
    this.segmentNames =
        catalog.segments().stream().map(Segment::name).collect(ImmutableList.toImmutableList());
    Map<String, Integer> segmentIndex = new HashMap<>();
    for (int i = 0; i < segmentNames.size(); i++) {
      segmentIndex.put(segmentNames.get(i), i);
    }
    this.roots = new int[segmentNames.size()];
    java.util.Arrays.fill(roots, -1);
    Map<Condition, Integer> ids = new HashMap<>();
    for (int i = 0; i < roots.length; i++) {
      root(i, rewritten, segmentIndex, ids, new HashSet<>());
    }
    // Scores and tierings are computed column-wise from their rules' nodes too.
    for (dev.segmentation.segment.ScoreModel m : catalog.scores()) {
      scorePlan(m.name(), rewritten, segmentIndex, ids);
    }
    for (dev.segmentation.segment.Tiering t : catalog.tierings()) {
      tierPlan(t.name(), rewritten, segmentIndex, ids);
    }
  }

  private ScorePlan scorePlan(
      String name,
      List<Condition> rewritten,
      Map<String, Integer> segmentIndex,
      Map<Condition, Integer> ids) {
    ScorePlan plan = scorePlans.get(name);
    if (plan != null) {
      return plan;
    }
    if (!planning.add("score " + name)) {
      throw new IllegalArgumentException("score \"" + name + "\" refers to itself");
    }
    dev.segmentation.segment.ScoreModel model =
        catalog.scores().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    List<Condition> when = model.rules().stream().map(r -> r.condition()).toList();
    plan = new ScorePlan(model, nodes(when, rewritten, segmentIndex, ids));
    scorePlans.put(name, plan);
    return plan;
  }

  private TierPlan tierPlan(
      String name,
      List<Condition> rewritten,
      Map<String, Integer> segmentIndex,
      Map<Condition, Integer> ids) {
    TierPlan plan = tierPlans.get(name);
    if (plan != null) {
      return plan;
    }
    if (!planning.add("tiering " + name)) {
      throw new IllegalArgumentException("tiering \"" + name + "\" refers to itself");
    }
    dev.segmentation.segment.Tiering tiering =
        catalog.tierings().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    if (tiering == null) {
      return null; // an RFM model: evaluated row by row
    }
    List<Condition> when = tiering.tiers().stream().map(t -> t.condition()).toList();
    plan = new TierPlan(tiering, nodes(when, rewritten, segmentIndex, ids));
    tierPlans.put(name, plan);
    return plan;
  }

  /** The nodes of the rewritten {@code conditions}, in order (rules of a score, tiers). */
  private int[] nodes(
      List<Condition> conditions,
      List<Condition> rewritten,
      Map<String, Integer> segmentIndex,
      Map<Condition, Integer> ids) {
    int[] out = new int[conditions.size()];
    for (int i = 0; i < out.length; i++) {
      Condition c = dev.segmentation.rewrite.Rewriter.rewrite(conditions.get(i));
      out[i] = node(c, rewritten, segmentIndex, ids, new HashSet<>());
    }
    return out;
  }

  private int root(
      int segment,
      List<Condition> rewritten,
      Map<String, Integer> segmentIndex,
      Map<Condition, Integer> ids,
      Set<Integer> visiting) {
    if (roots[segment] >= 0) {
      return roots[segment];
    }
    if (!visiting.add(segment)) {
      throw new IllegalArgumentException(
          "segment \"" + segmentNames.get(segment) + "\" refers to itself through inSegment");
    }
    int id = node(rewritten.get(segment), rewritten, segmentIndex, ids, visiting);
    roots[segment] = id;
    visiting.remove(segment);
    return id;
  }

  private int node(
      Condition c,
      List<Condition> rewritten,
      Map<String, Integer> segmentIndex,
      Map<Condition, Integer> ids,
      Set<Integer> visiting) {
    if (c.kind() == Kind.IN_SEGMENT) {
      Integer target = segmentIndex.get(((InSegment) c).segment());
      if (target == null) {
        throw new IllegalArgumentException("unknown segment in " + c);
      }
      return root(target, rewritten, segmentIndex, ids, visiting);
    }
    Integer known = ids.get(c);
    if (known != null) {
      return known;
    }
    if (c.kind() == Kind.SCORE) {
      scorePlan(((ScoreCondition) c).score(), rewritten, segmentIndex, ids);
    } else if (c.kind() == Kind.IN_TIER) {
      tierPlan(((InTier) c).tiering(), rewritten, segmentIndex, ids);
    }
    int[] kids = new int[0];
    if (c.kind() == Kind.AND || c.kind() == Kind.OR || c.kind() == Kind.NOT) {
      List<Condition> operands = c.children();
      kids = new int[operands.size()];
      for (int i = 0; i < kids.length; i++) {
        kids[i] = node(operands.get(i), rewritten, segmentIndex, ids, visiting);
      }
    }
    int id = nodes.size();
    nodes.add(c);
    children.add(kids);
    ids.put(c, id);
    return id;
  }

  private CompiledCatalog leafProgram(Condition c) {
    return leafPrograms.computeIfAbsent(
        c, leaf -> RowEngine.compile(Catalog.of(Segment.of("leaf", leaf)), schema));
  }

  /** The segment names, in catalog order. */
  public ImmutableList<String> segmentNames() {
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
    Kernel[] kernels = bind(table, ctx);
    int n = table.size();
    int words = (n + 63) >>> 6;
    long[][] out = new long[roots.length][words];
    List<ScorePlan> scores = new ArrayList<>(scorePlans.values());
    List<TierPlan> tiers = new ArrayList<>(tierPlans.values());
    double[][] scoreValues = new double[scores.size()][n];
    int[][] tierValues = new int[tiers.size()][n];
    ThreadLocal<Kernel.Scratch> scratch =
        ThreadLocal.withInitial(() -> new Kernel.Scratch(kernels.length, CHUNK_ROWS / 64, table));
    run(
        n,
        parallelism,
        chunk -> {
          Kernel.Scratch s = scratch.get();
          evalChunk(kernels, s, chunk, n);
          for (int seg = 0; seg < roots.length; seg++) {
            // Chunks own disjoint word ranges of the output: no locks needed.
            System.arraycopy(s.t[roots[seg]], 0, out[seg], s.first >>> 6, s.words);
          }
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
    for (int seg = 0; seg < roots.length; seg++) {
      members[seg] = BitSetUtil.bitmapOf(out[seg]);
      members[seg].runOptimize();
    }
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
    Kernel[] kernels = bind(table, ctx);
    int n = table.size();
    int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    long[][] perChunk = new long[chunks][roots.length];
    ThreadLocal<Kernel.Scratch> scratch =
        ThreadLocal.withInitial(() -> new Kernel.Scratch(kernels.length, CHUNK_ROWS / 64, table));
    run(
        n,
        parallelism,
        chunk -> {
          Kernel.Scratch s = scratch.get();
          evalChunk(kernels, s, chunk, n);
          for (int seg = 0; seg < roots.length; seg++) {
            long[] t = s.t[roots[seg]];
            long count = 0;
            for (int w = 0; w < s.words; w++) {
              count += Long.bitCount(t[w]);
            }
            perChunk[chunk][seg] = count;
          }
        });
    long[] counts = new long[roots.length];
    for (long[] c : perChunk) {
      for (int seg = 0; seg < counts.length; seg++) {
        counts[seg] += c[seg];
      }
    }
    return counts;
  }

  private static void evalChunk(Kernel[] kernels, Kernel.Scratch s, int chunk, int n) {
    int first = chunk * CHUNK_ROWS;
    s.chunk(first, Math.min(CHUNK_ROWS, n - first));
    for (int k = 0; k < kernels.length; k++) {
      kernels[k].eval(k, s);
    }
  }

  private static void run(int n, int parallelism, IntConsumer chunkTask) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    if (parallelism == 1 || chunks <= 1) {
      for (int c = 0; c < chunks; c++) {
        chunkTask.accept(c);
      }
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(parallelism);
    try {
      pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(chunkTask)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  // ------------------------------------------------------------------------------ binding

  private Kernel[] bind(CustomerTable table, EvaluationContext ctx) {
    if (!table.schema().equals(schema)) {
      throw new IllegalArgumentException(
          "the table's schema differs from the schema the catalog was compiled for");
    }
    if (ctx == null) {
      throw new IllegalArgumentException("evaluation context must not be null");
    }
    Kernel[] kernels = new Kernel[nodes.size()];
    for (int k = 0; k < kernels.length; k++) {
      kernels[k] = bind(nodes.get(k), children.get(k), table, ctx);
    }
    return kernels;
  }

  private Kernel bind(Condition c, int[] kids, CustomerTable table, EvaluationContext ctx) {
    switch (c.kind()) {
      case ALWAYS:
        return new Kernel.Constant(Truth.TRUE);
      case NEVER:
        return new Kernel.Constant(Truth.FALSE);
      case AND:
        return new Kernel.And(kids);
      case OR:
        return new Kernel.Or(kids);
      case NOT:
        return new Kernel.Not(kids[0]);
      case PRESENCE:
        {
          Presence p = (Presence) c;
          return new Kernel.Presence(column(table, p.attribute()).valid, p.present());
        }
      case TAG_MATCH:
        {
          TagMatch m = (TagMatch) c;
          CustomerTable.TagColumn col = (CustomerTable.TagColumn) column(table, m.attribute());
          boolean[] wanted = new boolean[Math.max(1, col.dictionary.size())];
          int present = 0;
          for (String v : m.values()) {
            Integer code = col.index.get(v);
            if (code != null) {
              wanted[code] = true;
              present++;
            }
          }
          Kernel.Tags.Mode mode =
              m.op() == TagMatch.Op.CONTAINS_ANY
                  ? Kernel.Tags.Mode.ANY
                  : m.op() == TagMatch.Op.CONTAINS_ALL
                      ? Kernel.Tags.Mode.ALL
                      : Kernel.Tags.Mode.NONE;
          return new Kernel.Tags(col, wanted, present, m.values().size(), mode, null, 0);
        }
      case TAG_COUNT:
        {
          TagCount m = (TagCount) c;
          CustomerTable.TagColumn col = (CustomerTable.TagColumn) column(table, m.attribute());
          return new Kernel.Tags(
              col, new boolean[1], 0, 0, Kernel.Tags.Mode.SIZE, m.op(), m.count());
        }
      case SCORE:
        {
          ScoreCondition s = (ScoreCondition) c;
          return new Kernel.ScoreCompare(
              scorePlans.get(s.score()), NumericLiteral.of(s.value()), s.op());
        }
      case IN_TIER:
        {
          InTier t = (InTier) c;
          TierPlan plan = tierPlans.get(t.tiering());
          if (plan != null) {
            return new Kernel.TierIs(plan, plan.names.indexOf(t.tier()));
          }
          return new Kernel.CatalogValue(rows, ctx, t.tiering(), null, null, t.tier());
        }
      case COMPARE:
      case BETWEEN:
      case IN:
      case STRING_MATCH:
      case RELATIVE_TIME:
      case CALENDAR_WINDOW:
        {
          Kernel k = columnKernel(c, table, ctx);
          return k != null ? k : new Kernel.RowByRow(leafProgram(c), ctx);
        }
      case ANNIVERSARY:
      case GEO_WITHIN:
      case EVENT:
        return new Kernel.RowByRow(leafProgram(c), ctx);
      case IN_SEGMENT:
        throw new AssertionError("inSegment is resolved at compile time");
    }
    throw new AssertionError(c.kind());
  }

  private CustomerTable.Column column(CustomerTable table, String attribute) {
    int i = schema.indexOf(attribute);
    if (i < 0) {
      throw new IllegalArgumentException("unknown attribute \"" + attribute + "\"");
    }
    return table.columns[i];
  }

  /** A column kernel for a single-attribute leaf, or null when the leaf goes row by row. */
  private Kernel columnKernel(Condition c, CustomerTable table, EvaluationContext ctx) {
    String attribute = attributeOf(c);
    Attribute<?> a = schema.attribute(attribute);
    CustomerTable.Column col = column(table, attribute);
    AttributeType type = a.type();
    if (type == AttributeType.STRING) {
      return dictionaryKernel(c, (CustomerTable.StringColumn) col);
    }
    if (type == AttributeType.TIMESTAMP) {
      return instantKernel(c, (CustomerTable.TimestampColumn) col, ctx);
    }
    switch (c.kind()) {
      case COMPARE:
        {
          Compare cmp = (Compare) c;
          if (type == AttributeType.INTEGER && cmp.value() instanceof Number n) {
            return longRange(col, Interval.of(cmp.op(), n));
          }
          if (type == AttributeType.DATE && cmp.value() instanceof LocalDate d) {
            return longRange(col, Interval.of(cmp.op(), d.toEpochDay()));
          }
          if (type == AttributeType.NUMBER && cmp.value() instanceof Number n) {
            CustomerTable.DoubleColumn dc = (CustomerTable.DoubleColumn) col;
            return new Kernel.DoubleCompare(dc.values, dc.valid, NumericLiteral.of(n), cmp.op());
          }
          if (type == AttributeType.BOOLEAN && cmp.value() instanceof Boolean b) {
            boolean eq = cmp.op() == Operator.EQ;
            CustomerTable.BooleanColumn bc = (CustomerTable.BooleanColumn) col;
            return new Kernel.BooleanIs(bc.bits, bc.valid, b == eq, b != eq);
          }
          return null;
        }
      case BETWEEN:
        {
          Between b = (Between) c;
          if (type == AttributeType.INTEGER
              && b.low() instanceof Number lo
              && b.high() instanceof Number hi) {
            return longRange(
                col, Interval.of(Operator.GE, lo).intersect(Interval.of(Operator.LE, hi)));
          }
          if (type == AttributeType.DATE
              && b.low() instanceof LocalDate lo
              && b.high() instanceof LocalDate hi) {
            return longRange(
                col,
                Interval.of(Operator.GE, lo.toEpochDay())
                    .intersect(Interval.of(Operator.LE, hi.toEpochDay())));
          }
          if (type == AttributeType.NUMBER
              && b.low() instanceof Number lo
              && b.high() instanceof Number hi) {
            CustomerTable.DoubleColumn dc = (CustomerTable.DoubleColumn) col;
            return new Kernel.DoubleBetween(
                dc.values, dc.valid, NumericLiteral.of(lo), NumericLiteral.of(hi));
          }
          return null;
        }
      case IN:
        return inKernel((In) c, type, col);
      case RELATIVE_TIME:
        {
          RelativeTime r = (RelativeTime) c;
          if (type != AttributeType.DATE || r.unit().isTimeOfDay()) {
            return null;
          }
          long boundary = ctx.minusDays(r.amount(), r.unit());
          long today = ctx.asOfDate().toEpochDay();
          Interval i =
              r.op() == RelativeTime.Op.WITHIN_LAST
                  ? new Interval(boundary + 1, today, false)
                  : new Interval(Long.MIN_VALUE, boundary, false);
          return longRange(col, i);
        }
      case CALENDAR_WINDOW:
        {
          CalendarWindow w = (CalendarWindow) c;
          if (type != AttributeType.DATE) {
            return null;
          }
          return longRange(
              col,
              new Interval(
                  ctx.periodStartDay(w.period()), ctx.periodEndDay(w.period()) - 1, false));
        }
      default:
        return null;
    }
  }

  /** Comparisons, ranges and time windows on a timestamp column; null for other leaves. */
  private static Kernel instantKernel(
      Condition c, CustomerTable.TimestampColumn col, EvaluationContext ctx) {
    switch (c.kind()) {
      case COMPARE:
        {
          Compare cmp = (Compare) c;
          if (!(cmp.value() instanceof java.time.Instant t)) {
            return null;
          }
          switch (cmp.op()) {
            case EQ:
              return new Kernel.InstantRange(col, t, true, t, true, false);
            case NE:
              return new Kernel.InstantRange(col, t, true, t, true, true);
            case LT:
              return new Kernel.InstantRange(col, null, false, t, false, false);
            case LE:
              return new Kernel.InstantRange(col, null, false, t, true, false);
            case GT:
              return new Kernel.InstantRange(col, t, false, null, false, false);
            case GE:
              return new Kernel.InstantRange(col, t, true, null, false, false);
          }
          return null;
        }
      case BETWEEN:
        {
          Between b = (Between) c;
          if (b.low() instanceof java.time.Instant lo && b.high() instanceof java.time.Instant hi) {
            return new Kernel.InstantRange(col, lo, true, hi, true, false);
          }
          return null;
        }
      case RELATIVE_TIME:
        {
          RelativeTime r = (RelativeTime) c;
          java.time.Instant boundary = ctx.minus(r.amount(), r.unit());
          return r.op() == RelativeTime.Op.WITHIN_LAST
              ? new Kernel.InstantRange(col, boundary, false, ctx.asOf(), true, false)
              : new Kernel.InstantRange(col, null, false, boundary, true, false);
        }
      case CALENDAR_WINDOW:
        {
          CalendarWindow w = (CalendarWindow) c;
          return new Kernel.InstantRange(
              col, ctx.periodStart(w.period()), true, ctx.periodEnd(w.period()), false, false);
        }
      default:
        return null;
    }
  }

  private static String attributeOf(Condition c) {
    switch (c.kind()) {
      case COMPARE:
        return ((Compare) c).attribute();
      case BETWEEN:
        return ((Between) c).attribute();
      case IN:
        return ((In) c).attribute();
      case STRING_MATCH:
        return ((dev.segmentation.condition.StringMatch) c).attribute();
      case RELATIVE_TIME:
        return ((RelativeTime) c).attribute();
      case CALENDAR_WINDOW:
        return ((CalendarWindow) c).attribute();
      default:
        throw new AssertionError(c.kind());
    }
  }

  private static Kernel longRange(CustomerTable.Column col, Interval i) {
    if (col instanceof CustomerTable.LongColumn lc) {
      return new Kernel.LongRange(lc.values, lc.valid, i.lo(), i.hi(), i.negate());
    }
    CustomerTable.DateColumn dc = (CustomerTable.DateColumn) col;
    return new Kernel.IntRange(dc.days, dc.valid, i.lo(), i.hi(), i.negate());
  }

  private static Kernel inKernel(In in, AttributeType type, CustomerTable.Column col) {
    switch (type) {
      case INTEGER:
        {
          LongHashSet set = LongHashSet.of(integralValues(in));
          CustomerTable.LongColumn lc = (CustomerTable.LongColumn) col;
          return new Kernel.LongIn(lc.values, null, lc.valid, set);
        }
      case DATE:
        {
          List<Long> days = new ArrayList<>();
          for (Object v : in.values()) {
            if (v instanceof LocalDate d) {
              days.add(d.toEpochDay());
            }
          }
          CustomerTable.DateColumn dc = (CustomerTable.DateColumn) col;
          return new Kernel.LongIn(
              null, dc.days, dc.valid, LongHashSet.of(days.stream().mapToLong(x -> x).toArray()));
        }
      case NUMBER:
        {
          List<Double> doubles = new ArrayList<>();
          List<Long> longs = new ArrayList<>();
          for (Object v : in.values()) {
            if (v instanceof Double d) {
              doubles.add(d + 0.0);
            } else if (v instanceof Long l) {
              longs.add(l);
            }
          }
          CustomerTable.DoubleColumn dc = (CustomerTable.DoubleColumn) col;
          return new Kernel.DoubleIn(
              dc.values,
              dc.valid,
              DoubleHashSet.of(doubles.stream().mapToDouble(x -> x).toArray()),
              LongHashSet.of(longs.stream().mapToLong(x -> x).toArray()));
        }
      case BOOLEAN:
        {
          CustomerTable.BooleanColumn bc = (CustomerTable.BooleanColumn) col;
          return new Kernel.BooleanIs(
              bc.bits, bc.valid, in.values().contains(Boolean.TRUE), in.values().contains(false));
        }
      default:
        return null;
    }
  }

  /** The longs equal to some value of the list: Longs, and integral Doubles within range. */
  private static long[] integralValues(In in) {
    List<Long> out = new ArrayList<>();
    for (Object v : in.values()) {
      if (v instanceof Long l) {
        out.add(l);
      } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
        out.add(d.longValue());
      }
    }
    return out.stream().mapToLong(x -> x).toArray();
  }

  /** A string leaf, evaluated once per distinct value of the column's dictionary. */
  private Kernel dictionaryKernel(Condition c, CustomerTable.StringColumn col) {
    CompiledCatalog leaf = leafProgram(c);
    String attribute = attributeOf(c);
    boolean[] truth = new boolean[Math.max(1, col.dictionary.size())];
    // The leaf reads only this attribute; time-relative string leaves do not exist.
    EvaluationContext anyTime = EvaluationContext.at(java.time.Instant.EPOCH);
    for (int code = 0; code < col.dictionary.size(); code++) {
      Customer one =
          Customer.builder(schema, "dictionary").set(attribute, col.dictionary.get(code)).build();
      truth[code] = leaf.evaluate(0, one, anyTime) == Truth.TRUE;
    }
    return new Kernel.CodeLookup(col.codes, col.valid, truth);
  }

  Catalog catalog() {
    return catalog;
  }

  @Override
  public String toString() {
    return "ColumnarCatalog[" + segmentNames.size() + " segments, " + nodes.size() + " nodes]";
  }
}
