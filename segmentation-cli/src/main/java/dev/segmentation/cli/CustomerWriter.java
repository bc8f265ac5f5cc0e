package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.common.collect.ImmutableList;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes customers in the formats the command line reads: JSON Lines with events inline, or CSV
 * with events in a second CSV file ({@code customer,type,timestamp,<properties>}).
 */
final class CustomerWriter {
  private final Schema schema;
  private final FileFormat format;
  private final Writer out;
  private final Writer eventsOut;
  private final List<String> eventColumns;

  /**
   * @param eventsOut where CSV events go, or null to leave events out (ignored for JSON Lines,
   *     which carries them inline)
   */
  CustomerWriter(Schema schema, FileFormat format, Writer out, Writer eventsOut)
      throws IOException {
    this.schema = schema;
    this.format = format;
    this.out = out;
    this.eventsOut = format == FileFormat.CSV ? eventsOut : null;
    Set<String> properties = new LinkedHashSet<>();
    for (EventType t : schema.eventTypes().values()) {
      properties.addAll(t.properties().keySet());
    }
    this.eventColumns = ImmutableList.copyOf(properties);
    if (format == FileFormat.CSV) {
      List<String> header = new ArrayList<>();
      header.add("id");
      header.addAll(schema.attributes().keySet());
      out.write(Csv.row(header));
      if (this.eventsOut != null) {
        List<String> eventHeader = new ArrayList<>(List.of("customer", "type", "timestamp"));
        eventHeader.addAll(eventColumns);
        this.eventsOut.write(Csv.row(eventHeader));
      }
    }
  }

  void write(SchemaCustomer c) throws IOException {
    if (format == FileFormat.JSONL) {
      writeJson(c);
    } else {
      writeCsv(c);
    }
  }

  private void writeCsv(SchemaCustomer c) throws IOException {
    List<String> row = new ArrayList<>(schema.attributes().size() + 1);
    row.add(c.id());
    for (int i = 0; i < schema.attributes().size(); i++) {
      Object v = c.valueAt(i);
      row.add(v == null ? null : TextValues.format(v));
    }
    out.write(Csv.row(row));
    if (eventsOut != null) {
      for (Event e : allEvents(c)) {
        List<String> er = new ArrayList<>(List.of(c.id(), e.type(), e.timestamp().toString()));
        for (String p : eventColumns) {
          Object v = e.properties().get(p);
          er.add(v == null ? null : TextValues.format(v));
        }
        eventsOut.write(Csv.row(er));
      }
    }
  }

  /** Events of every type, by time (types in schema order at equal instants). */
  private List<Event> allEvents(SchemaCustomer c) {
    List<Event> all = new ArrayList<>();
    for (String type : schema.eventTypes().keySet()) {
      all.addAll(c.events(type));
    }
    all.sort(Comparator.comparing(Event::timestamp));
    return all;
  }

  private void writeJson(SchemaCustomer c) throws IOException {
    StringWriter line = new StringWriter(512);
    try (JsonGenerator g = JsonValues.FACTORY.createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      int i = 0;
      for (Attribute<?> a : schema.attributes().values()) {
        Object v = c.valueAt(i++);
        if (v != null) {
          g.writeFieldName(a.name());
          writeValue(g, a.type(), v);
        }
      }
      List<Event> events = allEvents(c);
      if (!events.isEmpty()) {
        g.writeArrayFieldStart("events");
        for (Event e : events) {
          g.writeStartObject();
          g.writeStringField("type", e.type());
          g.writeStringField("timestamp", e.timestamp().toString());
          EventType type = schema.eventType(e.type());
          for (Map.Entry<String, Attribute<?>> p : type.properties().entrySet()) {
            Object v = e.properties().get(p.getKey());
            if (v != null) {
              g.writeFieldName(p.getKey());
              writeValue(g, p.getValue().type(), v);
            }
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    out.write(line.toString());
    out.write('\n');
  }

  /**
   * A number as an integer when it is one ({@code 3}, not {@code 3.0}), as text does; {@code -0.0}
   * stays {@code -0.0}, so that the JSON reads back to the same value.
   */
  static void writeNumber(JsonGenerator g, double d) throws IOException {
    if (d == Math.rint(d) && Math.abs(d) < 1e15 && !isNegativeZero(d)) {
      g.writeNumber((long) d);
    } else {
      g.writeNumber(d);
    }
  }

  private static boolean isNegativeZero(double d) {
    return Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0);
  }

  static void writeValue(JsonGenerator g, AttributeType type, Object v) throws IOException {
    switch (type) {
      case STRING:
        g.writeString((String) v);
        return;
      case INTEGER:
        g.writeNumber((Long) v);
        return;
      case NUMBER:
        writeNumber(g, (Double) v);
        return;
      case BOOLEAN:
        g.writeBoolean((Boolean) v);
        return;
      case DATE:
        g.writeString(((LocalDate) v).toString());
        return;
      case TIMESTAMP:
        g.writeString(((Instant) v).toString());
        return;
      case STRING_SET:
        g.writeStartArray();
        for (Object tag : (Collection<?>) v) {
          g.writeString((String) tag);
        }
        g.writeEndArray();
        return;
      case GEO_POINT:
        {
          GeoPoint p = (GeoPoint) v;
          g.writeStartObject();
          g.writeNumberField("lat", p.latitude());
          g.writeNumberField("lon", p.longitude());
          g.writeEndObject();
          return;
        }
    }
    throw new AssertionError(type);
  }
}
