/**
 * The row engine: evaluates one customer at a time, in microseconds and without allocating, for
 * requests ("which segments is this customer in, and why?"). Start at {@link
 * dev.segmentation.engine.row.RowEngine#compile(dev.segmentation.segment.Catalog,
 * dev.segmentation.model.Schema)}; the result, a {@link
 * dev.segmentation.engine.row.CompiledCatalog}, is immutable and shared between threads.
 */
package dev.segmentation.engine.row;
