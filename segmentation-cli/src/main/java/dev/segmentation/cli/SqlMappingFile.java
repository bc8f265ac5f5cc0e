package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.sql.Mapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code --mapping} file of {@code segmentation sql}: the names of the tables and columns
 * in the database (docs/sql.md). Every field is optional; an unknown field or a name that is not a
 * non-empty string is an error at its JSON Pointer.
 *
 * <pre>{@code
 * {"customers": {"table": ["crm", "customer"], "id": "customer_key",
 *                "columns": {"age": "age_years", "location": {"latitude": "lat", "longitude": "lon"}}},
 *  "events": {"customerColumn": "customer_key", "timeColumn": "occurred_at",
 *             "types": {"purchase": {"table": "orders", "columns": {"amount": "total"}}}}}
 * }</pre>
 */
final class SqlMappingFile {
  private SqlMappingFile() {}

  static Mapping read(Path file) throws IOException, Failure {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new Failure(ExitCode.INVALID, file + ": not valid JSON: " + e.getOriginalMessage());
    }
    Mapping.Builder b = Mapping.defaults().toBuilder();
    String at = file + ": ";
    object(root, "", at, Set.of("customers", "events"));
    JsonNode customers = root.path("customers");
    if (!customers.isMissingNode()) {
      object(customers, "/customers", at, Set.of("table", "id", "columns"));
      if (customers.has("table")) {
        b.customersTable(names(customers.get("table"), "/customers/table", at));
      }
      if (customers.has("id")) {
        b.idColumn(name(customers.get("id"), "/customers/id", at));
      }
      JsonNode columns = customers.path("columns");
      if (!columns.isMissingNode()) {
        object(columns, "/customers/columns", at, null);
        for (Map.Entry<String, JsonNode> e : fields(columns)) {
          String p = "/customers/columns/" + escape(e.getKey());
          if (e.getValue().isObject()) {
            object(e.getValue(), p, at, Set.of("latitude", "longitude"));
            b.geoColumns(
                e.getKey(),
                name(e.getValue().path("latitude"), p + "/latitude", at),
                name(e.getValue().path("longitude"), p + "/longitude", at));
          } else {
            b.column(e.getKey(), name(e.getValue(), p, at));
          }
        }
      }
    }
    JsonNode events = root.path("events");
    if (!events.isMissingNode()) {
      object(events, "/events", at, Set.of("customerColumn", "timeColumn", "types"));
      if (events.has("customerColumn")) {
        b.eventCustomerColumn(name(events.get("customerColumn"), "/events/customerColumn", at));
      }
      if (events.has("timeColumn")) {
        b.eventTimeColumn(name(events.get("timeColumn"), "/events/timeColumn", at));
      }
      JsonNode types = events.path("types");
      if (!types.isMissingNode()) {
        object(types, "/events/types", at, null);
        for (Map.Entry<String, JsonNode> t : fields(types)) {
          String p = "/events/types/" + escape(t.getKey());
          object(t.getValue(), p, at, Set.of("table", "columns"));
          if (t.getValue().has("table")) {
            b.eventsTable(t.getKey(), names(t.getValue().get("table"), p + "/table", at));
          }
          JsonNode columns = t.getValue().path("columns");
          if (!columns.isMissingNode()) {
            object(columns, p + "/columns", at, null);
            for (Map.Entry<String, JsonNode> c : fields(columns)) {
              String cp = p + "/columns/" + escape(c.getKey());
              if (c.getValue().isObject()) {
                object(c.getValue(), cp, at, Set.of("latitude", "longitude"));
                b.propertyGeoColumns(
                    t.getKey(),
                    c.getKey(),
                    name(c.getValue().path("latitude"), cp + "/latitude", at),
                    name(c.getValue().path("longitude"), cp + "/longitude", at));
              } else {
                b.propertyColumn(t.getKey(), c.getKey(), name(c.getValue(), cp, at));
              }
            }
          }
        }
      }
    }
    return b.build();
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    node.fields().forEachRemaining(out::add);
    return out;
  }

  private static void object(JsonNode node, String path, String at, Set<String> allowed)
      throws Failure {
    if (!node.isObject()) {
      throw new Failure(ExitCode.INVALID, at + pointer(path) + ": expected an object");
    }
    if (allowed != null) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) {
          throw new Failure(
              ExitCode.INVALID,
              at + path + "/" + escape(f) + ": unknown field; expected one of " + allowed);
        }
      }
    }
  }

  private static String name(JsonNode node, String path, String at) throws Failure {
    if (!node.isTextual() || node.asText().isEmpty()) {
      throw new Failure(ExitCode.INVALID, at + path + ": expected a non-empty string");
    }
    return node.asText();
  }

  private static String[] names(JsonNode node, String path, String at) throws Failure {
    if (node.isTextual()) {
      return new String[] {name(node, path, at)};
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new Failure(
          ExitCode.INVALID, at + path + ": expected a name or a non-empty list of names");
    }
    String[] parts = new String[node.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = name(node.get(i), path + "/" + i, at);
    }
    return parts;
  }

  private static String pointer(String path) {
    return path.isEmpty() ? "(the document)" : path;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
