package dev.segmentation.model;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared attributes of customers and the event types they can have. Immutable; built once.
 *
 * <pre>{@code
 * Schema schema = Schema.builder()
 *     .attribute(AGE).attribute(COUNTRY)
 *     .eventType(EventType.of("purchase", Attribute.number("amount")))
 *     .build();
 * }</pre>
 */
public final class Schema {

  private final ImmutableMap<String, Attribute<?>> attributes;
  private final ImmutableMap<String, EventType> eventTypes;
  private final ImmutableMap<String, Integer> index;

  private Schema(
      ImmutableMap<String, Attribute<?>> attributes, ImmutableMap<String, EventType> eventTypes) {
    this.attributes = attributes;
    this.eventTypes = eventTypes;
    ImmutableMap.Builder<String, Integer> b = ImmutableMap.builder();
    int i = 0;
    for (String name : attributes.keySet()) {
      b.put(name, i++);
    }
    this.index = b.buildOrThrow();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A schema of the given attributes and no event types. */
  public static Schema of(Attribute<?>... attributes) {
    return of(List.of(attributes));
  }

  /**
   * The properties of an event type as a schema (no event types): what a filter on its events
   * reads, one event at a time.
   */
  public static Schema ofProperties(EventType type) {
    return of(type.properties().values());
  }

  private static Schema of(Collection<Attribute<?>> attributes) {
    Builder b = builder();
    for (Attribute<?> a : attributes) {
      b.attribute(a);
    }
    return b.build();
  }

  /** The attributes by name, in declaration order. */
  public Map<String, Attribute<?>> attributes() {
    return attributes;
  }

  /** The event types by name, in declaration order. */
  public Map<String, EventType> eventTypes() {
    return eventTypes;
  }

  /** The attribute with this name, or null. */
  public Attribute<?> attribute(String name) {
    return attributes.get(name);
  }

  /** The event type with this name, or null. */
  public EventType eventType(String name) {
    return eventTypes.get(name);
  }

  /** The position of the attribute in declaration order, or -1. */
  public int indexOf(String attribute) {
    Integer i = index.get(attribute);
    return i == null ? -1 : i;
  }

  /** The attributes in declaration order. */
  public List<Attribute<?>> attributeList() {
    return attributes.values().asList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema other
        && attributes.equals(other.attributes)
        && eventTypes.equals(other.eventTypes);
  }

  @Override
  public int hashCode() {
    return attributes.hashCode() * 31 + eventTypes.hashCode();
  }

  @Override
  public String toString() {
    return "Schema" + attributes.values() + (eventTypes.isEmpty() ? "" : " events" + eventTypes);
  }

  /** Collects attributes and event types; rejects duplicates and malformed names. */
  public static final class Builder {
    private final Map<String, Attribute<?>> attributes = new LinkedHashMap<>();
    private final Map<String, EventType> eventTypes = new LinkedHashMap<>();

    private Builder() {}

    /** Adds an attribute; a second attribute with the same name is an error. */
    public Builder attribute(Attribute<?> attribute) {
      if (attribute == null) {
        throw new IllegalArgumentException("attribute must not be null");
      }
      if (attributes.putIfAbsent(attribute.name(), attribute) != null) {
        throw new IllegalArgumentException(
            "attribute \"" + attribute.name() + "\" is declared twice");
      }
      return this;
    }

    /** Adds an attribute by name and type. */
    public Builder attribute(String name, AttributeType type) {
      return attribute(Attribute.of(name, type));
    }

    /** Adds an event type; a second event type with the same name is an error. */
    public Builder eventType(EventType eventType) {
      if (eventType == null) {
        throw new IllegalArgumentException("event type must not be null");
      }
      if (eventTypes.putIfAbsent(eventType.name(), eventType) != null) {
        throw new IllegalArgumentException(
            "event type \"" + eventType.name() + "\" is declared twice");
      }
      return this;
    }

    public Schema build() {
      return new Schema(ImmutableMap.copyOf(attributes), ImmutableMap.copyOf(eventTypes));
    }
  }
}
