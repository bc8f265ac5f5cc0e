package dev.segmentation.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.internal.EventOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable customer whose values were checked against a schema: every value has its type's
 * canonical form, no value is NaN, and events are sorted by time.
 */
public final class SchemaCustomer implements Customer {

  private final Schema schema;
  private final String id;
  private final Object[] values;
  private final ImmutableMap<String, ImmutableList<Event>> events;

  private SchemaCustomer(
      Schema schema,
      String id,
      Object[] values,
      ImmutableMap<String, ImmutableList<Event>> events) {
    this.schema = schema;
    this.id = id;
    this.values = values;
    this.events = events;
  }

  static Builder builder(Schema schema, String id) {
    return new Builder(schema, id);
  }

  @Override
  public String id() {
    return id;
  }

  /** The schema the values were checked against. */
  public Schema schema() {
    return schema;
  }

  @Override
  public Object value(String attribute) {
    int i = schema.indexOf(attribute);
    return i < 0 ? null : values[i];
  }

  /** Answers from the position when this customer's schema has the attribute there. */
  @Override
  public Object value(int position, String attribute) {
    if (position >= 0
        && position < values.length
        && schema.attributeList().get(position).name().equals(attribute)) {
      return values[position];
    }
    return value(attribute);
  }

  /** The value of the attribute at position {@code index} of the schema, or null. */
  public Object valueAt(int index) {
    return values[index];
  }

  /** The typed value of a declared attribute, or null. */
  @SuppressWarnings("unchecked")
  public <T> T get(Attribute<T> attribute) {
    return (T) value(attribute.name());
  }

  @Override
  public List<Event> events(String eventType) {
    ImmutableList<Event> list = events.get(eventType);
    return list == null ? ImmutableList.of() : list;
  }

  /** All events by type. */
  public Map<String, List<Event>> events() {
    return ImmutableMap.copyOf(events); // no copy: it is immutable already
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchemaCustomer other
        && id.equals(other.id)
        && schema.equals(other.schema)
        && Arrays.equals(values, other.values)
        && events.equals(other.events);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Customer{id=").append(id);
    int i = 0;
    for (String name : schema.attributes().keySet()) {
      if (values[i] != null) {
        sb.append(", ").append(name).append('=').append(values[i]);
      }
      i++;
    }
    int n = 0;
    for (ImmutableList<Event> list : events.values()) {
      n += list.size();
    }
    return sb.append(n == 0 ? "" : ", events=" + n).append('}').toString();
  }

  /** Collects values and events; checks each as it is set. Not thread-safe. */
  public static final class Builder {
    private final Schema schema;
    private final String id;
    private final Object[] values;
    private final Map<String, List<Event>> events = new LinkedHashMap<>();

    private Builder(Schema schema, String id) {
      if (schema == null) {
        throw new IllegalArgumentException("schema must not be null");
      }
      if (id == null || id.isEmpty()) {
        throw new InvalidDataException(null, null, "a customer needs a non-empty id");
      }
      this.schema = schema;
      this.id = id;
      this.values = new Object[schema.attributes().size()];
    }

    /** Sets a typed attribute; null means no value. */
    public <T> Builder set(Attribute<T> attribute, T value) {
      Attribute<?> declared = schema.attribute(attribute.name());
      if (declared == null || !declared.equals(attribute)) {
        return set(attribute.name(), value);
      }
      values[schema.indexOf(attribute.name())] = Values.canonical(id, declared, value);
      return this;
    }

    /**
     * Sets an attribute by name from a raw value, converting it to the canonical form.
     *
     * @throws InvalidDataException when the attribute is unknown or the value does not fit
     */
    public Builder set(String attribute, Object value) {
      int i = schema.indexOf(attribute);
      if (i < 0) {
        throw new InvalidDataException(id, attribute, "the schema has no such attribute");
      }
      values[i] = Values.canonical(id, schema.attribute(attribute), value);
      return this;
    }

    /** Adds an event of a declared type, checking its properties. */
    public Builder event(String eventType, java.time.Instant timestamp, Map<String, ?> properties) {
      EventType type = schema.eventType(eventType);
      if (type == null) {
        throw new InvalidDataException(
            id, null, "the schema has no event type \"" + eventType + "\"");
      }
      return event(Event.of(id, type, timestamp, properties));
    }

    /** Adds an event; its type must be declared and its properties fit that type. */
    public Builder event(Event event) {
      EventType type = schema.eventType(event.type());
      if (type == null) {
        throw new InvalidDataException(
            id, null, "the schema has no event type \"" + event.type() + "\"");
      }
      if (!event.checkedAgainst(type)) { // an event made from an array for it was checked then
        event = checked(type, event);
      }
      events.computeIfAbsent(event.type(), k -> new ArrayList<>()).add(event);
      return this;
    }

    /** {@code event}, or a copy with its values converted, once each fits {@code type}. */
    private Event checked(EventType type, Event event) {
      for (Map.Entry<String, Object> p : event.properties().entrySet()) {
        Attribute<?> property = type.property(p.getKey());
        if (property == null) {
          throw new InvalidDataException(
              id, p.getKey(), "event type \"" + type.name() + "\" has no such property");
        }
        Object canonical =
            Values.canonical(id, type.name(), property.name(), property.type(), p.getValue());
        if (canonical != p.getValue()) {
          return Event.of(id, type, event.timestamp(), event.properties());
        }
      }
      return event;
    }

    public SchemaCustomer build() {
      ImmutableMap.Builder<String, ImmutableList<Event>> b = ImmutableMap.builder();
      for (Map.Entry<String, List<Event>> e : events.entrySet()) {
        // stable: events at the same instant keep insertion order
        b.put(
            e.getKey(), ImmutableList.copyOf(EventOrder.inTimeOrder(id, e.getKey(), e.getValue())));
      }
      return new SchemaCustomer(schema, id, values.clone(), b.buildOrThrow());
    }
  }
}
