package dev.segmentation.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads customers from objects a service already holds, without copying them: each attribute is
 * read through an accessor function when a rule needs it and converted to its canonical form then.
 *
 * <pre>{@code
 * // CustomerView:start
 * CustomerView<Account> view =
 *     CustomerView.builder(schema, Account::id)
 *         .attribute("age", Account::age) // an int is read as an integer
 *         .attribute("country", a -> a.address().country())
 *         .events(
 *             "purchase",
 *             a -> a.orders().stream()
 *                 .map(o -> Event.of(purchase, o.placedAt(), Map.of("amount", o.total())))
 *                 .toList()) // newest first is fine
 *         .build();
 * boolean vip = compiled.matches("vip", view.wrap(account), ctx);
 * // CustomerView:end
 * }</pre>
 *
 * Values are converted by the one rule of {@link Values#canonical}; a value that does not fit its
 * declared type raises {@link InvalidDataException} when it is read. The row engine calls an event
 * accessor once per evaluation. A view is immutable and thread-safe when the accessors are.
 *
 * @param <T> the class of the objects viewed
 */
public final class CustomerView<T> {

  private final Schema schema;
  private final Function<? super T, String> id;
  private final ImmutableMap<String, Function<? super T, ?>> accessors;
  private final ImmutableMap<String, Function<? super T, ? extends List<Event>>> events;

  private CustomerView(Builder<T> b) {
    this.schema = b.schema;
    this.id = b.id;
    this.accessors = ImmutableMap.copyOf(b.accessors);
    this.events = ImmutableMap.copyOf(b.events);
  }

  public static <T> Builder<T> builder(Schema schema, Function<? super T, String> id) {
    return new Builder<>(schema, id);
  }

  /**
   * A live view over {@code values}: read on demand, never copied, so later changes to the map are
   * seen, and keys that the schema does not declare are ignored (a map often carries more than the
   * rules read). For a checked, immutable copy that refuses undeclared keys, use {@code
   * Customer.ofMap}. (Named {@code ofMap} before 0.2; renamed because the two behaved differently
   * under one name.)
   */
  public static Customer overMap(Schema schema, String id, Map<String, ?> values) {
    if (schema == null || values == null) {
      throw new IllegalArgumentException("schema and values must not be null");
    }
    if (id == null || id.isEmpty()) {
      throw new InvalidDataException(null, null, "a customer needs a non-empty id");
    }
    return new Customer() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Object value(String attribute) {
        Attribute<?> declared = schema.attribute(attribute);
        return declared == null ? null : Values.canonical(id, declared, values.get(attribute));
      }

      @Override
      public String toString() {
        return "Customer{id=" + id + ", " + values + "}";
      }
    };
  }

  /** A customer that reads {@code object} through this view's accessors. */
  public Customer wrap(T object) {
    if (object == null) {
      throw new IllegalArgumentException("cannot view a null object as a customer");
    }
    return new Customer() {
      @Override
      public String id() {
        return id.apply(object);
      }

      @Override
      public Object value(String attribute) {
        Function<? super T, ?> accessor = accessors.get(attribute);
        if (accessor == null) {
          return null;
        }
        return Values.canonical(
            id.apply(object), schema.attribute(attribute), accessor.apply(object));
      }

      @Override
      public List<Event> events(String eventType) {
        Function<? super T, ? extends List<Event>> f = events.get(eventType);
        if (f == null) {
          return ImmutableList.of();
        }
        List<Event> list = f.apply(object);
        return list == null ? ImmutableList.of() : list;
      }

      @Override
      public String toString() {
        return "Customer{id=" + id() + ", " + object + "}";
      }
    };
  }

  /** Collects accessors; each must name a declared attribute or event type. */
  public static final class Builder<T> {
    private final Schema schema;
    private final Function<? super T, String> id;
    private final Map<String, Function<? super T, ?>> accessors = new HashMap<>();
    private final Map<String, Function<? super T, ? extends List<Event>>> events = new HashMap<>();

    private Builder(Schema schema, Function<? super T, String> id) {
      if (schema == null || id == null) {
        throw new IllegalArgumentException("schema and id accessor must not be null");
      }
      this.schema = schema;
      this.id = id;
    }

    /** Reads the attribute {@code name} with {@code accessor}. */
    public Builder<T> attribute(String name, Function<? super T, ?> accessor) {
      if (schema.attribute(name) == null) {
        throw new IllegalArgumentException("the schema has no attribute \"" + name + "\"");
      }
      if (accessor == null) {
        throw new IllegalArgumentException("accessor of \"" + name + "\" must not be null");
      }
      accessors.put(name, accessor);
      return this;
    }

    /** Reads the typed attribute with {@code accessor}. */
    public <V> Builder<T> attribute(
        Attribute<V> attribute, Function<? super T, ? extends V> accessor) {
      return attribute(attribute.name(), accessor);
    }

    /**
     * Reads the events of one type with {@code accessor}; the lists it returns may be in any order
     * (see {@link Customer#events}), oldest first is the cheapest. The row engine calls it once per
     * evaluation of a customer, however many conditions read the type.
     */
    public Builder<T> events(
        String eventType, Function<? super T, ? extends List<Event>> accessor) {
      if (schema.eventType(eventType) == null) {
        throw new IllegalArgumentException("the schema has no event type \"" + eventType + "\"");
      }
      if (accessor == null) {
        throw new IllegalArgumentException("accessor of \"" + eventType + "\" must not be null");
      }
      events.put(eventType, accessor);
      return this;
    }

    public CustomerView<T> build() {
      return new CustomerView<>(this);
    }
  }
}
