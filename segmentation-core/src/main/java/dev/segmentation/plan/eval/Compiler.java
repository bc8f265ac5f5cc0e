package dev.segmentation.plan.eval;

import com.google.common.collect.ImmutableSet;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Limits;
import dev.segmentation.check.ReferenceGraph;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.internal.DoubleHashSet;
import dev.segmentation.internal.LongHashSet;
import dev.segmentation.internal.NumericLiteral;
import dev.segmentation.internal.StringHashSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.Values;
import dev.segmentation.plan.AttributeSlot;
import dev.segmentation.plan.Plan;
import dev.segmentation.plan.PlanNode;
import dev.segmentation.plan.TypedLiterals;
import dev.segmentation.rewrite.Rewriter;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a catalog into a {@link Program}: the logical plan's nodes from their resolved form
 * (attribute slots, typed literals, event types: nothing looked up again), the conditions as
 * written (for explanations) by resolving attributes against the schema; references against the
 * catalog; precomputes sets, patterns, lowercase needles and numeric literals, and assigns the time
 * bounds each context must supply. Rejects what it cannot evaluate (unknown names, operators
 * undefined for a type, literals of the wrong type, invalid patterns, nesting deeper than the
 * limits, reference cycles) with an IllegalArgumentException naming the path, so that a caller who
 * skipped or loosened checking still gets a clear error and never a partial result.
 */
final class Compiler {
  private final Schema schema;
  private final Catalog catalog;
  private final Limits limits;
  private final Program program = new Program();
  private final TimePlan plan = new TimePlan();
  private final Map<String, Integer> segments = new HashMap<>();
  private final Map<String, Integer> scores = new HashMap<>();
  private final Map<String, Integer> tierings = new HashMap<>();
  private final Map<String, Integer> rfms = new HashMap<>();

  /** The attributes a condition can read: a customer's, or an event type's properties. */
  private interface Scope {
    Attribute<?> attribute(String name);

    /**
     * The attribute's position for {@link dev.segmentation.model.ValueSource#value(int, String)}.
     */
    int position(String name);

    String describe();
  }

  private final ReferenceGraph references;

  // The logical plan (null when compiling a catalog no checker has seen) and its nodes compiled.
  private final Plan logical;
  private Node[] planned;
  // Per filtered event type, the nodes of its filter plan (Plan.eventFilters), compiled once.
  private final Map<String, Node[]> filterNodes = new HashMap<>();
  // The aggregates the plan's event nodes compute, by event type, filter node, window slot,
  // aggregate and property: nodes that differ only in their comparison share one.
  private final Map<List<Object>, EventNode.Aggregation> aggregations = new HashMap<>();

  private Compiler(
      Catalog catalog, Schema schema, Limits limits, ReferenceGraph references, Plan logical) {
    this.schema = schema;
    this.catalog = catalog;
    this.limits = limits;
    this.references = references;
    this.logical = logical;
  }

  /** The compiled catalog's parts. */
  record Result(Program program, TimePlan plan, int[] order, Node[] planned) {}

  static Result compile(Plan logical) {
    CheckedCatalog checked = logical.checked();
    return new Compiler(
            checked.catalog(), checked.schema(), checked.limits(), checked.references(), logical)
        .run();
  }

  /**
   * Compiles a catalog no checker has seen: for tests of the engine's semantics on rules a checker
   * rejects by policy; what cannot be evaluated still fails with an IllegalArgumentException naming
   * the path.
   */
  static Result compileUnchecked(Catalog catalog, Schema schema, Limits limits) {
    return new Compiler(catalog, schema, limits, ReferenceGraph.of(catalog), null).run();
  }

  private Result run() {
    index(segments, catalog.segments().stream().map(Segment::name).toList());
    index(scores, catalog.scores().stream().map(ScoreModel::name).toList());
    index(tierings, catalog.tierings().stream().map(Tiering::name).toList());
    index(rfms, catalog.rfmModels().stream().map(RfmModel::name).toList());
    Scope customer = customerScope();
    if (logical != null) {
      planned = compilePlan(logical, customer, false);
      int slot = 0;
      for (EventNode.Aggregation a : aggregations.values()) {
        slot = a.assign(slot);
      }
    }

    int n = catalog.segments().size();
    program.segmentNames = new String[n];
    program.segments = new Node[n];
    program.explainSegments = new Node[n];
    for (int i = 0; i < n; i++) {
      Segment s = catalog.segments().get(i);
      String path = "/segments/" + i + "/where";
      program.segmentNames[i] = s.name();
      program.explainSegments[i] =
          compileTwice(s.condition(), customer, path, program.segments, i, planRoot(i));
      if (Generator.ENABLED) { // generated once evaluated often enough to pay for the class
        program.segments[i] = new WarmingNode(program.segments[i], program.segments, i);
      }
    }

    program.scores = new Program.Score[catalog.scores().size()];
    for (int i = 0; i < program.scores.length; i++) {
      program.scores[i] = score(catalog.scores().get(i), i, customer);
    }
    program.tierings = new Program.Tiering[catalog.tierings().size()];
    for (int i = 0; i < program.tierings.length; i++) {
      program.tierings[i] = tiering(catalog.tierings().get(i), i, customer);
    }
    program.rfms = new Program.Rfm[catalog.rfmModels().size()];
    for (int i = 0; i < program.rfms.length; i++) {
      program.rfms[i] = rfm(catalog.rfmModels().get(i), "/rfm/" + i);
    }
    program.readsEvents |= program.rfms.length > 0;
    return new Result(program, plan, references.segmentOrder(), planned);
  }

  private static void index(Map<String, Integer> map, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      map.put(names.get(i), i);
    }
  }

  private Scope customerScope() {
    return new Scope() {
      @Override
      public Attribute<?> attribute(String name) {
        return schema.attribute(name);
      }

      @Override
      public int position(String name) {
        return schema.indexOf(name);
      }

      @Override
      public String describe() {
        return "the schema";
      }
    };
  }

  private static Scope eventScope(EventType type) {
    return new Scope() {
      @Override
      public Attribute<?> attribute(String name) {
        return type.property(name);
      }

      @Override
      public int position(String name) {
        // The property's place in the type's order: what EventColumns and Event answer by
        // position (a hint they check against the name, as ValueSource says).
        return type.propertyNames().indexOf(name);
      }

      @Override
      public String describe() {
        return "event type \"" + type.name() + "\"";
      }
    };
  }

  private int planRoot(int segment) {
    return logical == null ? -1 : logical.segment(segment).node();
  }

  /**
   * Every node of a logical plan (the catalog's, or an event type's filters' with {@code
   * eventProperties}), children first, from its resolved form: equal sub-conditions of different
   * segments are one node here too, nothing is rewritten again and no attribute is looked up again
   * (the plan's slots give names, types and positions, its literals are typed). Event properties
   * are read at their place in the event type ({@code scope}'s position).
   */
  private Node[] compilePlan(Plan p, Scope scope, boolean eventProperties) {
    Node[] out = new Node[p.nodeCount()];
    for (PlanNode n : p.nodes()) {
      Condition c = n.condition();
      String where = "plan node #" + n.id();
      out[n.id()] =
          switch (n.kind()) {
            case AND -> Logic.JunctionNode.and(children(out, n));
            case OR -> Logic.JunctionNode.or(children(out, n));
            case NOT -> new Logic.NotNode(out[n.child(0)]);
            case EVENT -> plannedEvent(n);
            case COMPARE,
                BETWEEN,
                IN,
                STRING_MATCH,
                TAG_MATCH,
                TAG_COUNT,
                PRESENCE,
                RELATIVE_TIME,
                CALENDAR_WINDOW,
                ANNIVERSARY,
                GEO_WITHIN -> {
              AttributeSlot slot = n.attribute();
              assert slot.isIn(p.checked().schema()) : n;
              AttributeRef a =
                  new AttributeRef(
                      slot.name(),
                      slot.type(),
                      eventProperties ? scope.position(slot.name()) : slot.position());
              yield withKind(attributeLeaf(c, a, n.literals(), where), c);
            }
            case ALWAYS, NEVER, IN_SEGMENT, SCORE, IN_TIER -> compile(c, scope, where);
          };
    }
    return out;
  }

  private static Node[] children(Node[] compiled, PlanNode n) {
    Node[] out = new Node[n.childCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compiled[n.child(i)];
    }
    return out;
  }

  /**
   * An event node of the catalog's plan: its event type and property as the plan resolved them, its
   * filter the node of the event type's filter plan (compiled once per type).
   */
  private Node plannedEvent(PlanNode n) {
    EventCondition c = (EventCondition) n.condition();
    Node filter = null;
    if (n.filter() != null) {
      Plan filters = logical.eventFilters(c.eventType());
      Node[] nodes =
          filterNodes.computeIfAbsent(
              c.eventType(), t -> compilePlan(filters, eventScope(n.eventType()), true));
      filter = nodes[filters.segment(n.filterSegment()).node()];
    }
    AttributeSlot p = n.property();
    String property = p == null ? null : p.name();
    // The filter node is the one node of its condition in the type's filter plan: compared by
    // identity, as a key.
    EventNode.Aggregation aggregation =
        aggregations.computeIfAbsent(
            Arrays.asList(c.eventType(), filter, plan.window(c.window()), c.aggregate(), property),
            k -> new EventNode.Aggregation());
    aggregation.use();
    return eventNode(c, n.eventType(), property, p == null ? null : p.type(), filter, aggregation);
  }

  /**
   * Compiles the condition as written (for explanations; errors name its paths) into the returned
   * node, and the evaluated form into {@code evaluated[i]}: the plan's node {@code planNode}, or,
   * without a plan ({@code planNode < 0}), the condition rewritten here.
   */
  private Node compileTwice(
      Condition written, Scope scope, String path, Node[] evaluated, int i, int planNode) {
    checkDepth(written, path);
    Node explained = compile(written, scope, path);
    if (planNode >= 0) {
      evaluated[i] = planned[planNode];
      return explained;
    }
    Condition rewritten = Rewriter.rewrite(written);
    if (rewritten == null) {
      throw new IllegalStateException(path + ": the rewriter returned null");
    }
    if (rewritten.equals(written)) {
      evaluated[i] = explained;
    } else {
      checkDepth(rewritten, path);
      evaluated[i] = compile(rewritten, scope, path);
    }
    return explained;
  }

  private Program.Score score(ScoreModel model, int unit, Scope scope) {
    String path = "/scores/" + unit;
    int n = model.rules().size();
    Node[] rules = new Node[n];
    Node[] explain = new Node[n];
    double[] points = new double[n];
    String[] groupOf = new String[n];
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    List<Integer> ungrouped = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      ScoreRule rule = model.rules().get(r);
      explain[r] =
          compileTwice(
              rule.condition(),
              scope,
              path + "/rules/" + r + "/when",
              rules,
              r,
              logical == null ? -1 : logical.scoreRules(unit).get(r).node());
      points[r] = rule.points();
      groupOf[r] = rule.group();
      if (rule.group() == null) {
        ungrouped.add(r);
      } else {
        groups.computeIfAbsent(rule.group(), g -> new ArrayList<>()).add(r);
      }
    }
    String[] groupNames = groups.keySet().toArray(new String[0]);
    int[][] groupRules = new int[groupNames.length][];
    double[] caps = new double[groupNames.length];
    for (int g = 0; g < groupNames.length; g++) {
      groupRules[g] = groups.get(groupNames[g]).stream().mapToInt(Integer::intValue).toArray();
      Double cap = model.groupCaps().get(groupNames[g]);
      caps[g] = cap == null ? Double.POSITIVE_INFINITY : cap;
    }
    return new Program.Score(
        model.name(),
        rules,
        explain,
        points,
        groupOf,
        ungrouped.stream().mapToInt(Integer::intValue).toArray(),
        groupNames,
        groupRules,
        caps,
        model.totalCap() == null ? Double.POSITIVE_INFINITY : model.totalCap());
  }

  private Program.Tiering tiering(Tiering t, int unit, Scope scope) {
    String path = "/tierings/" + unit;
    int n = t.tiers().size();
    Node[] tiers = new Node[n];
    Node[] explain = new Node[n];
    for (int i = 0; i < n; i++) {
      Tier tier = t.tiers().get(i);
      explain[i] =
          compileTwice(
              tier.condition(),
              scope,
              path + "/tiers/" + i + "/when",
              tiers,
              i,
              logical == null ? -1 : logical.tiers(unit).get(i).node());
    }
    return new Program.Tiering(t.name(), tiers, explain, t.tierNames().toArray(new String[0]));
  }

  private Program.Rfm rfm(RfmModel model, String path) {
    EventType type = schema.eventType(model.eventType());
    if (type == null) {
      throw error(
          path + "/eventType", "the schema has no event type \"" + model.eventType() + "\"");
    }
    Attribute<?> money = type.property(model.moneyProperty());
    if (money == null || !money.type().isNumeric()) {
      throw error(
          path + "/moneyProperty",
          "event type \""
              + type.name()
              + "\" has no numeric property \""
              + model.moneyProperty()
              + "\"");
    }
    return new Program.Rfm(
        model,
        plan.window(model.window()),
        money.name(), // the type's own name object, as for event conditions
        type.propertyNames().indexOf(model.moneyProperty()),
        money.type());
  }

  private static IllegalArgumentException error(String path, String message) {
    return new IllegalArgumentException(path + ": " + message);
  }

  /** Rejects trees deeper than the limits before anything recurses over them. */
  private void checkDepth(Condition root, String path) {
    Deque<Condition> stack = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    stack.push(root);
    depths.push(1);
    while (!stack.isEmpty()) {
      Condition c = stack.pop();
      int d = depths.pop();
      if (d > limits.maxDepth()) {
        throw error(
            path,
            "conditions are nested deeper than the limit of " + limits.maxDepth() + " levels");
      }
      for (Condition child : c.children()) {
        stack.push(child);
        depths.push(d + 1);
      }
    }
  }

  private AttributeRef attribute(Scope scope, String attribute, String path) {
    Attribute<?> a = scope.attribute(attribute);
    if (a == null) {
      throw error(
          path + "/attribute", scope.describe() + " has no attribute \"" + attribute + "\"");
    }
    return new AttributeRef(a.name(), a.type(), scope.position(attribute));
  }

  private static IllegalArgumentException notFor(String path, String what, AttributeType type) {
    return error(path, what + " is not defined for " + type.externalName() + " attributes");
  }

  private Node compile(Condition c, Scope scope, String path) {
    return withKind(compileNode(c, scope, path), c);
  }

  /** Node {@code node}, a leaf of it, knowing its kind (for explanations). */
  private static Node withKind(Node node, Condition c) {
    if (node instanceof Leaf leaf) {
      leaf.kind = c.kind();
    }
    return node;
  }

  private Node compileNode(Condition c, Scope scope, String path) {
    return switch (c.kind()) {
      case ALWAYS -> new Logic.Constant(Truth.TRUE, Show.description(c));
      case NEVER -> new Logic.Constant(Truth.FALSE, Show.description(c));
      case AND -> Logic.JunctionNode.and(compileAll(c.children(), scope, path));
      case OR -> Logic.JunctionNode.or(compileAll(c.children(), scope, path));
      case NOT -> new Logic.NotNode(compile(c.children().get(0), scope, path + "/of"));
      case COMPARE,
          BETWEEN,
          IN,
          STRING_MATCH,
          TAG_MATCH,
          TAG_COUNT,
          PRESENCE,
          RELATIVE_TIME,
          CALENDAR_WINDOW,
          ANNIVERSARY,
          GEO_WITHIN -> {
        AttributeRef a = attribute(scope, c.attribute(), path);
        yield attributeLeaf(c, a, TypedLiterals.of(c, a.type()), path);
      }
      case IN_SEGMENT ->
          new References.InSegmentNode(
              program,
              lookup(segments, ((InSegment) c).segment(), path + "/segment", "segment"),
              Show.description(c));
      case EVENT -> event((EventCondition) c, ((EventCondition) c).where(), path);
      case SCORE -> {
        ScoreCondition sc = (ScoreCondition) c;
        yield new References.ScoreNode(
            program,
            lookup(scores, sc.score(), path + "/score", "score"),
            sc.op(),
            NumericLiteral.of(sc.value()),
            Show.description(c),
            Show.expected(c));
      }
      case IN_TIER -> inTier((InTier) c, path);
    };
  }

  /**
   * Leaf {@code c} over attribute {@code a}, comparing with {@code literals} (typed by {@link
   * TypedLiterals}: the plan's, or the written condition's typed here). Rejects an operator or a
   * literal the attribute's type does not allow, for conditions no checker has seen.
   */
  private Node attributeLeaf(Condition c, AttributeRef a, List<Object> literals, String path) {
    return switch (c.kind()) {
      case COMPARE -> compare((Compare) c, a, literals.get(0), path);
      case BETWEEN -> between((Between) c, a, literals.get(0), literals.get(1), path);
      case IN -> in((In) c, a, literals, path);
      case STRING_MATCH -> stringMatch((StringMatch) c, a, path);
      case TAG_MATCH -> {
        TagMatch tm = (TagMatch) c;
        requireType(a, path, tm.op().externalName(), AttributeType.STRING_SET);
        yield new Leaves.TagLeaf(a, Show.expected(c), tm.op(), ImmutableSet.copyOf(tm.values()));
      }
      case TAG_COUNT -> {
        TagCount tc = (TagCount) c;
        requireType(a, path, "tagCount", AttributeType.STRING_SET);
        yield new Leaves.TagCountLeaf(a, Show.expected(c), tc.op(), tc.count());
      }
      case PRESENCE -> new Leaves.PresenceNode(a, ((Presence) c).present(), Show.expected(c));
      case RELATIVE_TIME -> relativeTime((RelativeTime) c, a, path);
      case CALENDAR_WINDOW -> {
        temporal(a, path, "inCalendar");
        yield new Leaves.CalendarLeaf(a, Show.expected(c), ((CalendarWindow) c).period());
      }
      case ANNIVERSARY -> {
        temporal(a, path, "anniversary");
        yield new Leaves.AnniversaryLeaf(a, Show.expected(c), ((Anniversary) c).period());
      }
      case GEO_WITHIN -> {
        GeoWithin g = (GeoWithin) c;
        requireType(a, path, "withinDistance", AttributeType.GEO_POINT);
        yield new Leaves.GeoLeaf(a, Show.expected(c), g.center(), g.kilometers());
      }
      case ALWAYS, NEVER, AND, OR, NOT, IN_SEGMENT, EVENT, SCORE, IN_TIER ->
          throw new IllegalArgumentException("not an attribute leaf: " + c.kind());
    };
  }

  private Node[] compileAll(List<Condition> of, Scope scope, String path) {
    Node[] nodes = new Node[of.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = compile(of.get(i), scope, path + "/of/" + i);
    }
    return nodes;
  }

  private static int lookup(Map<String, Integer> names, String name, String path, String what) {
    Integer i = names.get(name);
    if (i == null) {
      throw error(path, "the catalog has no " + what + " \"" + name + "\"");
    }
    return i;
  }

  private static void requireType(AttributeRef a, String path, String op, AttributeType wanted) {
    if (a.type() != wanted) {
      throw notFor(path, op, a.type());
    }
  }

  private static void temporal(AttributeRef a, String path, String op) {
    if (!a.type().isTemporal()) {
      throw notFor(path, op, a.type());
    }
  }

  private Comparand comparand(AttributeType type, Object literal, String path) {
    Comparand c = Comparand.of(type, literal);
    if (c == null) {
      throw error(
          path,
          Show.value(literal)
              + " ("
              + literal.getClass().getSimpleName()
              + ") cannot be compared with "
              + type.withArticle()
              + " attribute");
    }
    return c;
  }

  // Numbers, string equality and booleans get leaves of their own (see Leaf); the rest compares
  // through a Comparand.
  private Node compare(Compare c, AttributeRef a, Object value, String path) {
    AttributeType t = a.type();
    if (!t.isOrdered() && (t != AttributeType.BOOLEAN || c.op().isOrdering())) {
      throw notFor(path, "operator " + c.op().symbol(), t);
    }
    Comparand literal = comparand(t, value, path + "/value"); // rejects a wrong literal type
    String expected = Show.expected(c);
    if (t.isNumeric()) {
      return new Leaves.NumberLeaf(a, expected, NumberRange.of(c.op(), (Number) value));
    }
    if (t == AttributeType.BOOLEAN) {
      boolean wanted = (Boolean) value == (c.op() == Operator.EQ);
      return new Leaves.BooleanLeaf(a, expected, wanted);
    }
    if (t == AttributeType.STRING && !c.op().isOrdering()) {
      StringHashSet set = StringHashSet.of(List.of((String) value));
      return new Leaves.StringInLeaf(a, expected, set, c.op() == Operator.NE);
    }
    Leaf boxed = new Leaves.CompareLeaf(a, expected, c.op(), literal);
    if (t.isTemporal()) {
      return Leaves.EpochLeaf.range(a, expected, boxed, NumberRange.ofEpoch(c.op(), value));
    }
    return boxed;
  }

  private Node between(Between c, AttributeRef a, Object lowest, Object highest, String path) {
    AttributeType t = a.type();
    if (!t.isOrdered()) {
      throw notFor(path, "between", t);
    }
    // The comparands also reject literals of the wrong type, for the numeric leaf too.
    Comparand low = comparand(t, lowest, path + "/low");
    Comparand high = comparand(t, highest, path + "/high");
    if (t.isNumeric()) {
      NumberRange range = NumberRange.between((Number) lowest, (Number) highest);
      return new Leaves.NumberLeaf(a, Show.expected(c), range);
    }
    Leaf boxed = new Leaves.BetweenLeaf(a, Show.expected(c), low, high);
    if (t.isTemporal()) {
      NumberRange range = NumberRange.betweenEpoch(lowest, highest);
      return Leaves.EpochLeaf.range(a, Show.expected(c), boxed, range);
    }
    return boxed;
  }

  private Node in(In c, AttributeRef a, List<Object> values, String path) {
    AttributeType t = a.type();
    if (t == AttributeType.STRING_SET || t == AttributeType.GEO_POINT) {
      throw notFor(path, "in", t);
    }
    int i = 0;
    for (Object v : c.values()) {
      comparand(t, v, path + "/values/" + i++); // rejects literals of the wrong type, by index
    }
    if (t == AttributeType.STRING) {
      List<String> strings = new ArrayList<>();
      values.forEach(v -> strings.add((String) v));
      return new Leaves.StringInLeaf(a, Show.expected(c), StringHashSet.of(strings), false);
    }
    if (!t.isNumeric()) {
      Leaf boxed = new Leaves.InLeaf(a, Show.expected(c), ImmutableSet.copyOf(values));
      return t.isTemporal()
          ? Leaves.EpochLeaf.in(a, Show.expected(c), boxed, epochs(values))
          : boxed;
    }
    long[] longs = new long[values.size()];
    double[] doubles = new double[values.size()];
    int nl = 0;
    int nd = 0;
    for (Object v : values) {
      if (v instanceof Long l) {
        longs[nl++] = l;
        double d = (double) l;
        if (Values.compare(l, d) == 0) { // only then can a Double value equal it
          doubles[nd++] = d;
        }
      } else {
        double d = (Double) v;
        doubles[nd++] = d;
        if (Values.isWholeLong(d)) { // only then can a Long value equal it
          longs[nl++] = (long) d;
        }
      }
    }
    return new Leaves.NumberInLeaf(
        a,
        Show.expected(c),
        LongHashSet.of(Arrays.copyOf(longs, nl)),
        DoubleHashSet.of(Arrays.copyOf(doubles, nd)));
  }

  /**
   * Date literals as epoch days, timestamp literals as epoch milliseconds, leaving out instants
   * finer than a millisecond: a value read in milliseconds never equals one.
   */
  private static LongHashSet epochs(List<Object> values) {
    long[] out = new long[values.size()];
    int n = 0;
    for (Object v : values) {
      long x =
          v instanceof LocalDate d
              ? d.toEpochDay()
              : Values.epochMilliOrElse((Instant) v, Leaf.ASK);
      if (x != Leaf.ASK) { // ASK itself is never answered: such a value is read boxed
        out[n++] = x;
      }
    }
    return LongHashSet.of(Arrays.copyOf(out, n));
  }

  private Node stringMatch(StringMatch c, AttributeRef a, String path) {
    requireType(a, path, c.op().externalName(), AttributeType.STRING);
    if (c.op() != StringMatch.Op.MATCHES) {
      return new Leaves.TextLeaf(a, Show.expected(c), c.op(), c.value(), c.ignoreCase());
    }
    if (c.value().length() > limits.maxPatternLength()) {
      throw error(
          path + "/value",
          "the pattern is longer than the limit of " + limits.maxPatternLength() + " characters");
    }
    try {
      Pattern p = Pattern.compile(c.value(), c.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
      return new Leaves.RegexLeaf(a, Show.expected(c), p);
    } catch (PatternSyntaxException e) {
      throw error(path + "/value", "invalid pattern: " + e.getMessage());
    }
  }

  private Node relativeTime(RelativeTime c, AttributeRef a, String path) {
    temporal(a, path, c.op().externalName());
    if (a.type() == AttributeType.TIMESTAMP) {
      return new Leaves.RelativeInstantLeaf(
          a, Show.expected(c), c.op(), plan.instant(c.amount(), c.unit()));
    }
    if (c.unit().isTimeOfDay()) {
      throw error(path + "/unit", c.unit().externalName() + " do not apply to date attributes");
    }
    return new Leaves.RelativeDateLeaf(a, Show.expected(c), c.op(), plan.day(c.amount(), c.unit()));
  }

  /** An event condition whose filter is {@code where} (null or {@code always}: none). */
  private Node event(EventCondition c, Condition where, String path) {
    EventType type = schema.eventType(c.eventType());
    if (type == null) {
      throw error(path + "/type", "the schema has no event type \"" + c.eventType() + "\"");
    }
    AttributeType propertyType = null;
    if (c.property() != null) {
      Attribute<?> p = type.property(c.property());
      if (p == null) {
        throw error(
            path + "/property",
            "event type \"" + type.name() + "\" has no property \"" + c.property() + "\"");
      }
      propertyType = p.type();
      if (c.aggregate() != Aggregate.DISTINCT_COUNT && !propertyType.isNumeric()) {
        throw notFor(path + "/property", c.aggregate().externalName(), propertyType);
      }
    }
    Node filter =
        where == null || where.kind() == Kind.ALWAYS
            ? null
            : compile(where, eventScope(type), path + "/where");
    return eventNode(c, type, c.property(), propertyType, filter, null);
  }

  /**
   * Event condition {@code c} over events of {@code type}, aggregating {@code property} (or null)
   * of {@code propertyType}, whose filter is {@code filter} (or null), computing {@code
   * aggregation} (null when no other condition may share it).
   */
  private Node eventNode(
      EventCondition c,
      EventType type,
      String property,
      AttributeType propertyType,
      Node filter,
      EventNode.Aggregation aggregation) {
    program.readsEvents = true;
    return new EventNode(
        type.name(),
        filter,
        plan.window(c.window()),
        c.aggregate(),
        // The type's own name object: readers that answer by position compare it by identity.
        property == null ? null : type.property(property).name(),
        property == null ? -1 : type.propertyNames().indexOf(property),
        propertyType,
        c.op(),
        NumericLiteral.of(c.value()),
        Show.description(c),
        Show.expected(c),
        aggregation);
  }

  private Node inTier(InTier c, String path) {
    Integer t = tierings.get(c.tiering());
    if (t != null) {
      Tiering tiering = catalog.tierings().get(t);
      int tier = tiering.tierNames().indexOf(c.tier());
      if (tier < 0) {
        throw error(
            path + "/tier",
            "tiering \""
                + c.tiering()
                + "\" has no tier \""
                + c.tier()
                + "\"; its tiers are "
                + tiering.tierNames());
      }
      return new References.TierNode(program, t, tier, Show.description(c), Show.expected(c));
    }
    int model = lookup(rfms, c.tiering(), path + "/tiering", "tiering or RFM model");
    RfmSegment segment = RfmSegment.fromExternalName(c.tier());
    if (segment == null) {
      throw error(path + "/tier", "\"" + c.tier() + "\" is not an RFM segment");
    }
    return new References.RfmTierNode(
        program, model, segment, Show.description(c), Show.expected(c));
  }
}
