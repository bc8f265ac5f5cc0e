package dev.segmentation.plan.eval;

import dev.segmentation.check.Limits;
import dev.segmentation.condition.Condition;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;

/** What the row engine's tests reach inside the plan-node evaluator (test scope only). */
public final class EvalAccess {
  private EvalAccess() {}

  /** Compiles without a checker: tests of semantics on rules a checker rejects by policy. */
  public static PlanEvaluator unchecked(Catalog catalog, Schema schema) {
    return PlanEvaluator.unchecked(catalog, schema, Limits.DEFAULT);
  }

  /** How many evaluations of a segment come before its generated evaluator takes its place. */
  public static int generateAfter() {
    return WarmingNode.GENERATE_AFTER;
  }

  /** A value as explanations quote it. */
  public static String quote(String value) {
    return Show.quote(value);
  }

  /** A condition in words, as explanations describe it. */
  public static String description(Condition c) {
    return Show.description(c);
  }
}
