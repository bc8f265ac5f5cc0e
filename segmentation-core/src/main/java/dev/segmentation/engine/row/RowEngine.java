package dev.segmentation.engine.row;

import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Checker;
import dev.segmentation.model.Schema;
import dev.segmentation.plan.Plan;
import dev.segmentation.plan.eval.PlanEvaluator;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;

/**
 * The row engine: compiles a catalog once into a {@link CompiledCatalog} that evaluates one
 * customer at a time, in microseconds and without allocating.
 *
 * <pre>{@code
 * CompiledCatalog compiled = RowEngine.compile(catalog, schema); // throws CheckException on errors
 * compiled.matches("vip", customer, EvaluationContext.at(asOf));
 * }</pre>
 *
 * Compiling checks the catalog (every issue, with its path), rewrites each condition (flattened,
 * constants folded, NOT pushed down) and precomputes sets, patterns and literals.
 */
public final class RowEngine {
  private RowEngine() {}

  /**
   * Checks the catalog with {@link Checker#standard()}, then compiles it.
   *
   * @throws dev.segmentation.check.CheckException when the check finds an error
   * @throws IllegalArgumentException naming the path when the catalog cannot be evaluated
   */
  public static CompiledCatalog compile(Catalog catalog, Schema schema) {
    return compile(catalog, schema, Checker.standard());
  }

  /**
   * Checks the catalog with {@code checker} (whose limits also bound compilation), then compiles.
   */
  public static CompiledCatalog compile(Catalog catalog, Schema schema, Checker checker) {
    if (catalog == null || schema == null || checker == null) {
      throw new IllegalArgumentException("catalog, schema and checker must not be null");
    }
    return compile(checker.checked(catalog, schema));
  }

  /** Compiles a checked catalog (without checking it again). */
  public static CompiledCatalog compile(CheckedCatalog checked) {
    if (checked == null) {
      throw new IllegalArgumentException("checked must not be null");
    }
    return compile(Plan.of(checked));
  }

  /** Compiles a logical plan (the catalog neither checked nor rewritten again). */
  public static CompiledCatalog compile(Plan plan) {
    if (plan == null) {
      throw new IllegalArgumentException("plan must not be null");
    }
    return new CompiledCatalog(PlanEvaluator.of(plan));
  }

  /** A catalog of one segment, checked and compiled. */
  public static CompiledCatalog compile(Segment segment, Schema schema) {
    if (segment == null) {
      throw new IllegalArgumentException("segment must not be null");
    }
    return compile(Catalog.of(segment), schema);
  }
}
