package dev.segmentation.engine.columnar;

import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Checker;
import dev.segmentation.model.Schema;
import dev.segmentation.plan.Plan;
import dev.segmentation.segment.Catalog;

/**
 * The columnar batch engine: compiles a catalog once for evaluation over {@link CustomerTable}s.
 *
 * <pre>{@code
 * ColumnarCatalog compiled = ColumnarEngine.compile(catalog, schema);
 * BatchResult result = compiled.evaluate(table, EvaluationContext.at(asOf));
 * result.count("nordic-adults");
 * }</pre>
 */
public final class ColumnarEngine {
  private ColumnarEngine() {}

  /**
   * Checks the catalog, rewrites every condition and plans the batch evaluation.
   *
   * @throws dev.segmentation.check.CheckException when the check finds an error
   */
  public static ColumnarCatalog compile(Catalog catalog, Schema schema) {
    if (catalog == null || schema == null) {
      throw new IllegalArgumentException("catalog and schema must not be null");
    }
    return compile(Checker.standard().checked(catalog, schema));
  }

  /** Plans the batch evaluation of a checked catalog (without checking it again). */
  public static ColumnarCatalog compile(CheckedCatalog checked) {
    if (checked == null) {
      throw new IllegalArgumentException("checked must not be null");
    }
    return compile(Plan.of(checked));
  }

  /** Plans the batch evaluation of a logical plan (nothing checked or rewritten again). */
  public static ColumnarCatalog compile(Plan plan) {
    if (plan == null) {
      throw new IllegalArgumentException("plan must not be null");
    }
    return new ColumnarCatalog(plan);
  }
}
