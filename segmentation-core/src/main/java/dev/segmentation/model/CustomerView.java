package dev.segmentation.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.internal.Repointable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

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
 * <p><b>What it costs.</b> The row engine reads an attribute by its position in the schema (see
 * {@link ValueSource#value(int, String)}): the view checks the name at that position, calls the
 * accessor kept there and returns its value as it is when it already has its type's canonical class
 * ({@code Long}, a finite {@code Double}, {@code String}, {@code Boolean}, {@code LocalDate},
 * {@code Instant}, an {@code ImmutableSet}, {@code GeoPoint}): no lookup by name, no allocation.
 * Other values are converted by the one rule of {@link Values#canonical} (an {@code Integer} is
 * boxed again as a {@code Long}, which may allocate; a {@code List} of tags is copied into a set),
 * and a value that does not fit its declared type raises {@link InvalidDataException} naming the
 * customer and the attribute when it is read; the id accessor is called only then, or when an event
 * list needs checking. An {@code ImmutableSet} is taken as it is, as the row engine takes any set:
 * an element that is not a string never equals a tag, and a {@code CustomerTable} checks every
 * element when it copies the customer. The row engine calls an event accessor once per evaluation
 * however many conditions read the type; an accessor that converts a service's orders into new
 * {@link Event}s allocates them on every evaluation (return events the objects already hold to
 * allocate nothing). {@link #wrap} allocates one small object per call; a {@link Reader} allocates
 * nothing. An accessor returning a primitive through {@code Function} boxes it on every read; give
 * integer and number attributes {@link Builder#longAttribute} or {@link Builder#doubleAttribute}
 * instead, which the row engine reads without boxing ({@link ValueSource#longValue}).
 *
 * <p>A view is immutable and thread-safe when the accessors are.
 *
 * @param <T> the class of the objects viewed
 */
public final class CustomerView<T> {

  private final Schema schema;
  private final Function<? super T, String> id;
  // Indexed by the attribute's position in the schema: its name, its declaration, the class of its
  // canonical form, and the accessor (null when the view has none).
  private final String[] names;
  private final Attribute<?>[] attributes;
  private final Class<?>[] canonical;
  private final Function<? super T, ?>[] accessors;
  // The primitive accessors (null where the attribute has none) and their presence tests (null:
  // always present), read without boxing by longValue and doubleValue, and by epochDayValue and
  // epochMilliValue for dates (epoch days) and timestamps (epoch milliseconds) in `epochs`.
  private final ToLongFunction<? super T>[] longs;
  private final ToDoubleFunction<? super T>[] doubles;
  private final ToLongFunction<? super T>[] epochs;
  private final Predicate<? super T>[] present;
  private final ImmutableMap<String, Function<? super T, ? extends List<Event>>> events;

  @SuppressWarnings("unchecked")
  private CustomerView(Builder<T> b) {
    this.schema = b.schema;
    this.id = b.id;
    List<Attribute<?>> declared = schema.attributeList();
    int n = declared.size();
    this.names = new String[n];
    this.attributes = declared.toArray(new Attribute<?>[0]);
    this.canonical = new Class<?>[n];
    this.accessors = (Function<? super T, ?>[]) new Function<?, ?>[n];
    this.longs = (ToLongFunction<? super T>[]) new ToLongFunction<?>[n];
    this.doubles = (ToDoubleFunction<? super T>[]) new ToDoubleFunction<?>[n];
    this.epochs = (ToLongFunction<? super T>[]) new ToLongFunction<?>[n];
    this.present = (Predicate<? super T>[]) new Predicate<?>[n];
    for (int i = 0; i < n; i++) {
      names[i] = attributes[i].name();
      canonical[i] = attributes[i].type().javaType();
      accessors[i] = b.accessors.get(names[i]);
      longs[i] = b.longs.get(names[i]);
      doubles[i] = b.doubles.get(names[i]);
      epochs[i] = b.epochs.get(names[i]);
      present[i] = b.present.get(names[i]);
    }
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

  /**
   * A customer that reads {@code object} through this view's accessors, for as long as the caller
   * keeps it. Allocates one small object; in a loop over many objects, a {@link #reader()} does
   * not.
   */
  public Customer wrap(T object) {
    if (object == null) {
      throw new IllegalArgumentException("cannot view a null object as a customer");
    }
    Viewed<T> c = new Viewed<>(this);
    c.object = object;
    return c;
  }

  /**
   * A reader that shows one object after another as a customer without allocating: for a request
   * loop on one thread. See {@link Reader}.
   */
  public Reader<T> reader() {
    return new Reader<>(this);
  }

  /**
   * Shows a view's objects as customers through one mutable customer, re-pointed by each {@link
   * #of} call, so that evaluating many objects allocates nothing:
   *
   * <pre>{@code
   * // CustomerViewReader:start
   * CustomerView.Reader<Account> reader = view.reader(); // one per thread
   * Truth[] out = new Truth[compiled.segmentNames().size()];
   * for (Account a : accounts) {
   *   compiled.evaluateAll(reader.of(a), ctx, out);
   * }
   * // CustomerViewReader:end
   * }</pre>
   *
   * <p>Not thread-safe: use one reader per thread. The customer {@link #of} returns is the same
   * object every time, valid until the next call: do not keep it, and do not re-point the reader
   * while an evaluation of its customer runs (from an accessor, say). The row engine caches a
   * customer's events for the length of one evaluation; once it has read some, re-pointing the
   * reader during that evaluation makes the next read of events throw {@link IllegalStateException}
   * rather than answer with the previous object's events.
   *
   * @param <T> the class of the objects viewed
   */
  public static final class Reader<T> {
    private final Viewed<T> customer;

    private Reader(CustomerView<T> view) {
      this.customer = new Viewed<>(view);
    }

    /** This reader's customer, now reading {@code object}; valid until the next call. */
    public Customer of(T object) {
      if (object == null) {
        throw new IllegalArgumentException("cannot view a null object as a customer");
      }
      customer.object = object;
      customer.pointings++;
      return customer;
    }
  }

  /**
   * The value of the attribute at {@code position} of the schema for {@code object}, canonical.
   * Costs one class check when the accessor returns a canonical value.
   */
  private Object read(int position, T object) {
    Function<? super T, ?> accessor = accessors[position];
    if (accessor == null) {
      return null;
    }
    Object raw = accessor.apply(object);
    if (raw == null) {
      return null;
    }
    Class<?> c = canonical[position];
    if (c.isInstance(raw) && (c != Double.class || Double.isFinite((Double) raw))) {
      return raw;
    }
    return converted(position, object, raw);
  }

  /** The integer at {@code position} without boxing when its accessor is primitive. */
  private long readLong(int position, T object, long ifAbsent) {
    ToLongFunction<? super T> accessor = longs[position];
    if (accessor == null) {
      return read(position, object) instanceof Long l ? l : ifAbsent;
    }
    Predicate<? super T> p = present[position];
    return p == null || p.test(object) ? accessor.applyAsLong(object) : ifAbsent;
  }

  /** The number at {@code position} without boxing when its accessor is primitive. */
  private double readDouble(int position, T object, double ifAbsent) {
    ToDoubleFunction<? super T> accessor = doubles[position];
    if (accessor == null) {
      return read(position, object) instanceof Double d ? d : ifAbsent;
    }
    // A NaN or an infinity is passed on: the engine then reads value(), which rejects it.
    Predicate<? super T> p = present[position];
    return p == null || p.test(object) ? accessor.applyAsDouble(object) : ifAbsent;
  }

  /**
   * The date at {@code position} as an epoch day, or the timestamp there in epoch milliseconds
   * ({@code type} says which the caller asks), without boxing when its accessor is primitive. A
   * primitive epoch day outside the dates {@code LocalDate} holds is not answered here: the engine
   * then reads {@link #read}, which rejects it.
   */
  private long readEpoch(int position, T object, long ifAbsent, AttributeType type) {
    ToLongFunction<? super T> accessor = epochs[position];
    if (accessor == null || attributes[position].type() != type) {
      Object v = read(position, object);
      if (v instanceof java.time.LocalDate d && type == AttributeType.DATE) {
        return d.toEpochDay();
      }
      return v instanceof Instant t && type == AttributeType.TIMESTAMP
          ? Values.epochMilliOrElse(t, ifAbsent)
          : ifAbsent;
    }
    Predicate<? super T> p = present[position];
    if (p != null && !p.test(object)) {
      return ifAbsent;
    }
    long v = accessor.applyAsLong(object);
    return type == AttributeType.DATE && (v < MIN_EPOCH_DAY || v > MAX_EPOCH_DAY) ? ifAbsent : v;
  }

  private static final long MIN_EPOCH_DAY = java.time.LocalDate.MIN.toEpochDay();
  private static final long MAX_EPOCH_DAY = java.time.LocalDate.MAX.toEpochDay();

  // Out of line: the rare path, with the id computed only for the error message.
  private Object converted(int position, T object, Object raw) {
    try {
      return Values.canonical(null, attributes[position], raw);
    } catch (InvalidDataException e) {
      throw e.naming(id.apply(object));
    }
  }

  /** A customer reading one object; the object changes only under a {@link Reader}. */
  private static final class Viewed<T> extends Repointable implements Customer {
    private final CustomerView<T> view;
    T object;
    int pointings;

    Viewed(CustomerView<T> view) {
      this.view = view;
    }

    @Override
    public String id() {
      return view.id.apply(object);
    }

    @Override
    public Object value(String attribute) {
      int position = view.schema.indexOf(attribute);
      return position < 0 ? null : view.read(position, object);
    }

    /** {@code position} when the schema has {@code attribute} there, else its position or -1. */
    private int positionOf(int position, String attribute) {
      String[] names = view.names;
      if (position >= 0 && position < names.length) {
        String name = names[position];
        if (name == attribute || name.equals(attribute)) {
          return position;
        }
      }
      return view.schema.indexOf(attribute);
    }

    /** Answers from the position when the schema has {@code attribute} there, else by name. */
    @Override
    public Object value(int position, String attribute) {
      int p = positionOf(position, attribute);
      return p < 0 ? null : view.read(p, object);
    }

    @Override
    public long longValue(int position, String attribute, long ifAbsent) {
      int p = positionOf(position, attribute);
      return p < 0 ? ifAbsent : view.readLong(p, object, ifAbsent);
    }

    @Override
    public double doubleValue(int position, String attribute, double ifAbsent) {
      int p = positionOf(position, attribute);
      return p < 0 ? ifAbsent : view.readDouble(p, object, ifAbsent);
    }

    @Override
    public long epochDayValue(int position, String attribute, long ifAbsent) {
      int p = positionOf(position, attribute);
      return p < 0 ? ifAbsent : view.readEpoch(p, object, ifAbsent, AttributeType.DATE);
    }

    @Override
    public long epochMilliValue(int position, String attribute, long ifAbsent) {
      int p = positionOf(position, attribute);
      return p < 0 ? ifAbsent : view.readEpoch(p, object, ifAbsent, AttributeType.TIMESTAMP);
    }

    @Override
    public List<Event> events(String eventType) {
      Function<? super T, ? extends List<Event>> f = view.events.get(eventType);
      if (f == null) {
        return ImmutableList.of();
      }
      List<Event> list = f.apply(object);
      return list == null ? ImmutableList.of() : list;
    }

    @Override
    public int pointings() {
      return pointings;
    }

    @Override
    public String toString() {
      return "Customer{id=" + id() + ", " + object + "}";
    }
  }

  /** Collects accessors; each must name a declared attribute or event type. */
  public static final class Builder<T> {
    private final Schema schema;
    private final Function<? super T, String> id;
    private final Map<String, Function<? super T, ?>> accessors = new HashMap<>();
    private final Map<String, Function<? super T, ? extends List<Event>>> events = new HashMap<>();
    private final Map<String, ToLongFunction<? super T>> longs = new HashMap<>();
    private final Map<String, ToDoubleFunction<? super T>> doubles = new HashMap<>();
    private final Map<String, ToLongFunction<? super T>> epochs = new HashMap<>();
    private final Map<String, Predicate<? super T>> present = new HashMap<>();

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
      longs.remove(name);
      doubles.remove(name);
      epochs.remove(name);
      present.remove(name);
      return this;
    }

    /**
     * Reads the integer attribute {@code name} with a primitive accessor, always present: the row
     * engine reads it without boxing ({@link ValueSource#longValue}).
     */
    public Builder<T> longAttribute(String name, ToLongFunction<? super T> accessor) {
      return longAttribute(name, accessor, null);
    }

    /**
     * Reads the integer attribute {@code name} with a primitive accessor, which is called only when
     * {@code present} is true for the object (otherwise the attribute has no value), e.g. {@code
     * .longAttribute("age", Account::age, Account::hasAge)}. The row engine reads it without boxing
     * ({@link ValueSource#longValue}); other readers get a {@code Long}.
     *
     * @param present whether the object has a value, or null for always
     */
    public Builder<T> longAttribute(
        String name, ToLongFunction<? super T> accessor, Predicate<? super T> present) {
      requireType(name, accessor, AttributeType.INTEGER);
      attribute(name, o -> present == null || present.test(o) ? accessor.applyAsLong(o) : null);
      return primitive(name, accessor, longs, present);
    }

    /**
     * Reads the number attribute {@code name} with a primitive accessor, always present: the row
     * engine reads it without boxing ({@link ValueSource#doubleValue}). NaN is not a value: reading
     * it raises {@link InvalidDataException}, as for any customer; say absence with {@code
     * present}.
     */
    public Builder<T> doubleAttribute(String name, ToDoubleFunction<? super T> accessor) {
      return doubleAttribute(name, accessor, null);
    }

    /**
     * As {@link #longAttribute(String, ToLongFunction, Predicate)}, for a number attribute and a
     * {@code double} accessor.
     *
     * @param present whether the object has a value, or null for always
     */
    public Builder<T> doubleAttribute(
        String name, ToDoubleFunction<? super T> accessor, Predicate<? super T> present) {
      requireType(name, accessor, AttributeType.NUMBER);
      attribute(name, o -> present == null || present.test(o) ? accessor.applyAsDouble(o) : null);
      return primitive(name, accessor, doubles, present);
    }

    /**
     * Reads the date attribute {@code name} as an epoch day ({@code LocalDate.toEpochDay()}) with a
     * primitive accessor, which is called only when {@code present} is true for the object: the row
     * engine reads it without boxing ({@link ValueSource#epochDayValue}); other readers get a
     * {@code LocalDate}. A day outside the dates {@code LocalDate} holds raises {@link
     * InvalidDataException} when read, naming the customer and the attribute.
     *
     * @param present whether the object has a value, or null for always
     */
    public Builder<T> epochDayAttribute(
        String name, ToLongFunction<? super T> accessor, Predicate<? super T> present) {
      requireType(name, accessor, AttributeType.DATE);
      attribute(
          name,
          o -> {
            if (present != null && !present.test(o)) {
              return null;
            }
            long day = accessor.applyAsLong(o);
            if (day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) {
              throw new InvalidDataException(
                  id.apply(o), name, "epoch day " + day + " is outside the dates LocalDate holds");
            }
            return java.time.LocalDate.ofEpochDay(day);
          });
      return primitive(name, accessor, epochs, present);
    }

    /**
     * Reads the timestamp attribute {@code name} in epoch milliseconds ({@code
     * Instant.toEpochMilli()}) with a primitive accessor, which is called only when {@code present}
     * is true for the object: the row engine reads it without boxing ({@link
     * ValueSource#epochMilliValue}); other readers get an {@code Instant}.
     *
     * @param present whether the object has a value, or null for always
     */
    public Builder<T> epochMilliAttribute(
        String name, ToLongFunction<? super T> accessor, Predicate<? super T> present) {
      requireType(name, accessor, AttributeType.TIMESTAMP);
      attribute(
          name,
          o ->
              present == null || present.test(o)
                  ? Instant.ofEpochMilli(accessor.applyAsLong(o))
                  : null);
      return primitive(name, accessor, epochs, present);
    }

    /** Keeps a primitive accessor (after its boxing twin, which {@link #attribute} cleared). */
    private <A> Builder<T> primitive(
        String name, A accessor, Map<String, A> into, Predicate<? super T> p) {
      into.put(name, accessor);
      if (p != null) {
        present.put(name, p);
      }
      return this;
    }

    private void requireType(String name, Object accessor, AttributeType type) {
      Attribute<?> a = schema.attribute(name);
      if (a == null) {
        throw new IllegalArgumentException("the schema has no attribute \"" + name + "\"");
      }
      if (a.type() != type) {
        throw new IllegalArgumentException(
            "attribute \""
                + name
                + "\" is "
                + a.type().withArticle()
                + ", not "
                + type.withArticle());
      }
      if (accessor == null) {
        throw new IllegalArgumentException("accessor of \"" + name + "\" must not be null");
      }
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
