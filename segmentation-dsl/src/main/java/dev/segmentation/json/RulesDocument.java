package dev.segmentation.json;

import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;

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
 */
public record RulesDocument(Schema schema, Catalog catalog) {
  public RulesDocument {
    if (schema == null || catalog == null) {
      throw new IllegalArgumentException("a rules document needs a schema and a catalog");
    }
  }
}
