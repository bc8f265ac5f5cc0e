package dev.segmentation.json;

import dev.segmentation.check.Issue;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import java.util.List;

/**
 * A rules document: the schema its rules are written against, and the catalog of segments, scores,
 * tierings and RFM models.
 *
 * <pre>{@code
 * RulesDocument doc = RulesJson.read(Path.of("rules.json"));
 * CompiledCatalog compiled = RowEngine.compile(doc.catalog(), doc.schema());
 * }</pre>
 *
 * @param schema the declared attributes and event types
 * @param catalog the rules
 * @param warnings what the reader and the checker warn about (the document is usable); empty for a
 *     document built in code
 */
public record RulesDocument(Schema schema, Catalog catalog, List<Issue> warnings) {
  public RulesDocument {
    if (schema == null || catalog == null) {
      throw new IllegalArgumentException("a rules document needs a schema and a catalog");
    }
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A document without warnings. */
  public RulesDocument(Schema schema, Catalog catalog) {
    this(schema, catalog, List.of());
  }
}
