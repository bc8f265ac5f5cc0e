package dev.segmentation.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's local run, in process: {@code prepare} turns the bundled example customers into
 * Parquet, {@code segment} evaluates the bundled rules on {@code local[2]} and writes the
 * memberships as Parquet; every customer's segments, scores and tiers equal the row engine's over
 * the same JSON Lines file.
 */
class SegmentJobTest {
  private static final String AS_OF = "2026-11-01T00:00:00Z";

  @Test
  void prepareThenSegment_onTheBundledExample_equalsTheRowEngine(@TempDir Path dir)
      throws Exception {
    // What spark-submit --master local[2] would set; the job itself names no master.
    System.setProperty("spark.master", "local[2]");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    System.setProperty("spark.ui.enabled", "false");
    System.setProperty("spark.sql.shuffle.partitions", "2");
    String customers = dir.resolve("customers.parquet").toString();
    String events = dir.resolve("events.parquet").toString();
    String out = dir.resolve("members.parquet").toString();

    SegmentJob.main(
        new String[] {
          "prepare",
          "--rules",
          "../rules.json",
          "--jsonl",
          "../customers.jsonl",
          "--customers",
          customers,
          "--events",
          events
        });
    SegmentJob.main(
        new String[] {
          "segment",
          "--rules",
          "../rules.json",
          "--customers",
          customers,
          "--events",
          events,
          "--out",
          out,
          "--as-of",
          AS_OF
        });

    RulesDocument rules = RulesJson.read(Path.of("../rules.json"));
    CompiledCatalog engine = RowEngine.compile(rules.catalog(), rules.schema());
    EvaluationContext ctx = EvaluationContext.at(Instant.parse(AS_OF));
    Map<String, Row> written = new HashMap<>();
    for (Row r : SparkSession.active().read().parquet(out).collectAsList()) {
      written.put(r.getString(0), r);
    }
    List<SchemaCustomer> people = readJsonLines(rules.schema(), Path.of("../customers.jsonl"));
    assertThat(written).hasSize(people.size());
    int members = 0;
    for (SchemaCustomer c : people) {
      Row r = written.get(c.id());
      int column = 1;
      for (int i = 0; i < rules.catalog().segments().size(); i++) {
        boolean expected = engine.evaluate(i, c, ctx) == Truth.TRUE;
        members += expected ? 1 : 0;
        assertThat(r.getBoolean(column++)).as("%s, segment %d", c.id(), i).isEqualTo(expected);
      }
      for (var score : rules.catalog().scores()) {
        assertThat(r.getDouble(column++)).isEqualTo(engine.score(score.name(), c, ctx));
      }
      for (var tiering : rules.catalog().tierings()) {
        assertThat(r.getString(column++)).isEqualTo(engine.tier(tiering.name(), c, ctx));
      }
      for (var rfm : rules.catalog().rfmModels()) {
        assertThat(r.getString(column)).isEqualTo(engine.tier(rfm.name(), c, ctx));
        column += 2;
      }
    }
    assertThat(members).isPositive();
  }

  /** The command line's JSON Lines customers, read with the schema's types. */
  private static List<SchemaCustomer> readJsonLines(Schema schema, Path file) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<SchemaCustomer> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode node = json.readTree(line);
      var b = Customer.builder(schema, node.get("id").asText());
      for (Attribute<?> a : schema.attributeList()) {
        JsonNode v = node.get(a.name());
        if (v != null && !v.isNull()) {
          b.set(a.name(), value(a, v));
        }
      }
      for (JsonNode e : node.path("events")) {
        EventType type = schema.eventType(e.get("type").asText());
        Map<String, Object> props = new HashMap<>();
        for (Attribute<?> p : type.properties().values()) {
          JsonNode v = e.get(p.name());
          if (v != null && !v.isNull()) {
            props.put(p.name(), value(p, v));
          }
        }
        b.event(Event.of(type, Instant.parse(e.get("timestamp").asText()), props));
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
      case DATE:
        return LocalDate.parse(v.asText());
      case TIMESTAMP:
        return Instant.parse(v.asText());
      case STRING_SET:
        {
          Set<String> tags = new LinkedHashSet<>();
          v.forEach(t -> tags.add(t.asText()));
          return tags;
        }
      case GEO_POINT:
        return new GeoPoint(v.get("lat").doubleValue(), v.get("lon").doubleValue());
      case STRING:
        return v.asText();
    }
    throw new AssertionError(a.type());
  }
}
