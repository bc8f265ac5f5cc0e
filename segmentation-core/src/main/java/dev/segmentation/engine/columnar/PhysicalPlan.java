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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columnar engine's physical plan of a logical {@link Plan}, built once per catalog: one node
 * per plan node (an {@code inSegment} is the referenced segment's node), AND and OR operands
 * ordered cheapest first, each segment's root node, the score and tier plans over their rules'
 * nodes, the units (segments, scores, tierings) in dependency order, and a columnar catalog of each
 * filtered event type's filters. {@link #bind} turns the nodes into kernels over one table; running
 * them over the table's chunks is {@link ColumnarCatalog}'s job.
 *
 * <p>Immutable after construction.
 */
final class PhysicalPlan {
  final Schema schema;
  final Plan plan;
  final PlanEvaluator rows; // for what has no kernel, one customer at a time
  final ImmutableList<String> segmentNames;
  private final List<Condition> nodes = new ArrayList<>(); // children before parents
  private final List<PlanNode> planNodes = new ArrayList<>(); // each node's plan node
  private final List<int[]> children = new ArrayList<>(); // AND/OR operands cheapest first
  final int[] roots;
  private final Map<String, ScorePlan> scorePlans = new LinkedHashMap<>();
  private final Map<String, TierPlan> tierPlans = new LinkedHashMap<>();
  final List<ScorePlan> scoreList; // in unit order
  final List<TierPlan> tierList;
  // What each chunk computes, in dependency order: segments (root node), scores and tierings.
  final int[] countOrder; // the units the segments need
  final int[] fullOrder; // every unit
  // Event filters: per event type with filters, a catalog over its properties (the plan's
  // eventFilters), whose segment PlanNode.filterSegment() is an event node's filter.
  final Map<String, ColumnarCatalog> filters = new LinkedHashMap<>();

  PhysicalPlan(Plan plan) {
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

  /** The number of distinct condition nodes after sharing equal sub-conditions. */
  int nodeCount() {
    return nodes.size();
  }

  // ------------------------------------------------------------------------------ binding

  /**
   * Every node's kernel over the table and context of {@code binding}; {@code filterWords} holds,
   * per filtered event type, the TRUE words of each filter over every event of the type.
   */
  Kernel[] bind(Binding binding, EvaluationContext ctx, Map<String, long[][]> filterWords) {
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
}
