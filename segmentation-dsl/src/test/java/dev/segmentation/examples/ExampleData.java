package dev.segmentation.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the examples' JSON Lines customers for tests (the CLI has the real, streaming loaders with
 * error positions; this module must not depend on it).
 */
final class ExampleData {
  private ExampleData() {}

  static Path example(String file) {
    Path p = Path.of("..", "examples", file);
    return Files.exists(p) ? p : Path.of("examples", file);
  }

  static List<SchemaCustomer> customers(Schema schema, String file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<SchemaCustomer> out = new ArrayList<>();
    for (String line : Files.readAllLines(example(file))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = mapper.readTree(line);
      SchemaCustomer.Builder b = Customer.builder(schema, node.get("id").asText());
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("id") || e.getKey().equals("events")) {
          continue;
        }
        b.set(e.getKey(), value(schema.attribute(e.getKey()), e.getValue()));
      }
      if (node.has("events")) {
        for (JsonNode ev : node.get("events")) {
          EventType type = schema.eventType(ev.get("type").asText());
          Map<String, Object> props = new LinkedHashMap<>();
          for (Attribute<?> p : type.properties().values()) {
            if (ev.has(p.name())) {
              props.put(p.name(), value(p, ev.get(p.name())));
            }
          }
          b.event(type.name(), Instant.parse(ev.get("timestamp").asText()), props);
        }
      }
      out.add(b.build());
    }
    return out;
  }

  private static Object value(Attribute<?> a, JsonNode v) {
    switch (a.type()) {
      case INTEGER:
        return v.longValue();
      case NUMBER:
        return v.doubleValue();
      case BOOLEAN:
        return v.booleanValue();
      case STRING_SET:
        {
          List<String> tags = new ArrayList<>();
          v.forEach(t -> tags.add(t.asText()));
          return tags;
        }
      default:
        return v.asText();
    }
  }
}
