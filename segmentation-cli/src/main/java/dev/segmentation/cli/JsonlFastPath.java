package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a good JSON Lines customer straight into a {@link SchemaCustomer}, in one pass of Jackson's
 * streaming parser: events are built from their fields as they are read, with no intermediate maps
 * and lists, and duplicate keys are found by comparing the few names of an object rather than by
 * Jackson's hash set per object. Reading JSON is where a run spends most of its time: in a JFR
 * profile of {@code run} over 1,000,000 customers, plain maps and lists took 36% of the samples and
 * the duplicate detection 13% before this path existed (docs/cli.md, "Scale").
 *
 * <p>It never decides that a line is bad: on anything unusual (a syntax error, a duplicate key, an
 * unknown field, a value that does not fit) it answers null, and {@link JsonlCustomerInput}'s
 * careful parser reads the line again and names the problem exactly as before. So it must accept
 * only lines that the careful parser accepts, with the same customer; {@code JsonlFastPathTest}
 * checks both on generated and broken lines.
 */
final class JsonlFastPath {
  /** As {@link JsonValues#FACTORY}, but the duplicate keys are checked here. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(400).build())
          .build();

  /** Thrown to give up on a line; carries no stack, it is not an error. */
  private static final class GiveUp extends Exception {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  private JsonlFastPath() {}

  /**
   * The customer of {@code raw} with the events of an events file ({@code events}, may be null), or
   * null when the line is anything but a good customer.
   */
  static CustomerInput.Row parse(
      CustomerInput.Raw raw, Schema schema, Map<String, List<Event>> events) {
    byte[] bytes = raw.bytes();
    if (bytes != null && (raw.length() == 0 || bytes[raw.offset()] != '{')) {
      // Jackson guesses the encoding of bytes from their start (zero bytes mean UTF-16 or 32): a
      // line that does not start with '{' is the careful parser's, which reads text
      return null;
    }
    try (JsonParser p =
        bytes != null
            ? FACTORY.createParser(bytes, raw.offset(), raw.length())
            : FACTORY.createParser(raw.text())) {
      int[] idColumn = new int[1];
      SchemaCustomer c = customer(p, schema, events, idColumn);
      int column = idColumn[0];
      if (bytes != null && !raw.ascii()) {
        // Jackson counts bytes on a byte parser; messages count characters, as on the text
        column = 1 + Utf8.chars(bytes, raw.offset(), raw.offset() + column - 1);
      }
      return new CustomerInput.Row(c, raw.line(), DataException.jsonField(column, "id"), raw);
    } catch (GiveUp | IOException | TextValues.BadValue | RuntimeException e) {
      return null; // the careful parser names the problem (or accepts the line after all)
    }
  }

  private static SchemaCustomer customer(
      JsonParser p, Schema schema, Map<String, List<Event>> events, int[] idColumn)
      throws IOException, GiveUp, TextValues.BadValue {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw GiveUp.INSTANCE;
    }
    List<Attribute<?>> attributes = schema.attributeList();
    Object[] values = new Object[attributes.size()];
    boolean[] seen = new boolean[attributes.size()];
    String id = null;
    List<Event> own = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (name.equals("id")) {
        idColumn[0] = p.currentTokenLocation().getColumnNr();
      }
      JsonToken t = p.nextToken();
      if (name.equals("id")) {
        if (id != null
            || (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_STRING)
            || p.getTextLength() == 0) {
          throw GiveUp.INSTANCE;
        }
        id = p.getText();
      } else if (name.equals("events")) {
        if (own != null || t != JsonToken.START_ARRAY) {
          throw GiveUp.INSTANCE;
        }
        own = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          own.add(event(p, schema));
        }
      } else {
        int i = schema.indexOf(name);
        if (i < 0 || seen[i]) {
          throw GiveUp.INSTANCE;
        }
        seen[i] = true;
        values[i] = JsonValues.convert(attributes.get(i).type(), JsonValues.read(p));
      }
    }
    if (p.nextToken() != null || id == null) {
      throw GiveUp.INSTANCE;
    }
    SchemaCustomer.Builder b = Customer.builder(schema, id);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        b.set(attributes.get(i).name(), values[i]);
      }
    }
    if (own != null) {
      for (Event e : own) {
        b.event(e);
      }
    }
    List<Event> fromFile = events == null ? null : events.get(id);
    if (fromFile != null) {
      for (Event e : fromFile) {
        b.event(e);
      }
    }
    return b.build();
  }

  /** An event object {@code {"type", "timestamp", property: value...}}; the parser is on '{'. */
  private static Event event(JsonParser p, Schema schema)
      throws IOException, GiveUp, TextValues.BadValue {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw GiveUp.INSTANCE;
    }
    String typeName = null;
    String timestamp = null;
    String[] names = new String[4];
    Object[] raw = new Object[4];
    int n = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("type")) {
        if (typeName != null || t != JsonToken.VALUE_STRING) {
          throw GiveUp.INSTANCE;
        }
        typeName = p.getText();
      } else if (name.equals("timestamp")) {
        if (timestamp != null || t != JsonToken.VALUE_STRING) {
          throw GiveUp.INSTANCE;
        }
        timestamp = p.getText();
      } else {
        for (int i = 0; i < n; i++) {
          if (names[i].equals(name)) {
            throw GiveUp.INSTANCE;
          }
        }
        if (n == names.length) {
          names = Arrays.copyOf(names, n * 2);
          raw = Arrays.copyOf(raw, n * 2);
        }
        names[n] = name;
        raw[n++] = JsonValues.read(p);
      }
    }
    EventType type = typeName == null ? null : schema.eventType(typeName);
    if (type == null || timestamp == null) {
      throw GiveUp.INSTANCE;
    }
    List<String> declared = type.propertyNames();
    Object[] values = new Object[declared.size()];
    for (int i = 0; i < n; i++) {
      int at = declared.indexOf(names[i]);
      if (at < 0) {
        throw GiveUp.INSTANCE;
      }
      values[at] = JsonValues.convert(type.properties().get(names[i]).type(), raw[i]);
    }
    try {
      return Event.of(type, TextValues.parseTimestamp(timestamp), values);
    } catch (InvalidDataException e) {
      throw GiveUp.INSTANCE;
    }
  }
}
