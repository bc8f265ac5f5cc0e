package dev.segmentation.check;

import com.google.common.collect.ImmutableList;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;

/**
 * A catalog that passed a check against a schema with no error: what the engines compile. The only
 * way to obtain one is {@link Checker#checked(Catalog, Schema)} (or {@link CheckResult#checked()}),
 * so an engine given a {@code CheckedCatalog} never checks again.
 *
 * <pre>{@code
 * CheckedCatalog checked = Checker.standard().checked(catalog, schema); // CheckException on errors
 * CompiledCatalog rows = RowEngine.compile(checked);
 * ColumnarCatalog batch = ColumnarEngine.compile(checked); // no second check
 * }</pre>
 *
 * Immutable and thread-safe (catalogs, schemas and limits are).
 */
public final class CheckedCatalog {
  private final Catalog catalog;
  private final Schema schema;
  private final Limits limits;
  private final ReferenceGraph references;
  private final ImmutableList<Issue> warnings;

  CheckedCatalog(
      Catalog catalog,
      Schema schema,
      Limits limits,
      ReferenceGraph references,
      ImmutableList<Issue> warnings) {
    this.catalog = catalog;
    this.schema = schema;
    this.limits = limits;
    this.references = references;
    this.warnings = warnings;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Schema schema() {
    return schema;
  }

  /** The limits it was checked with; they also bound compilation. */
  public Limits limits() {
    return limits;
  }

  /** The references among its segments, scores and tierings: the dependency order. */
  public ReferenceGraph references() {
    return references;
  }

  /** What the check warned about (conditions that can never match, unused group caps, ...). */
  public ImmutableList<Issue> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "CheckedCatalog["
        + catalog.segments().size()
        + " segments, "
        + warnings.size()
        + " warnings]";
  }
}
