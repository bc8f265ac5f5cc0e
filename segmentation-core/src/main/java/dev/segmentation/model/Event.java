package dev.segmentation.model;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Map;

/**
 * One thing a customer did at an instant: a purchase, an email open, a page view. Properties are
 * read like attributes by conditions that filter events.
 *
 * @param type the event type's name
 * @param timestamp when it happened
 * @param properties property values in canonical form (see {@link AttributeType}); absent means no
 *     value (unmodifiable)
 */
public record Event(String type, Instant timestamp, Map<String, Object> properties)
    implements ValueSource {

  public Event {
    if (type == null) {
      throw new IllegalArgumentException("event type must not be null");
    }
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp of a \"" + type + "\" event must not be null");
    }
    if (!(properties instanceof PropertyArray)) {
      properties = properties == null ? ImmutableMap.of() : ImmutableMap.copyOf(properties);
    }
  }

  /**
   * An event whose property values are given in the order of {@code type}'s properties (null for no
   * value), without a map per event: the properties are a view of the array, an unmodifiable map
   * that equals (and hashes as) the map of the same values, listing them in the type's order. Each
   * value is checked and converted once here (so {@link SchemaCustomer.Builder#event(Event)} does
   * not check it again); the array is not copied unless a value is converted, so the caller must
   * not change it afterwards.
   *
   * @throws IllegalArgumentException when the array's length is not the number of properties
   * @throws InvalidDataException naming the property when a value does not fit
   */
  public static Event of(EventType type, Instant timestamp, Object[] values) {
    if (timestamp == null) {
      throw new InvalidDataException(null, null, type.name() + " event has no timestamp");
    }
    if (values.length != type.properties().size()) {
      throw new IllegalArgumentException(
          type.name()
              + " has "
              + type.properties().size()
              + " properties, got "
              + values.length
              + " values");
    }
    Object[] canonical = values;
    int i = 0;
    for (Attribute<?> property : type.properties().values()) {
      Object v = values[i];
      Object c = Values.canonical(null, type.name(), property.name(), property.type(), v);
      if (c != v) {
        if (canonical == values) {
          canonical = values.clone();
        }
        canonical[i] = c;
      }
      i++;
    }
    return new Event(type.name(), timestamp, new PropertyArray(type, canonical));
  }

  /**
   * An event whose properties are checked and converted against its declared type.
   *
   * @throws InvalidDataException naming the property when a value does not fit
   */
  public static Event of(EventType type, Instant timestamp, Map<String, ?> properties) {
    return of(null, type, timestamp, properties);
  }

  /** As {@link #of(EventType, Instant, Map)}, naming the customer in errors. */
  public static Event of(
      String customerId, EventType type, Instant timestamp, Map<String, ?> properties) {
    if (timestamp == null) {
      throw new InvalidDataException(customerId, null, type.name() + " event has no timestamp");
    }
    ImmutableMap.Builder<String, Object> b = ImmutableMap.builder();
    for (Map.Entry<String, ?> e : properties.entrySet()) {
      Attribute<?> property = type.property(e.getKey());
      if (property == null) {
        throw new InvalidDataException(
            customerId,
            e.getKey(),
            "event type \"" + type.name() + "\" has no property \"" + e.getKey() + "\"");
      }
      Object v =
          Values.canonical(customerId, type.name(), property.name(), property.type(), e.getValue());
      if (v != null) {
        b.put(e.getKey(), v);
      }
    }
    return new Event(type.name(), timestamp, b.buildOrThrow());
  }

  @Override
  public Object value(String attribute) {
    return properties.get(attribute);
  }

  /**
   * Answers from the position (in the order of the event type's properties) when the event was made
   * by {@link #of(EventType, Instant, Object[])} and its type has the property there.
   */
  @Override
  public Object value(int position, String attribute) {
    return properties instanceof PropertyArray array
        ? array.valueAt(position, attribute)
        : properties.get(attribute);
  }

  /** Whether the properties were checked against this very type (then they fit it as they are). */
  boolean checkedAgainst(EventType type) {
    return properties instanceof PropertyArray array && array.type() == type;
  }
}
