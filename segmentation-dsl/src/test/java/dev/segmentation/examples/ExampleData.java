package dev.segmentation.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small test-side loader for the examples' {@code customers.jsonl}: one JSON object per line with
 * an {@code id}, attributes by name, and optional {@code events} ({@code type}, {@code timestamp},
 * properties by name).
 */
final class ExampleData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExampleData() {}

  /** The example file {@code examples/<dir>/<file>}; surefire runs in the module directory. */
  static Path example(String dir, String file) {
    Path p = Path.of("..", "examples", dir, file);
    return Files.exists(p) ? p : Path.of("examples", dir, file);
  }

  /** Customers by id, in file order. */
  static Map<String, SchemaCustomer> load(Path jsonl, Schema schema) {
    Map<String, SchemaCustomer> customers = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int n = 0; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      JsonNode line;
      try {
        line = JSON.readTree(lines.get(n));
      } catch (IOException e) {
        throw new IllegalArgumentException(jsonl + ":" + (n + 1) + ": " + e.getMessage(), e);
      }
      String id = line.path("id").asText();
      SchemaCustomer.Builder b = Customer.builder(schema, id);
      for (Iterator<Map.Entry<String, JsonNode>> it = line.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().equals("id") || field.getKey().equals("events")) {
          continue;
        }
        Attribute<?> attribute = schema.attribute(field.getKey());
        if (attribute == null) {
          throw new IllegalArgumentException(
              jsonl + ":" + (n + 1) + ": customer " + id + ": unknown attribute " + field.getKey());
        }
        b.set(field.getKey(), value(attribute, field.getValue()));
      }
      for (JsonNode event : line.path("events")) {
        EventType type = schema.eventType(event.path("type").asText());
        if (type == null) {
          throw new IllegalArgumentException(
              jsonl + ":" + (n + 1) + ": customer " + id + ": unknown event type " + event);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          if (!p.getKey().equals("type") && !p.getKey().equals("timestamp")) {
            properties.put(p.getKey(), value(type.property(p.getKey()), p.getValue()));
          }
        }
        b.event(type.name(), Instant.parse(event.path("timestamp").asText()), properties);
      }
      customers.put(id, b.build());
    }
    return customers;
  }

  private static Object value(Attribute<?> attribute, JsonNode v) {
    if (attribute == null) {
      throw new IllegalArgumentException("unknown property in " + v);
    }
    switch (attribute.type()) {
      case INTEGER:
        return v.asLong();
      case NUMBER:
        return v.asDouble();
      case BOOLEAN:
        return v.asBoolean();
      case DATE:
        return LocalDate.parse(v.asText());
      case TIMESTAMP:
        return Instant.parse(v.asText());
      case STRING_SET:
        ImmutableSet.Builder<String> set = ImmutableSet.builder();
        v.forEach(e -> set.add(e.asText()));
        return set.build();
      default:
        return v.asText();
    }
  }
}
