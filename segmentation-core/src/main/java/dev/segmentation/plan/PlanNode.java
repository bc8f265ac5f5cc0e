package dev.segmentation.plan;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Kind;
import dev.segmentation.model.EventType;
import java.util.List;

/**
 * One node of a {@link Plan}: a rewritten condition that every segment, score rule and tier using
 * it shares. Its children (operands of AND, OR and NOT) are nodes with smaller ids. A backend turns
 * each node into its own physical form (a row-engine node, a columnar kernel, a SQL expression).
 *
 * <p>A leaf comes resolved against the plan's schema, once, when the plan is built, so that a
 * backend reads positions, types and typed literals here instead of looking names up again: {@link
 * #attribute()} (the attribute a leaf reads: name, type, position), {@link #literals()} (the values
 * it compares with, in the canonical form of the attribute's type), and for an event condition
 * {@link #eventType()} and {@link #property()} (the aggregated property's slot among the event
 * type's properties).
 *
 * <pre>{@code
 * Schema schema = Schema.builder().attribute("age", AttributeType.INTEGER)
 *     .attribute("balance", AttributeType.NUMBER).build();
 * Catalog catalog = Catalog.of(
 *     Segment.of("young", In.of("age", 18L, 18.0, 21.5)),
 *     Segment.of("rich", new Compare("balance", Operator.GT, 3L)));
 * Plan plan = Plan.of(Checker.standard().checked(catalog, schema));
 * PlanNode in = plan.node(plan.segment(0).node());
 * in.attribute(); // AttributeSlot[name=age, type=INTEGER, position=0]
 * in.literals();  // [18, 21.5]: the Double 18.0 is the Long 18 for an integer attribute
 * PlanNode gt = plan.node(plan.segment(1).node());
 * gt.literals();  // [3.0]: a Double for a number attribute
 * }</pre>
 */
public final class PlanNode {
  private final int id;
  private final Condition condition;
  private final int[] children;
  private final int segment;
  private final int filterSegment;
  private final Condition filter;
  private final double cost;
  private final AttributeSlot attribute;
  private final List<Object> literals;
  private final EventType eventType;
  private final AttributeSlot property;

  PlanNode(
      int id,
      Condition condition,
      int[] children,
      int segment,
      int filterSegment,
      Condition filter,
      double cost,
      AttributeSlot attribute,
      List<Object> literals,
      EventType eventType,
      AttributeSlot property) {
    this.id = id;
    this.condition = condition;
    this.children = children;
    this.segment = segment;
    this.filterSegment = filterSegment;
    this.filter = filter;
    this.cost = cost;
    this.attribute = attribute;
    this.literals = literals;
    this.eventType = eventType;
    this.property = property;
    // A leaf that names an attribute has its slot, under that name; nothing else has one.
    assert (attribute == null) == (condition.attribute() == null) : condition;
    assert attribute == null || attribute.name().equals(condition.attribute()) : condition;
    assert (eventType == null) == (condition.kind() != Kind.EVENT) : condition;
  }

  /**
   * The attribute this leaf reads, resolved against the plan's schema (the customers', or in a plan
   * of {@link Plan#eventFilters event filters} the event type's properties): the schema's own name
   * String, the declared type and the position in that schema. Null for nodes that read no
   * attribute directly (logic, constants, references, events, scores, tiers).
   */
  public AttributeSlot attribute() {
    return attribute;
  }

  /**
   * The literals this leaf compares its attribute's values with, each in the canonical form of the
   * attribute's type, converted once: for {@code =}, {@code !=}, {@code <}, ... the value; for
   * {@code between} the low and high bound; for {@code in} the distinct values in the written order
   * ({@code [3, 3.0]} on an integer attribute is {@code [3]}); for {@code containsAny/All/None} the
   * tags; for {@code startsWith/endsWith/contains/matches} the needle or pattern, as written. Empty
   * for every other kind (their operands are on {@link #condition()}).
   *
   * <table>
   *   <caption>Canonical literal per attribute type</caption>
   *   <tr><th>attribute</th><th>literal</th></tr>
   *   <tr><td>integer</td><td>Long; a Double only when no long equals it (a fraction, or beyond
   *       the long range: it equals no value, but bounds a range exactly)</td></tr>
   *   <tr><td>number</td><td>Double; a Long only when no double equals it (beyond 2^53, e.g.
   *       2^53 + 1), so that comparisons stay exact</td></tr>
   *   <tr><td>string, stringSet (tags)</td><td>String</td></tr>
   *   <tr><td>date, timestamp, boolean</td><td>LocalDate, Instant, Boolean</td></tr>
   * </table>
   *
   * <p>Each literal matches exactly the values the written one matches (numbers compare by exact
   * value across Long and Double), so a backend may use either; these save it the conversion.
   */
  public List<Object> literals() {
    return literals;
  }

  /** For an event condition: its event type, resolved in the catalog's schema; otherwise null. */
  public EventType eventType() {
    return eventType;
  }

  /**
   * For an event condition that aggregates a property ({@code sum}, {@code avg}, {@code min},
   * {@code max}, {@code distinctCount}): the property's slot among the event type's properties in
   * declaration order ({@link dev.segmentation.model.Schema#ofProperties}); otherwise null.
   */
  public AttributeSlot property() {
    return property;
  }

  /**
   * The estimated cost per row of evaluating this node (see {@link Costs}: only the order of costs
   * matters): a backend that short-circuits orders the operands of AND and OR by it.
   */
  public double cost() {
    return cost;
  }

  /** Its position in {@link Plan#nodes()}: greater than every child's. */
  public int id() {
    return id;
  }

  public Kind kind() {
    return condition.kind();
  }

  /** The rewritten condition (for a leaf, the leaf itself). */
  public Condition condition() {
    return condition;
  }

  /** The ids of AND, OR and NOT operands, in the rewritten order; empty for a leaf. */
  public int[] children() {
    return children.clone();
  }

  /** The number of operands. */
  public int childCount() {
    return children.length;
  }

  /** Operand {@code i}'s id. */
  public int child(int i) {
    return children[i];
  }

  /** For {@code inSegment}: the referenced segment's index in the catalog; otherwise -1. */
  public int segment() {
    return segment;
  }

  /**
   * For an event condition with a filter: the filter's segment in {@link Plan#eventFilters} of its
   * event type; otherwise -1.
   */
  public int filterSegment() {
    return filterSegment;
  }

  /**
   * For an event condition: its {@code where} filter rewritten (over the event type's properties),
   * or null when it has none or the filter is always true; otherwise null.
   */
  public Condition filter() {
    return filter;
  }

  @Override
  public String toString() {
    return "#" + id + " " + condition.kind();
  }
}
