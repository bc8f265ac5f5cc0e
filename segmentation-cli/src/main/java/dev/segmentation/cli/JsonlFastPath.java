package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a good JSON Lines customer straight into a {@link SchemaCustomer}: first with {@link
 * JsonlByteScanner} (the plainest lines, straight from their bytes), else in one pass of Jackson's
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
    CustomerInput.Row plain = JsonlByteScanner.scan(raw, schema, events);
    return plain != null ? plain : parseWithJackson(raw, schema, events);
  }

  /** As {@link #parse}, but always with Jackson's parser (the byte scanner's reference). */
  static CustomerInput.Row parseWithJackson(
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
    return customer(schema, id, values, own, events);
  }

  /**
   * The customer of the attribute values (in the schema's order, null for none), its own events
   * (may be null) and those of an events file ({@code events}, may be null).
   */
  static SchemaCustomer customer(
      Schema schema, String id, Object[] values, List<Event> own, Map<String, List<Event>> events) {
    List<Attribute<?>> attributes = schema.attributeList();
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
    Layout layout = Layout.of(schema);
    int t = -1;
    Instant at = null; // the common form, read from Jackson's characters
    String timestamp = null; // any other form
    String[] names = new String[4];
    Object[] raw = new Object[4];
    int n = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (name.equals("type")) {
        if (t >= 0 || token != JsonToken.VALUE_STRING) {
          throw GiveUp.INSTANCE;
        }
        t = layout.type(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (t < 0) {
          throw GiveUp.INSTANCE;
        }
      } else if (name.equals("timestamp")) {
        if (at != null || timestamp != null || token != JsonToken.VALUE_STRING) {
          throw GiveUp.INSTANCE;
        }
        at =
            TextValues.parseUtcSeconds(
                CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
        if (at == null) {
          timestamp = p.getText();
        }
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
    if (t < 0 || (at == null && timestamp == null)) {
      throw GiveUp.INSTANCE;
    }
    String[] declared = layout.names[t];
    AttributeType[] kinds = layout.kinds[t];
    Object[] values = new Object[declared.length];
    for (int i = 0; i < n; i++) {
      int k = Layout.indexOf(declared, names[i]);
      if (k < 0) {
        throw GiveUp.INSTANCE;
      }
      values[k] = JsonValues.convert(kinds[k], raw[i]);
    }
    try {
      return Event.of(
          layout.types[t], at != null ? at : TextValues.parseTimestamp(timestamp), values);
    } catch (InvalidDataException e) {
      throw GiveUp.INSTANCE;
    }
  }

  /**
   * A schema's event types as arrays, so that an event's type and properties are found by comparing
   * a few names rather than by hashing (hash lookups per event were a sixth of the run's samples).
   * Property names are interned, as Jackson interns the field names it reads, so that they are
   * usually found by identity. Made once per schema (the last one is kept).
   */
  private static final class Layout {
    private static volatile Layout last;

    final Schema schema;
    final String[] typeNames;
    final EventType[] types;
    final String[][] names;
    final AttributeType[][] kinds;

    private Layout(Schema schema) {
      this.schema = schema;
      List<EventType> all = List.copyOf(schema.eventTypes().values());
      typeNames = new String[all.size()];
      types = new EventType[all.size()];
      names = new String[all.size()][];
      kinds = new AttributeType[all.size()][];
      for (int t = 0; t < all.size(); t++) {
        types[t] = all.get(t);
        typeNames[t] = types[t].name();
        List<String> declared = types[t].propertyNames();
        names[t] = new String[declared.size()];
        kinds[t] = new AttributeType[declared.size()];
        for (int i = 0; i < declared.size(); i++) {
          names[t][i] = declared.get(i).intern();
          kinds[t][i] = types[t].property(declared.get(i)).type();
        }
      }
    }

    static Layout of(Schema schema) {
      Layout l = last;
      if (l == null || l.schema != schema) {
        l = new Layout(schema);
        last = l;
      }
      return l;
    }

    /** The index of the event type named by {@code chars[offset..offset+length)}, or -1. */
    int type(char[] chars, int offset, int length) {
      for (int t = 0; t < typeNames.length; t++) {
        String name = typeNames[t];
        if (name.length() == length && name.contentEquals(CharBuffer.wrap(chars, offset, length))) {
          return t;
        }
      }
      return -1;
    }

    /** The index of {@code name} in {@code names}, by identity first, or -1. */
    static int indexOf(String[] names, String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i] == name) {
          return i;
        }
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }
}
