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
    properties = properties == null ? ImmutableMap.of() : ImmutableMap.copyOf(properties);
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
}
