package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventColumns;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.model.ValueSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The reused-buffer customer ({@link ScannedCustomer}, what {@code run} evaluates on a parse
 * thread) against the {@link SchemaCustomer} Jackson's path builds from the same line: the same id,
 * values (boxed and primitive reads), events of each type in time order, and the same evaluation of
 * the example rules (every segment's {@link Truth}, tiers, scores and RFM codes), on generated
 * customers with attributes and event properties dropped or null, events at the same instant, and
 * events shuffled out of time order; the events of each type also by position ({@link
 * ScannedCustomer#eventColumns}).
 */
class ScannedCustomerProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-01T00:00:00Z"));
  private static final Rules.Loaded LOADED = load();
  private static final Schema SCHEMA = LOADED.schema();

  private static Rules.Loaded load() {
    try {
      return Rules.load(Path.of(RunCommandTest.RULES), new PrintWriter(new StringWriter()));
    } catch (Failure | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The line as bytes in the middle of a block, as the reader hands it out. */
  private static CustomerInput.Raw raw(String line) {
    byte[] bytes = ("xx\n" + line + "\n{}").getBytes(StandardCharsets.UTF_8);
    int length = line.getBytes(StandardCharsets.UTF_8).length;
    return new CustomerInput.Raw(9, bytes, 3, length, line.chars().allMatch(c -> c < 0x80));
  }

  /** A generated line with some attributes dropped or null and its events shuffled. */
  private static String vary(String line, Random r) throws IOException {
    ObjectNode node = (ObjectNode) JSON.readTree(line);
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (name.equals("id") || name.equals("events")) {
        continue;
      }
      switch (r.nextInt(6)) {
        case 0 -> node.remove(name);
        case 1 -> node.putNull(name);
        default -> {}
      }
    }
    JsonNode events = node.get("events");
    if (events instanceof ArrayNode array) {
      // Event properties dropped or null, and timestamps repeated (events at the same instant).
      JsonNode previous = null;
      for (JsonNode e : array) {
        ObjectNode event = (ObjectNode) e;
        List<String> properties = new ArrayList<>();
        event.fieldNames().forEachRemaining(properties::add);
        for (String name : properties) {
          if (name.equals("type") || name.equals("timestamp")) {
            continue;
          }
          switch (r.nextInt(8)) {
            case 0 -> event.remove(name);
            case 1 -> event.putNull(name);
            default -> {}
          }
        }
        if (previous != null && r.nextInt(4) == 0) {
          event.set("timestamp", previous.get("timestamp"));
        }
        previous = event;
      }
    }
    if (events instanceof ArrayNode array && r.nextBoolean()) {
      List<JsonNode> list = new ArrayList<>();
      for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
        list.add(it.next());
      }
      if (r.nextBoolean()) {
        Collections.reverse(list);
      } else {
        Collections.shuffle(list, r);
      }
      array.removeAll();
      array.addAll(list);
    }
    return JSON.writeValueAsString(node);
  }

  /**
   * An event type with more than 64 properties is left to Jackson's path: the scanned customer
   * keeps one 64-bit presence word per event, so property 64 would alias property 0.
   */
  @Example
  void scanned_eventTypeOfMoreThan64Properties_isDeclined() {
    Attribute<?>[] properties = new Attribute<?>[70];
    for (int k = 0; k < properties.length; k++) {
      properties[k] = Attribute.integer("p" + k);
    }
    Schema schema = Schema.builder().eventType(EventType.of("wide", properties)).build();
    String line =
        "{\"id\":\"c1\",\"events\":[{\"type\":\"wide\","
            + "\"timestamp\":\"2026-10-01T00:00:00Z\",\"p64\":5}]}";
    assertThat(JsonlByteScanner.scanned(raw(line), schema)).isNull();
    SchemaCustomer read = JsonlFastPath.parseWithJackson(raw(line), schema, null).customer();
    assertThat(read.events("wide").get(0).value(0, "p0")).isNull();
    assertThat(read.events("wide").get(0).value(64, "p64")).isEqualTo(5L);
  }

  @Property(tries = 40)
  void scanned_givesTheSchemaCustomersValuesEventsAndEvaluation(@ForAll long seed)
      throws IOException {
    Random r = new Random(seed);
    RowBatch batch = (RowBatch) Rules.batch(LOADED, CTX, false);
    CompiledCatalog compiled = LOADED.compiled();
    // one result for every line, as the scan reuses them: each evaluation overwrites all of it
    RowBatch.Evaluated reused = batch.newEvaluated();
    int scanned = 0;
    List<String> lines = JsonlFastPathTest.generatedLines(seed, 20);
    for (String generated : lines) {
      String line = vary(generated, r);
      CustomerInput.Raw raw = raw(line);
      CustomerInput.Row jackson = JsonlFastPath.parseWithJackson(raw, SCHEMA, null);
      assertThat(jackson).as(line).isNotNull();
      SchemaCustomer expected = jackson.customer();
      ScannedCustomer c = JsonlByteScanner.scanned(raw, SCHEMA);
      if (c == null) {
        continue;
      }
      scanned++;
      assertThat(c.id()).isEqualTo(expected.id());
      assertThat(c.idColumn()).isEqualTo(jackson.idColumn());
      List<Attribute<?>> attributes = SCHEMA.attributeList();
      for (int i = 0; i < attributes.size(); i++) {
        String name = attributes.get(i).name();
        Object v = expected.valueAt(i);
        assertThat(c.value(i, name)).as(name + " in " + line).isEqualTo(v);
        assertThat(c.value(name)).as(name).isEqualTo(v);
        assertThat(c.value(-1, name)).as(name).isEqualTo(v);
        AttributeType type = attributes.get(i).type();
        long longRead = c.longValue(i, name, Long.MIN_VALUE);
        double doubleRead = c.doubleValue(i, name, Double.NaN);
        if (type == AttributeType.INTEGER && v != null) {
          assertThat(longRead).as(name).isEqualTo((Long) v);
        } else {
          assertThat(longRead).as(name).isEqualTo(Long.MIN_VALUE);
        }
        if (type == AttributeType.NUMBER && v != null) {
          assertThat(doubleRead).as(name).isEqualTo((Double) v); // -0.0 too
        } else {
          assertThat(doubleRead).as(name).isNaN();
        }
        // Dates and timestamps of the generated (common) forms are held as epoch numbers.
        long dayRead = c.epochDayValue(i, name, Long.MIN_VALUE);
        long milliRead = c.epochMilliValue(i, name, Long.MIN_VALUE);
        assertThat(dayRead)
            .as(name)
            .isEqualTo(v instanceof LocalDate d ? d.toEpochDay() : Long.MIN_VALUE);
        assertThat(milliRead)
            .as(name)
            .isEqualTo(v instanceof Instant t ? t.toEpochMilli() : Long.MIN_VALUE);
        assertThat(c.epochDayValue(i + 1, name, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
      }
      for (String type : SCHEMA.eventTypes().keySet()) {
        List<Event> events = expected.events(type);
        EventColumns columns = c.eventColumns(type);
        assertThat(columns).as(type).isNotNull(); // the generated times are whole seconds
        assertThat(columns.size()).as(type + " in " + line).isEqualTo(events.size());
        List<String> properties = SCHEMA.eventTypes().get(type).propertyNames();
        for (int i = 0; i < events.size(); i++) {
          Event e = events.get(i);
          assertThat(columns.epochMilli(i)).isEqualTo(e.timestamp().toEpochMilli());
          ValueSource at = columns.properties(i);
          for (int k = 0; k < properties.size(); k++) {
            String name = properties.get(k);
            assertThat(at.value(k, name)).as(name + " of " + e).isEqualTo(e.value(name));
            assertThat(at.value(-1, name)).isEqualTo(e.value(name));
            Object read = at.doubleValue(k, name, Double.NaN); // boxed: NaN equals NaN
            Object expectedRead = e.value(name) instanceof Double d ? d : Double.NaN;
            assertThat(read).isEqualTo(expectedRead);
          }
        }
        assertThat(c.events(type)).as(type + " in " + line).isEqualTo(events);
      }
      assertThat(c.events("no such type")).isEmpty();
      assertThat(c.toSchemaCustomer(null)).isEqualTo(expected);

      Truth[] fromScanned = new Truth[compiled.segmentNames().size()];
      Truth[] fromSchema = new Truth[fromScanned.length];
      compiled.evaluateAll(c, CTX, fromScanned);
      compiled.evaluateAll(expected, CTX, fromSchema);
      assertThat(fromScanned).as(line).containsExactly(fromSchema);
      RowBatch.Evaluated a = reused;
      batch.evaluate(c, a);
      RowBatch.Evaluated b = batch.prepare(expected);
      assertThat(Arrays.equals(a.segments(), b.segments())).as(line).isTrue();
      assertThat(a.tiers()).as(line).containsExactly(b.tiers());
      assertThat(a.scores()).as(line).containsExactly(b.scores());
      assertThat(a.rfm()).as(line).containsExactly(b.rfm());
    }
    assertThat(scanned).as("lines the scanner read").isGreaterThan(lines.size() / 2);
  }
}
