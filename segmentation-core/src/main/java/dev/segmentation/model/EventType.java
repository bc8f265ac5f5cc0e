package dev.segmentation.model;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of event a customer can have, such as {@code purchase}, with typed properties.
 *
 * <pre>{@code
 * EventType purchase = EventType.of("purchase",
 *     Attribute.number("amount"), Attribute.string("category"));
 * }</pre>
 *
 * @param name the event type's name
 * @param properties the properties by name, in declaration order (unmodifiable)
 */
public record EventType(String name, Map<String, Attribute<?>> properties) {

  public EventType {
    Attribute.checkName(name, "event type");
    if (properties == null) {
      throw new IllegalArgumentException("properties of event type \"" + name + "\" are null");
    }
    properties = ImmutableMap.copyOf(properties);
    for (Map.Entry<String, Attribute<?>> e : properties.entrySet()) {
      if (!e.getKey().equals(e.getValue().name())) {
        throw new IllegalArgumentException(
            "event type \""
                + name
                + "\": property key \""
                + e.getKey()
                + "\" names "
                + e.getValue());
      }
    }
  }

  /** An event type with the given properties; rejects duplicate property names. */
  public static EventType of(String name, Attribute<?>... properties) {
    ImmutableMap.Builder<String, Attribute<?>> b = ImmutableMap.builder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Attribute<?> p : properties) {
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException(
            "event type \"" + name + "\" declares property \"" + p.name() + "\" twice");
      }
      b.put(p.name(), p);
    }
    return new EventType(name, b.build());
  }

  /**
   * The properties' names in declaration order: the order of the values of {@link
   * Event#of(EventType, java.time.Instant, Object[])}. Unmodifiable, and made once per type.
   */
  public List<String> propertyNames() {
    return ((ImmutableMap<String, Attribute<?>>) properties).keySet().asList();
  }

  /** The property with this name, or null. */
  public Attribute<?> property(String propertyName) {
    return properties.get(propertyName);
  }
}
