package dev.segmentation.plan;

import com.google.common.collect.ImmutableList;
import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.ReferenceGraph;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Kind;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.rewrite.Rewriter;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tiering;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The logical plan of a checked catalog: what every backend compiles. Each condition of the catalog
 * (segments, score rules, tiers) is rewritten once ({@link Rewriter}) and its nodes entered into
 * one graph in which equal sub-conditions are one {@link PlanNode}, children before parents, and
 * referenced segments before the segments that refer to them (the {@link ReferenceGraph}'s order).
 * Each root keeps the condition as written and its JSON Pointer, for explanations and errors. Each
 * leaf is resolved once, here, against the checked schema: the attribute it reads as an {@link
 * AttributeSlot} (name, type, position), its literals typed for that attribute, an event node's
 * event type and property slot (see {@link PlanNode}).
 *
 * <pre>{@code
 * Plan plan = Plan.of(Checker.standard().checked(catalog, schema));
 * CompiledCatalog rows = RowEngine.compile(plan);
 * ColumnarCatalog batch = ColumnarEngine.compile(plan); // the same plan, nothing rewritten again
 * }</pre>
 *
 * A backend keeps its physical plan (kernels, operand order by cost, SQL text) to itself, so that a
 * new backend is written against this class without touching the others. Building never recurses
 * over a condition, so the depth the limits allow cannot overflow the stack. Immutable.
 */
public final class Plan {
  /**
   * A condition of the catalog: its node, the condition as written and where it is written.
   *
   * @param node the id of the rewritten condition's node
   * @param written the condition as the author wrote it
   * @param pointer its JSON Pointer, e.g. {@code /segments/3/where}
   */
  public record Root(int node, Condition written, String pointer) {}

  private final CheckedCatalog checked;
  private final List<PlanNode> nodes = new ArrayList<>();
  private final Map<Condition, Integer> ids = new HashMap<>();
  private final Map<String, Integer> segmentIndex = new HashMap<>();
  private final Set<String> tieringNames = new HashSet<>();
  private final Root[] segments;
  private final ImmutableList<ImmutableList<Root>> scoreRules;
  private final ImmutableList<ImmutableList<Root>> tiers;
  // Per filtered event type, the plan of its filters over the event type's properties.
  private final Map<String, Plan> eventFilters = new LinkedHashMap<>();
  // Per event type with an aggregated property, its properties as a schema (for their positions).
  private final Map<String, Schema> propertySchemas = new HashMap<>();

  private Plan(CheckedCatalog checked) {
    this.checked = checked;
    Catalog catalog = checked.catalog();
    catalog.tierings().forEach(t -> tieringNames.add(t.name()));
    for (int i = 0; i < catalog.segments().size(); i++) {
      segmentIndex.putIfAbsent(catalog.segments().get(i).name(), i);
    }
    this.segments = new Root[catalog.segments().size()];
    // Referenced segments first: an inSegment node then always follows its target's root.
    for (int i : checked.references().segmentOrder()) {
      segments[i] = root(catalog.segments().get(i).condition(), "/segments/" + i + "/where");
    }
    ImmutableList.Builder<ImmutableList<Root>> scores = ImmutableList.builder();
    for (int k = 0; k < catalog.scores().size(); k++) {
      ScoreModel m = catalog.scores().get(k);
      ImmutableList.Builder<Root> rules = ImmutableList.builder();
      for (int r = 0; r < m.rules().size(); r++) {
        rules.add(root(m.rules().get(r).condition(), "/scores/" + k + "/rules/" + r + "/when"));
      }
      scores.add(rules.build());
    }
    this.scoreRules = scores.build();
    ImmutableList.Builder<ImmutableList<Root>> tierings = ImmutableList.builder();
    for (int k = 0; k < catalog.tierings().size(); k++) {
      Tiering t = catalog.tierings().get(k);
      ImmutableList.Builder<Root> list = ImmutableList.builder();
      for (int j = 0; j < t.tiers().size(); j++) {
        list.add(root(t.tiers().get(j).condition(), "/tierings/" + k + "/tiers/" + j + "/when"));
      }
      tierings.add(list.build());
    }
    this.tiers = tierings.build();
  }

  /** The plan of a checked catalog. */
  public static Plan of(CheckedCatalog checked) {
    if (checked == null) {
      throw new IllegalArgumentException("checked must not be null");
    }
    return new Plan(checked);
  }

  private Root root(Condition written, String pointer) {
    Condition rewritten = Rewriter.rewrite(written);
    if (rewritten == null) {
      throw new IllegalStateException(pointer + ": the rewriter returned null");
    }
    return new Root(enter(rewritten), written, pointer);
  }

  /** Enters {@code root} and its operands (post-order, with an explicit stack); returns its id. */
  private int enter(Condition root) {
    Deque<Condition> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(root);
    expanded.push(false);
    while (!stack.isEmpty()) {
      Condition c = stack.pop();
      boolean ready = expanded.pop();
      if (ids.containsKey(c)) {
        continue;
      }
      List<Condition> operands = operands(c);
      if (!ready && !operands.isEmpty()) {
        stack.push(c);
        expanded.push(true);
        for (int i = operands.size() - 1; i >= 0; i--) {
          stack.push(operands.get(i));
          expanded.push(false);
        }
        continue;
      }
      int[] children = new int[operands.size()];
      for (int i = 0; i < children.length; i++) {
        children[i] = ids.get(operands.get(i));
      }
      int id = nodes.size();
      int filter = filterOf(c);
      AttributeSlot attribute =
          c.attribute() == null ? null : AttributeSlot.of(checked.schema(), c.attribute());
      EventType eventType = eventTypeOf(c);
      nodes.add(
          new PlanNode(
              id,
              c,
              children,
              segmentOf(c),
              filter,
              whereOf(c, filter),
              cost(c, attribute, children),
              attribute,
              literals(c, attribute),
              eventType,
              eventType == null ? null : propertyOf((EventCondition) c, eventType)));
      ids.put(c, id);
    }
    return ids.get(root);
  }

  /** A leaf's literals typed for its attribute; the checker made sure that they fit. */
  private static List<Object> literals(Condition c, AttributeSlot attribute) {
    if (attribute == null) {
      return List.of();
    }
    List<Object> typed = TypedLiterals.of(c, attribute.type());
    for (Object literal : typed) {
      if (!TypedLiterals.fits(attribute.type(), literal)) {
        throw new IllegalStateException(
            "a literal that does not fit "
                + attribute.type().withArticle()
                + " attribute passed the check: "
                + c);
      }
    }
    return typed;
  }

  /** For an event condition, its event type; otherwise null. */
  private EventType eventTypeOf(Condition c) {
    if (c.kind() != Kind.EVENT) {
      return null;
    }
    EventType type = checked.schema().eventType(((EventCondition) c).eventType());
    if (type == null) {
      throw new IllegalStateException("an event type the checked schema lacks: " + c);
    }
    return type;
  }

  /** The slot of an event condition's aggregated property among its type's properties, or null. */
  private AttributeSlot propertyOf(EventCondition e, EventType type) {
    if (e.property() == null) {
      return null;
    }
    Schema properties =
        propertySchemas.computeIfAbsent(type.name(), t -> Schema.ofProperties(type));
    return AttributeSlot.of(properties, e.property());
  }

  /** A leaf's cost; an operator's, the sum of its operands'; a reference's, nothing. */
  private double cost(Condition c, AttributeSlot attribute, int[] children) {
    if (c.kind() == Kind.IN_SEGMENT) {
      return Costs.REFERENCE; // its target is computed before
    }
    if (!c.kind().isOperator()) {
      return Costs.of(c, attribute == null ? null : attribute.type(), tieringNames);
    }
    double sum = 0;
    for (int child : children) {
      sum += nodes.get(child).cost();
    }
    return sum;
  }

  /** The operands a node has in the plan: those of AND, OR and NOT. */
  private static List<Condition> operands(Condition c) {
    return c.kind().isOperator() ? c.children() : List.of();
  }

  private int segmentOf(Condition c) {
    if (c.kind() != Kind.IN_SEGMENT) {
      return -1;
    }
    Integer target = segmentIndex.get(((InSegment) c).segment());
    if (target == null || segments[target] == null) {
      // A checked catalog names only its own segments, and the order places them first.
      throw new IllegalStateException("inSegment before its segment's plan: " + c);
    }
    return target;
  }

  /**
   * For an event condition with a filter, the filter's segment in its event type's filter plan
   * (which rewrites it, once); otherwise -1.
   */
  private int filterOf(Condition c) {
    if (c.kind() != Kind.EVENT || ((EventCondition) c).where().kind() == Kind.ALWAYS) {
      return -1;
    }
    EventCondition e = (EventCondition) c;
    Plan filters =
        eventFilters.computeIfAbsent(e.eventType(), type -> new Plan(checked.eventFilters(type)));
    int i = filters.writtenIndex(e.where());
    if (i < 0) {
      throw new IllegalStateException("a filter missing from its event type's plan: " + e);
    }
    return i;
  }

  /**
   * An event condition's filter rewritten (once), or null when it has none or it is always true.
   */
  private Condition whereOf(Condition c, int filterSegment) {
    if (c.kind() != Kind.EVENT) {
      return null;
    }
    EventCondition e = (EventCondition) c;
    if (filterSegment < 0) {
      return null;
    }
    Condition where = eventFilters.get(e.eventType()).rootCondition(filterSegment);
    return where.kind() == Kind.ALWAYS ? null : where;
  }

  // The index of the segment written as c, or -1 (filter plans are small).
  private int writtenIndex(Condition c) {
    List<Segment> list = checked.catalog().segments();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).condition().equals(c)) {
        return i;
      }
    }
    return -1;
  }

  // Segment i's rewritten condition.
  private Condition rootCondition(int i) {
    return nodes.get(segments[i].node()).condition();
  }

  /**
   * The plan of the filters of the conditions on events of {@code eventType}: its segment {@link
   * PlanNode#filterSegment()} is an event node's filter, over the event type's properties (see
   * {@link CheckedCatalog#eventFilters}). Empty when no condition filters that type.
   */
  public Plan eventFilters(String eventType) {
    Plan filters = eventFilters.get(eventType);
    return filters != null ? filters : new Plan(checked.eventFilters(eventType));
  }

  /** The id of the node whose condition is {@code c}, or -1 when the plan has none. */
  public int idOf(Condition c) {
    Integer id = ids.get(c);
    return id == null ? -1 : id;
  }

  public CheckedCatalog checked() {
    return checked;
  }

  /** Every node, children before parents. */
  public List<PlanNode> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public int nodeCount() {
    return nodes.size();
  }

  public PlanNode node(int id) {
    return nodes.get(id);
  }

  /** Segment {@code i}'s condition. */
  public Root segment(int i) {
    return segments[i];
  }

  /** The rules of score model {@code k}, in catalog order. */
  public List<Root> scoreRules(int k) {
    return scoreRules.get(k);
  }

  /** The tiers of tiering {@code k}, in catalog order. */
  public List<Root> tiers(int k) {
    return tiers.get(k);
  }

  @Override
  public String toString() {
    return "Plan[" + segments.length + " segments, " + nodes.size() + " nodes]";
  }
}
