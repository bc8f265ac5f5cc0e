package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableMap;
import com.google.common.io.CountingInputStream;
import dev.segmentation.check.Spelling;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers from a JSON Lines file: one object per line with {@code "id"}, attribute values by name
 * and optionally {@code "events": [{"type": .., "timestamp": .., property: value, ...}]}.
 */
final class JsonlCustomerInput implements CustomerInput {
  private final String file;
  private final Schema schema;
  private final Map<String, List<Event>> events;
  private final CountingInputStream counting;
  private final ByteLineReader reader;

  JsonlCustomerInput(Path path, Schema schema, Map<String, List<Event>> events) throws IOException {
    this(path.toString(), Files.newInputStream(path), schema, events, LineReader.MAX_LINE_CHARS);
  }

  /**
   * Reads {@code in}, named {@code file} in messages, with lines of at most {@code maxChars}
   * characters; closing this closes it.
   */
  JsonlCustomerInput(
      String file, InputStream in, Schema schema, Map<String, List<Event>> events, int maxChars) {
    this.file = file;
    this.schema = schema;
    this.events = events;
    this.counting = new CountingInputStream(in);
    this.reader = new ByteLineReader(counting, maxChars);
  }

  @Override
  public long bytesRead() {
    return counting.getCount();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  @Override
  public Raw readRaw() throws IOException, DataException {
    do {
      if (!reader.advance()) {
        return null;
      }
      LineReader.Line l = reader.careful();
      if (l != null && l.problem() != null) {
        throw new DataException(
            file,
            l.number(),
            DataException.jsonField(l.column(), null),
            l.problem(),
            l.text(),
            false);
      }
    } while (reader.blank());
    LineReader.Line l = reader.careful();
    return l != null
        ? new Raw(l.number(), l.text(), null)
        : new Raw(reader.number(), reader.block(), reader.start(), reader.length(), reader.ascii());
  }

  @Override
  public void release(Raw last) {
    if (last.bytes() != null) {
      // The line's block stays: the next record may be in it too.
      reader.release(last.bytes());
    }
  }

  private DataException error(Raw raw, int column, String field, String reason) {
    return new DataException(
        file, raw.line(), DataException.jsonField(column, field), reason, raw.text(), false);
  }

  @Override
  public Row parse(Raw raw) throws DataException {
    Row fast = JsonlFastPath.parse(raw, schema, events);
    return fast != null ? fast : parseCarefully(raw);
  }

  /** Parses a line checking every step, to name the first problem of a bad line. */
  Row parseCarefully(Raw raw) throws DataException {
    String text = raw.text();
    String idColumn = null;
    JsonParser p = null;
    try {
      p = JsonValues.FACTORY.createParser(text);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error(raw, 1, null, "expected a JSON object per line");
      }
      String id = null;
      Map<String, Object> values = new HashMap<>();
      Map<String, Integer> columns = new HashMap<>();
      List<Object> rawEvents = null;
      int eventsColumn = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        int column = p.currentTokenLocation().getColumnNr();
        p.nextToken();
        if (name.equals("id")) {
          if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            id = p.getText(); // numeric ids from CRM exports, as their decimal text
            idColumn = DataException.jsonField(column, "id");
            continue;
          }
          if (p.currentToken() != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
            throw error(
                raw,
                column,
                "id",
                "the customer id must be a non-empty string or an integer, got "
                    + JsonValues.describe(JsonValues.read(p)));
          }
          id = p.getText();
          idColumn = DataException.jsonField(column, "id");
          continue;
        }
        Object value = JsonValues.read(p);
        if (name.equals("events")) {
          if (!(value instanceof List<?> list)) {
            throw error(raw, column, "events", "expected an array of events");
          }
          rawEvents = new ArrayList<>(list);
          eventsColumn = column;
          continue;
        }
        if (schema.attribute(name) == null) {
          List<String> known = new ArrayList<>(schema.attributes().keySet());
          known.add("id");
          known.add("events");
          throw error(
              raw,
              column,
              name,
              "unknown field \""
                  + name
                  + "\": the rules' schema has no such attribute"
                  + Spelling.didYouMeanAside(name, known));
        }
        values.put(name, value);
        columns.put(name, column);
      }
      if (p.nextToken() != null) {
        throw error(
            raw,
            p.currentTokenLocation().getColumnNr(),
            null,
            "more than one JSON value on the line");
      }
      if (id == null) {
        throw error(raw, 1, "id", "the object has no \"id\"");
      }
      SchemaCustomer.Builder b = Customer.builder(schema, id);
      for (Map.Entry<String, Object> e : values.entrySet()) {
        Attribute<?> attribute = schema.attribute(e.getKey());
        try {
          b.set(e.getKey(), JsonValues.convert(attribute.type(), e.getValue()));
        } catch (TextValues.BadValue | InvalidDataException ex) {
          throw error(raw, columns.get(e.getKey()), e.getKey(), ex.getMessage());
        }
      }
      if (rawEvents != null) {
        for (int i = 0; i < rawEvents.size(); i++) {
          try {
            b.event(event(schema, rawEvents.get(i), null).event());
          } catch (TextValues.BadValue | InvalidDataException ex) {
            throw error(raw, eventsColumn, "events/" + i + fieldOf(ex), ex.getMessage());
          }
        }
      }
      if (events != null) {
        List<Event> own = events.get(id);
        if (own != null) {
          for (Event e : own) {
            b.event(e);
          }
        }
      }
      return new Row(b.build(), raw.line(), idColumn, raw);
    } catch (JsonProcessingException e) {
      throw error(
          raw,
          JsonValues.errorColumn(e, p),
          JsonValues.errorField(e, p),
          JsonValues.errorMessage(e));
    } catch (IOException e) {
      // Parsing a string in memory reads no file; Jackson declares IOException regardless.
      throw new UncheckedIOException(e);
    } finally {
      closeQuietly(p);
    }
  }

  /** Closes a parser of a string, which reads no file and so cannot fail. */
  static void closeQuietly(JsonParser p) {
    if (p != null) {
      try {
        p.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String fieldOf(Exception e) {
    if (e instanceof BadEventValue bad) {
      return "/" + bad.field;
    }
    return "";
  }

  /** A value of one event field that does not fit, naming the field. */
  static final class BadEventValue extends TextValues.BadValue {
    private static final long serialVersionUID = 1L;
    final String field;

    BadEventValue(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  /** An event read from JSON and, in an events file, the customer it belongs to. */
  record ParsedEvent(String customer, Event event) {}

  /**
   * An event from a plain JSON object {@code {"type", "timestamp", property: value...}}, and, when
   * {@code customerField} is not null (in an events file), the customer id in that field.
   */
  static ParsedEvent event(Schema schema, Object raw, String customerField)
      throws TextValues.BadValue {
    if (!(raw instanceof Map<?, ?> map)) {
      throw new TextValues.BadValue("expected an event object, got " + JsonValues.describe(raw));
    }
    Object typeName = map.get("type");
    if (!(typeName instanceof String typeString)) {
      throw new BadEventValue("type", "an event needs a \"type\" string");
    }
    EventType type = schema.eventType(typeString);
    if (type == null) {
      throw new BadEventValue(
          "type",
          "unknown event type \""
              + typeString
              + "\""
              + Spelling.didYouMeanAside(typeString, schema.eventTypes().keySet()));
    }
    Object ts = map.get("timestamp");
    if (!(ts instanceof String tsString)) {
      throw new BadEventValue("timestamp", "an event needs a \"timestamp\" string");
    }
    Instant timestamp;
    try {
      timestamp = TextValues.parseTimestamp(tsString);
    } catch (TextValues.BadValue e) {
      throw new BadEventValue("timestamp", e.getMessage());
    }
    if (customerField != null && !map.containsKey(customerField)) {
      List<String> fields = new ArrayList<>();
      for (Object k : map.keySet()) {
        fields.add((String) k);
      }
      throw new BadEventValue(
          customerField, Suggestions.missingIdColumn(customerField, "field", fields));
    }
    String customer = null;
    // Values are converted to canonical form here, so the event is built directly.
    ImmutableMap.Builder<String, Object> properties = ImmutableMap.builder();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals("type") || name.equals("timestamp")) {
        continue;
      }
      if (name.equals(customerField)) {
        if (!(e.getValue() instanceof String s) || s.isEmpty()) {
          throw new BadEventValue(customerField, "the customer id must be a non-empty string");
        }
        customer = s;
        continue;
      }
      Attribute<?> property = type.property(name);
      if (property == null) {
        throw new BadEventValue(
            name,
            "event type \""
                + type.name()
                + "\" has no property \""
                + name
                + "\""
                + Spelling.didYouMeanAside(name, type.properties().keySet()));
      }
      Object value;
      try {
        value = JsonValues.convert(property.type(), e.getValue());
      } catch (TextValues.BadValue ex) {
        throw new BadEventValue(name, ex.getMessage());
      }
      if (value != null) {
        properties.put(name, value);
      }
    }
    return new ParsedEvent(customer, new Event(type.name(), timestamp, properties.buildOrThrow()));
  }
}
