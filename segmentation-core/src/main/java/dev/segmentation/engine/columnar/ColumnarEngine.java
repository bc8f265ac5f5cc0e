package dev.segmentation.engine.columnar;

import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Schema;
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
    // The row engine checks the catalog (and throws on errors); its compiled catalog also serves
    // the leaves that the columnar engine evaluates row by row.
    CompiledCatalog rows = RowEngine.compile(catalog, schema);
    return new ColumnarCatalog(catalog, schema, rows);
  }
}
