package dev.segmentation.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.google.common.collect.ImmutableList;
import dev.segmentation.check.Limits;
import dev.segmentation.condition.Condition;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Segment;
import java.io.IOException;
import java.util.function.Function;

/**
 * A Jackson module that reads and writes {@link RulesDocument} and {@link Condition} in the rules
 * format, for your own {@code ObjectMapper}:
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new SegmentationModule());
 * RulesDocument doc = mapper.readValue(json, RulesDocument.class);
 * }</pre>
 *
 * Reading applies the same checks as {@link RulesJson} (problems raise {@link
 * InvalidRulesException}, a {@code JsonMappingException}, so that web frameworks answer 400); the
 * nesting and size limits of your mapper's {@code StreamReadConstraints} apply to parsing. No
 * default typing and no class names are involved: node types are the format's {@code op} names.
 */
public final class SegmentationModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public SegmentationModule() {
    super("segmentation");
    addSerializer(RulesDocument.class, new DocumentSerializer());
    addDeserializer(RulesDocument.class, new DocumentDeserializer());
    addSerializer(Condition.class, new ConditionSerializer());
    addDeserializer(Condition.class, new ConditionDeserializer());
    addSerializer(Segment.class, new SegmentSerializer());
    addDeserializer(Segment.class, new SegmentDeserializer());
  }

  /** A segment in the rules format's form: {@code name}, {@code description}, {@code where}. */
  private static final class SegmentSerializer extends JsonSerializer<Segment> {
    @Override
    public void serialize(Segment value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeTree(TreeWriter.segment(value));
    }

    @Override
    public Class<Segment> handledType() {
      return Segment.class;
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

  private static final class DocumentSerializer extends JsonSerializer<RulesDocument> {
    @Override
    public void serialize(RulesDocument value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeTree(TreeWriter.document(value));
    }
  }

  private static final class ConditionSerializer extends JsonSerializer<Condition> {
    @Override
    public void serialize(Condition value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeTree(TreeWriter.condition(value));
    }

    @Override
    public Class<Condition> handledType() {
      return Condition.class;
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
