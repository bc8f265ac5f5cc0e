package dev.segmentation.plan;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Kind;

/**
 * One node of a {@link Plan}: a rewritten condition that every segment, score rule and tier using
 * it shares. Its children (operands of AND, OR and NOT) are nodes with smaller ids. A backend turns
 * each node into its own physical form (a row-engine node, a columnar kernel, a SQL expression).
 */
public final class PlanNode {
  private final int id;
  private final Condition condition;
  private final int[] children;
  private final int segment;
  private final int filterSegment;
  private final Condition filter;
  private final double cost;

  PlanNode(
      int id,
      Condition condition,
      int[] children,
      int segment,
      int filterSegment,
      Condition filter,
      double cost) {
    this.id = id;
    this.condition = condition;
    this.children = children;
    this.segment = segment;
    this.filterSegment = filterSegment;
    this.filter = filter;
    this.cost = cost;
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
