package dev.segmentation.testkit;

import com.google.common.collect.ImmutableList;
import dev.segmentation.check.Checker;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.roaringbitmap.RoaringBitmap;

/**
 * One differential case: a random schema, a catalog over it, customers and the instant and zone of
 * evaluation, all from one seed; and the comparison of both engines (the row engine, and the
 * columnar engine on 1 and 2 threads) with the {@link ReferenceInterpreter} on it.
 *
 * <p>Public, with {@link Reproducer}, for the command line's tests, which read reproducers back
 * through the command line's readers (testkit's test-jar).
 *
 * @param seed the seed everything was drawn from
 */
public record DifferentialCase(
    long seed,
    Schema schema,
    Catalog catalog,
    List<SchemaCustomer> customers,
    EvaluationContext ctx) {

  /** Thread counts the columnar engine is run with: one, and two to split chunks among threads. */
  static final int[] PARALLELISMS = {1, 2};

  /** Row counts around the 64-bit word and the columnar engine's 4,096-row chunk boundaries. */
  private static final int[] EDGE_SIZES = {0, 1, 2, 63, 64, 65, 4095, 4096, 4097};

  public DifferentialCase {
    customers = ImmutableList.copyOf(customers);
  }

  /**
   * The case of {@code seed}: 1 to 8 segments; most cases have up to 120 customers, one in eighty
   * more than 4,096 (so that rows span two columnar chunks), one in fifty sits exactly at a 64-row
   * word or 4,096-row chunk boundary.
   */
  public static DifferentialCase generate(long seed) {
    RandomSchemas random = new RandomSchemas(seed);
    Random sizes = new Random(seed);
    Catalog catalog = random.catalog(1 + sizes.nextInt(8));
    int n;
    if (seed % 80 == 7) {
      n = 4097 + sizes.nextInt(600);
    } else if (seed % 50 == 13) {
      n = EDGE_SIZES[sizes.nextInt(EDGE_SIZES.length)];
    } else {
      n = 1 + sizes.nextInt(120);
    }
    return new DifferentialCase(
        seed, random.schema(), catalog, random.customers(n), random.context());
  }

  DifferentialCase withCatalog(Catalog other) {
    return new DifferentialCase(seed, schema, other, customers, ctx);
  }

  public DifferentialCase withCustomers(List<SchemaCustomer> other) {
    return new DifferentialCase(seed, schema, catalog, other, ctx);
  }

  /** Segment × customer evaluations the comparison makes per parallelism. */
  long evaluations() {
    return (long) catalog.segments().size() * customers.size();
  }

  // ------------------------------------------------------------------ comparison

  /** What disagrees: a segment's members, a score, a tier, a count, or an engine that threw. */
  enum What {
    SEGMENT,
    SCORE,
    TIER,
    COUNT,
    EXCEPTION
  }

  /** The engines the reference is compared with. */
  enum Engine {
    ROW("row engine"),
    COLUMNAR("columnar engine");

    final String title;

    Engine(String title) {
      this.title = title;
    }
  }

  /**
   * One disagreement with the reference interpreter.
   *
   * @param what what kind of result
   * @param name the segment, score or tiering (empty for an exception)
   * @param engine the engine that disagrees (or threw)
   * @param parallelism the columnar engine's thread count (0 for the row engine, or an exception
   *     before evaluation)
   * @param rows the rows whose results differ
   * @param lines one line per differing row (or the exception), for people
   */
  record Difference(
      What what,
      String name,
      Engine engine,
      int parallelism,
      List<Integer> rows,
      List<String> lines) {
    Difference {
      rows = ImmutableList.copyOf(rows);
      lines = ImmutableList.copyOf(lines);
    }

    /** The same result of the same engine differs, or it throws the same exception. */
    boolean sameItem(Difference other) {
      return what == other.what
          && engine == other.engine
          && name.equals(other.name)
          && (what != What.EXCEPTION || lines.get(0).equals(other.lines.get(0)));
    }

    String summary() {
      String item =
          what == What.EXCEPTION
              ? "the " + engine.title + " threw"
              : what.name().toLowerCase(java.util.Locale.ROOT)
                  + " \""
                  + name
                  + "\" differs from the reference in the "
                  + engine.title;
      return parallelism == 0
          ? item
          : item + " (on " + parallelism + " thread" + (parallelism == 1 ? "" : "s") + ")";
    }
  }

  /** Every disagreement of an engine with the reference (at most one per result and run). */
  List<Difference> differences() {
    Results expected = expected();
    List<Difference> out = new ArrayList<>();
    try {
      CompiledCatalog rows = RowEngine.compile(catalog, schema);
      compare(expected, rowResults(rows), Engine.ROW, 0, out);
    } catch (RuntimeException e) {
      out.add(exception(Engine.ROW, e, 0));
    }
    ColumnarCatalog columnar;
    CustomerTable table;
    try {
      columnar = ColumnarEngine.compile(catalog, schema);
      table = CustomerTable.of(schema, customers);
    } catch (RuntimeException e) {
      out.add(exception(Engine.COLUMNAR, e, 0));
      return out;
    }
    for (int p : PARALLELISMS) {
      try {
        BatchResult result = columnar.evaluate(table, ctx, p);
        compare(
            expected,
            columnarResults(result, columnar.counts(table, ctx, p)),
            Engine.COLUMNAR,
            p,
            out);
      } catch (RuntimeException e) {
        out.add(exception(Engine.COLUMNAR, e, p));
      }
    }
    return out;
  }

  /**
   * One engine's results, or the reference's: per row and segment whether the customer is a member
   * (or, for the reference, the three-valued result), per score and tiering the value per row, and
   * the member count per segment.
   */
  private record Results(
      Truth[][] truth, boolean[][] members, double[][] scores, String[][] tiers, long[] counts) {}

  /** The reference interpreter's results, which both engines must reproduce. */
  private Results expected() {
    ReferenceInterpreter reference = ReferenceInterpreter.of(catalog, schema);
    Results r = empty(true);
    for (int row = 0; row < customers.size(); row++) {
      ReferenceInterpreter.Evaluation c = reference.evaluate(customers.get(row), ctx);
      for (int s = 0; s < catalog.segments().size(); s++) {
        r.truth[row][s] = c.segment(catalog.segments().get(s).name());
        r.members[row][s] = r.truth[row][s] == Truth.TRUE;
      }
      for (int k = 0; k < r.scores.length; k++) {
        r.scores[k][row] = c.score(catalog.scores().get(k).name());
      }
      List<String> tierings = tieringNames();
      for (int k = 0; k < r.tiers.length; k++) {
        r.tiers[k][row] = c.tier(tierings.get(k));
      }
    }
    countMembers(r);
    return r;
  }

  private Results empty(boolean truth) {
    int n = customers.size();
    int segments = catalog.segments().size();
    return new Results(
        truth ? new Truth[n][segments] : null,
        new boolean[n][segments],
        new double[catalog.scores().size()][n],
        new String[tieringNames().size()][n],
        new long[segments]);
  }

  private void countMembers(Results r) {
    for (boolean[] row : r.members) {
      for (int s = 0; s < row.length; s++) {
        r.counts[s] += row[s] ? 1 : 0;
      }
    }
  }

  private Results rowResults(CompiledCatalog rows) {
    Results r = empty(true);
    List<String> tierings = tieringNames();
    for (int row = 0; row < customers.size(); row++) {
      SchemaCustomer c = customers.get(row);
      rows.evaluateAll(c, ctx, r.truth[row]);
      for (int s = 0; s < r.members[row].length; s++) {
        r.members[row][s] = r.truth[row][s] == Truth.TRUE;
      }
      for (int k = 0; k < r.scores.length; k++) {
        r.scores[k][row] = rows.score(catalog.scores().get(k).name(), c, ctx);
      }
      for (int k = 0; k < r.tiers.length; k++) {
        r.tiers[k][row] = rows.tier(tierings.get(k), c, ctx);
      }
    }
    countMembers(r);
    return r;
  }

  private Results columnarResults(BatchResult result, long[] counts) {
    Results r = empty(false);
    List<String> tierings = tieringNames();
    for (int s = 0; s < catalog.segments().size(); s++) {
      RoaringBitmap members = result.members(catalog.segments().get(s).name());
      if (members.getCardinality() != members.rangeCardinality(0, customers.size())) {
        throw new IllegalStateException("members outside the table's rows: " + members);
      }
      for (int row = 0; row < customers.size(); row++) {
        r.members[row][s] = members.contains(row);
      }
    }
    for (int k = 0; k < r.scores.length; k++) {
      r.scores[k] = result.scores(catalog.scores().get(k).name()).clone();
    }
    for (int k = 0; k < r.tiers.length; k++) {
      for (int row = 0; row < customers.size(); row++) {
        r.tiers[k][row] = result.tier(tierings.get(k), row);
      }
    }
    System.arraycopy(counts, 0, r.counts, 0, counts.length);
    return r;
  }

  private List<String> tieringNames() {
    List<String> names = new ArrayList<>();
    catalog.tierings().forEach(t -> names.add(t.name()));
    catalog.rfmModels().forEach(m -> names.add(m.name()));
    return names;
  }

  private void compare(Results want, Results actual, Engine engine, int p, List<Difference> out) {
    String title = engine.title.replace(" engine", "");
    for (int s = 0; s < catalog.segments().size(); s++) {
      String name = catalog.segments().get(s).name();
      int segment = s;
      rows(
          What.SEGMENT,
          name,
          engine,
          p,
          r ->
              want.members[r][segment] == actual.members[r][segment]
                  && (actual.truth == null || want.truth[r][segment] == actual.truth[r][segment]),
          r -> String.valueOf(want.truth[r][segment]),
          r ->
              title
                  + " "
                  + (actual.truth != null
                      ? String.valueOf(actual.truth[r][segment])
                      : actual.members[r][segment] ? "member" : "not a member"),
          out);
      if (actual.counts[s] != want.counts[s]) {
        out.add(
            new Difference(
                What.COUNT,
                name,
                engine,
                p,
                List.of(),
                List.of(
                    title
                        + " counts "
                        + actual.counts[s]
                        + " members, the reference's TRUE set has "
                        + want.counts[s])));
      }
    }
    for (int k = 0; k < catalog.scores().size(); k++) {
      double[] scores = actual.scores[k];
      double[] wanted = want.scores[k];
      // By numeric value (0.0 == -0.0), as the semantics compare numbers.
      rows(
          What.SCORE,
          catalog.scores().get(k).name(),
          engine,
          p,
          r -> scores[r] == wanted[r],
          r -> String.valueOf(wanted[r]),
          r -> title + " " + scores[r],
          out);
    }
    List<String> tierings = tieringNames();
    for (int k = 0; k < tierings.size(); k++) {
      String[] tiers = actual.tiers[k];
      String[] wanted = want.tiers[k];
      rows(
          What.TIER,
          tierings.get(k),
          engine,
          p,
          r -> Objects.equals(tiers[r], wanted[r]),
          r -> wanted[r],
          r -> title + " " + tiers[r],
          out);
    }
  }

  /** Adds a difference listing every row where {@code agree} fails, with both results. */
  private void rows(
      What what,
      String name,
      Engine engine,
      int p,
      IntPredicate agree,
      IntFunction<String> reference,
      IntFunction<String> actual,
      List<Difference> out) {
    List<Integer> rows = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < customers.size(); r++) {
      if (!agree.test(r)) {
        rows.add(r);
        lines.add(
            customers.get(r).id() + ": reference " + reference.apply(r) + ", " + actual.apply(r));
      }
    }
    if (!rows.isEmpty()) {
      out.add(new Difference(what, name, engine, p, rows, lines));
    }
  }

  private static Difference exception(Engine engine, RuntimeException e, int p) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    List<String> lines = new ArrayList<>();
    lines.add("the " + engine.title + " threw " + e);
    String[] frames = trace.toString().split("\n");
    for (int i = 1; i < Math.min(frames.length, 12); i++) {
      lines.add(frames[i].strip());
    }
    return new Difference(What.EXCEPTION, "", engine, p, List.of(), lines);
  }

  // ------------------------------------------------------------------ minimizing

  /**
   * A smaller case that still shows {@code difference}: fewer catalog items (for a named result,
   * only it and what it refers to), fewer customers (for differing rows, only those), and smaller
   * segment conditions. Returns this case when nothing smaller shows it.
   */
  DifferentialCase minimize(Difference difference) {
    DifferentialCase current = fewerItems(difference).fewerCustomers(difference);
    int[] attempts = {300}; // each attempt evaluates the case once more
    for (Segment s : current.catalog.segments()) {
      if (difference.what() != What.SEGMENT || s.name().equals(difference.name())) {
        current = current.shrinkSegment(s.name(), difference, attempts);
      }
    }
    // Smaller conditions may no longer need some of the other items.
    return current.fewerItems(difference);
  }

  private DifferentialCase smallerIfShows(DifferentialCase smaller, Difference difference) {
    return smaller.shows(difference) ? smaller : this;
  }

  /** Whether this case shows the same difference (the same result, or the same exception). */
  boolean shows(Difference difference) {
    if (!Checker.standard().check(catalog, schema).errors().isEmpty()) {
      return false; // a shrink step that broke a reference
    }
    for (Difference d : differences()) {
      if (d.sameItem(difference)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The differing rows alone; otherwise no customers, or the shortest prefix that still shows the
   * difference (found by bisection, since a difference may need earlier rows in its chunk), and
   * then that prefix's last customer alone.
   */
  private DifferentialCase fewerCustomers(Difference difference) {
    if (!difference.rows().isEmpty()) {
      List<SchemaCustomer> differing = new ArrayList<>();
      for (int r : difference.rows()) {
        differing.add(customers.get(r));
      }
      DifferentialCase fewer = withCustomers(differing);
      if (differing.size() < customers.size() && fewer.shows(difference)) {
        return fewer;
      }
      return this;
    }
    if (customers.isEmpty()) {
      return this;
    }
    DifferentialCase none = withCustomers(List.of());
    if (none.shows(difference)) {
      return none;
    }
    int low = 0; // the prefix of this many customers does not show it
    int high = customers.size(); // this many does
    while (high - low > 1) {
      int mid = (low + high) >>> 1;
      if (withCustomers(customers.subList(0, mid)).shows(difference)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    DifferentialCase last = withCustomers(List.of(customers.get(high - 1)));
    return last.shows(difference) ? last : withCustomers(customers.subList(0, high));
  }

  /** Drops segments, scores, tierings and RFM models, one at a time, while the case still shows. */
  /**
   * For a named result, only it and what it refers to; otherwise drops segments, scores and
   * tierings one at a time while the case still shows the difference.
   */
  private DifferentialCase fewerItems(Difference difference) {
    if (difference.what() != What.EXCEPTION) {
      return smallerIfShows(withCatalog(closure(catalog, difference)), difference);
    }
    DifferentialCase current = this;
    DifferentialCase before;
    do {
      before = current;
      current = current.fewerItemsOnce(difference);
    } while (current != before); // an item may be needed only by another one dropped later
    return current;
  }

  private DifferentialCase fewerItemsOnce(Difference difference) {
    DifferentialCase current = this;
    for (int kind = 0; kind < 4; kind++) { // segments, scores, tierings, RFM models
      for (int i = items(current.catalog, kind).size() - 1; i >= 0; i--) {
        current =
            current.smallerIfShows(
                current.withCatalog(without(current.catalog, kind, i)), difference);
      }
    }
    return current;
  }

  private static List<?> items(Catalog c, int kind) {
    return List.of(c.segments(), c.scores(), c.tierings(), c.rfmModels()).get(kind);
  }

  /** The catalog without item {@code i} of one kind (0 segments, 1 scores, 2 tierings, 3 RFM). */
  private static Catalog without(Catalog c, int kind, int i) {
    return new Catalog(
        kind == 0 ? removed(c.segments(), i) : c.segments(),
        kind == 1 ? removed(c.scores(), i) : c.scores(),
        kind == 2 ? removed(c.tierings(), i) : c.tierings(),
        kind == 3 ? removed(c.rfmModels(), i) : c.rfmModels());
  }

  private static <T> ImmutableList<T> removed(List<T> list, int i) {
    List<T> rest = new ArrayList<>(list);
    rest.remove(i);
    return ImmutableList.copyOf(rest);
  }

  /** Greedily replaces a node of the segment's condition by a smaller one while it still shows. */
  private DifferentialCase shrinkSegment(String name, Difference difference, int[] attempts) {
    DifferentialCase current = this;
    boolean improved = true;
    while (improved) {
      improved = false;
      for (Condition candidate : Shrink.candidates(current.catalog.segment(name).condition())) {
        if (--attempts[0] < 0) {
          return current;
        }
        DifferentialCase smaller = current.withSegment(name, candidate);
        if (smaller.shows(difference)) {
          current = smaller;
          improved = true;
          break;
        }
      }
    }
    return current;
  }

  private DifferentialCase withSegment(String name, Condition condition) {
    List<Segment> segments = new ArrayList<>();
    for (Segment s : catalog.segments()) {
      segments.add(s.name().equals(name) ? new Segment(name, s.description(), condition) : s);
    }
    return withCatalog(
        new Catalog(
            ImmutableList.copyOf(segments),
            catalog.scores(),
            catalog.tierings(),
            catalog.rfmModels()));
  }

  /** The catalog reduced to the item that differs and everything it refers to, transitively. */
  static Catalog closure(Catalog catalog, Difference difference) {
    String prefix =
        switch (difference.what()) {
          case SEGMENT, COUNT -> "segment ";
          case SCORE -> "score ";
          default -> "tiering ";
        };
    Set<String> needed = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>();
    work.push(prefix + difference.name());
    while (!work.isEmpty()) {
      String item = work.pop();
      if (!needed.add(item)) {
        continue;
      }
      for (Condition c : conditionsOf(catalog, item)) {
        work.addAll(references(c));
      }
    }
    return new Catalog(
        catalog.segments().stream()
            .filter(s -> needed.contains("segment " + s.name()))
            .collect(ImmutableList.toImmutableList()),
        catalog.scores().stream()
            .filter(s -> needed.contains("score " + s.name()))
            .collect(ImmutableList.toImmutableList()),
        catalog.tierings().stream()
            .filter(t -> needed.contains("tiering " + t.name()))
            .collect(ImmutableList.toImmutableList()),
        catalog.rfmModels().stream()
            .filter(m -> needed.contains("tiering " + m.name()))
            .collect(ImmutableList.toImmutableList()));
  }

  private static List<Condition> conditionsOf(Catalog catalog, String item) {
    List<Condition> out = new ArrayList<>();
    for (Segment s : catalog.segments()) {
      if (item.equals("segment " + s.name())) {
        out.add(s.condition());
      }
    }
    for (ScoreModel s : catalog.scores()) {
      if (item.equals("score " + s.name())) {
        s.rules().stream().map(ScoreRule::condition).forEach(out::add);
      }
    }
    for (Tiering t : catalog.tierings()) {
      if (item.equals("tiering " + t.name())) {
        t.tiers().stream().map(Tier::condition).forEach(out::add);
      }
    }
    return out; // RFM models refer to nothing
  }

  /** The catalog items a condition refers to, as "segment x", "score y", "tiering z". */
  private static List<String> references(Condition root) {
    List<String> out = new ArrayList<>();
    Deque<Condition> work = new ArrayDeque<>();
    work.push(root);
    while (!work.isEmpty()) {
      Condition c = work.pop();
      if (c.kind() == Kind.IN_SEGMENT) {
        out.add("segment " + ((InSegment) c).segment());
      } else if (c.kind() == Kind.SCORE) {
        out.add("score " + ((ScoreCondition) c).score());
      } else if (c.kind() == Kind.IN_TIER) {
        out.add("tiering " + ((InTier) c).tiering());
      } else if (c.kind() != Kind.EVENT) { // event filters see only event properties
        c.children().forEach(work::push);
      }
    }
    return out;
  }
}
