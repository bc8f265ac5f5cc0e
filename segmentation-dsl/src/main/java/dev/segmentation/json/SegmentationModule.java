package dev.segmentation.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.segmentation.check.Issue;
import dev.segmentation.check.Limits;
import dev.segmentation.condition.Condition;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.io.IOException;
import java.util.function.Function;

/**
 * A Jackson module that reads and writes {@link RulesDocument}, {@link Catalog}, {@link Segment}
 * and {@link Condition} in the rules format, for your own {@code ObjectMapper}:
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new SegmentationModule());
 * RulesDocument doc = mapper.readValue(json, RulesDocument.class);
 * }</pre>
 *
 * <p>A rules document carries its schema. A catalog, segment or condition on its own does not: give
 * the module the schema your service holds, and they are read against it (literals typed, so a date
 * reads back as the {@code LocalDate} it was written from; names and types checked). Without a
 * schema, segments and conditions keep their literals as JSON gives them (dates as strings), and a
 * catalog cannot be read:
 *
 * <pre>{@code
 * ObjectMapper typed = new ObjectMapper().registerModule(new SegmentationModule(SCHEMA));
 * Catalog catalog = typed.readValue(typed.writeValueAsString(CATALOG), Catalog.class);
 * }</pre>
 *
 * Reading applies the same checks as {@link RulesJson} (problems raise {@link
 * InvalidRulesException}, a {@code JsonMappingException}, so that web frameworks answer 400); the
 * nesting and size limits of your mapper's {@code StreamReadConstraints} apply to parsing. No
 * default typing and no class names are involved: node types are the format's {@code op} names.
 */
public final class SegmentationModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The module without a schema (the one {@code findAndRegisterModules()} finds). */
  public SegmentationModule() {
    super("segmentation");
    addSerializer(RulesDocument.class, new TreeSerializer<>(TreeWriter::document));
    addDeserializer(RulesDocument.class, new DocumentDeserializer());
    // A segment in the rules format's form (name, description, where); a catalog as a document
    // holds it (segments, scores, tierings, ...).
    addSerializer(Condition.class, new TreeSerializer<>(TreeWriter::condition));
    addSerializer(Segment.class, new TreeSerializer<>(TreeWriter::segment));
    addSerializer(Catalog.class, new TreeSerializer<>(TreeWriter::catalog));
    addDeserializer(Condition.class, new ConditionDeserializer());
    addDeserializer(Segment.class, new SegmentDeserializer());
    addDeserializer(Catalog.class, new CatalogDeserializer(null));
  }

  /**
   * The module that reads catalogs, segments and conditions against {@code schema} (see the class
   * comment); documents still carry their own schema.
   */
  public SegmentationModule(Schema schema) {
    this();
    if (schema == null) {
      throw new IllegalArgumentException("schema must not be null");
    }
    addDeserializer(
        Condition.class,
        new TypedDeserializer<>(
            schema, (json, s) -> RulesJson.standard().readCondition(json, s, null)));
    addDeserializer(
        Segment.class,
        new TypedDeserializer<>(
            schema, (json, s) -> RulesJson.standard().readSegment(json, s, null)));
    addDeserializer(Catalog.class, new CatalogDeserializer(schema));
  }

  /** A catalog read as a document with the module's schema; every problem at once. */
  private static final class CatalogDeserializer extends JsonDeserializer<Catalog> {
    private final Schema schema;

    CatalogDeserializer(Schema schema) {
      this.schema = schema;
    }

    @Override
    public Catalog deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = p.readValueAsTree();
      if (schema == null) {
        throw new InvalidRulesException(
            p,
            new RulesException(
                "catalog",
                ImmutableList.of(
                    Issue.error(
                        "",
                        "a catalog is read against a schema: register new"
                            + " SegmentationModule(schema)"))));
      }
      if (!tree.isObject()) {
        throw new InvalidRulesException(
            p,
            new RulesException("catalog", ImmutableList.of(Issue.error("", "expected an object"))));
      }
      ObjectNode document = JsonNodeFactory.instance.objectNode();
      document.put("format", 1);
      document.set("schema", TreeWriter.schema(schema));
      document.setAll((ObjectNode) tree);
      try {
        return RulesJson.standard().fromTree(document, "catalog").catalog();
      } catch (RulesException e) {
        throw new InvalidRulesException(p, e);
      }
    }
  }

  /** A segment or condition read against the module's schema by {@code read}. */
  private static final class TypedDeserializer<T> extends JsonDeserializer<T> {
    private final Schema schema;
    private final Reader<T> read;

    interface Reader<T> {
      T read(String json, Schema schema);
    }

    TypedDeserializer(Schema schema, Reader<T> read) {
      this.schema = schema;
      this.read = read;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String json = p.readValueAsTree().toString();
      try {
        return read.read(json, schema);
      } catch (RulesException e) {
        throw new InvalidRulesException(p, e);
      }
    }
  }

  /**
   * A segment without a schema: literals stay as JSON gives them (dates as strings), as for a
   * condition. To type them, read with {@code RulesJson.readSegment(json, schema, catalog)}.
   */
  private static final class SegmentDeserializer extends JsonDeserializer<Segment> {
    @Override
    public Segment deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = p.readValueAsTree();
      TreeReader reader = new TreeReader(Limits.DEFAULT);
      Segment s = reader.segmentAlone(tree, "", Schema.builder().build());
      if (s == null || !reader.problems().isEmpty()) {
        throw new InvalidRulesException(
            p, new RulesException("segment", ImmutableList.copyOf(reader.problems())));
      }
      return s;
    }
  }

  /** Writes a value as the tree {@link TreeWriter} makes of it, in the rules format. */
  private static final class TreeSerializer<T> extends JsonSerializer<T> {
    private final Function<T, JsonNode> tree;

    TreeSerializer(Function<T, JsonNode> tree) {
      this.tree = tree;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeTree(tree.apply(value));
    }
  }

  private static final class DocumentDeserializer extends JsonDeserializer<RulesDocument> {
    @Override
    public RulesDocument deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = p.readValueAsTree();
      try {
        return RulesJson.standard().fromTree(tree, "rules");
      } catch (RulesException e) {
        throw new InvalidRulesException(p, e);
      }
    }
  }

  private static final class ConditionDeserializer extends JsonDeserializer<Condition> {
    @Override
    public Condition deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = p.readValueAsTree();
      TreeReader reader = new TreeReader(Limits.DEFAULT);
      Function<String, dev.segmentation.model.AttributeType> noTypes = name -> null;
      Condition c = reader.condition(tree, "", noTypes, Schema.builder().build(), 1);
      if (c == null || !reader.problems().isEmpty()) {
        throw new InvalidRulesException(
            p, new RulesException("condition", ImmutableList.copyOf(reader.problems())));
      }
      return c;
    }
  }
}
