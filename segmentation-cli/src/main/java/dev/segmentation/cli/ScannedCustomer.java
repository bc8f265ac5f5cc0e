package dev.segmentation.cli;

import com.google.common.collect.ImmutableList;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The customer of the line {@link JsonlByteScanner} read last, in buffers that its thread reuses
 * for every line: integers and numbers in primitive arrays (read without boxing through {@link
 * #longValue} and {@link #doubleValue}), other values as their canonical objects, and events in one
 * array per event type, sorted by time (stably) once the line is read. It holds what the {@link
 * SchemaCustomer} built from the same line holds ({@link #toSchemaCustomer}; {@code
 * ScannedCustomerProperties}), without the builder, its maps and lists, or a copy per customer.
 *
 * <p>Valid only until its thread scans the next line: the engines keep no reference to a customer
 * after the call that evaluates it (see {@link Customer}), so the parse thread evaluates it at once
 * and only the results leave the thread.
 */
final class ScannedCustomer implements Customer {
  private static final Comparator<Event> BY_TIME = Comparator.comparing(Event::timestamp);

  private final Schema schema;
  private final String[] names;
  private final AttributeType[] types;
  private final String[] eventTypeNames;
  private final Object[] objects;
  private final long[] longs;
  private final double[] doubles;
  private final boolean[] present;
  private final Event[][] events;
  private final int[] counts;
  private final List<List<Event>> lists;
  private String id;
  private String idColumn;

  ScannedCustomer(Schema schema, EventType[] eventTypes) {
    this.schema = schema;
    List<Attribute<?>> attributes = schema.attributeList();
    int n = attributes.size();
    names = new String[n];
    types = new AttributeType[n];
    for (int i = 0; i < n; i++) {
      names[i] = attributes.get(i).name();
      types[i] = attributes.get(i).type();
    }
    objects = new Object[n];
    longs = new long[n];
    doubles = new double[n];
    present = new boolean[n];
    eventTypeNames = new String[eventTypes.length];
    events = new Event[eventTypes.length][];
    counts = new int[eventTypes.length];
    lists = new ArrayList<>(eventTypes.length);
    for (int t = 0; t < eventTypes.length; t++) {
      eventTypeNames[t] = eventTypes[t].name();
      events[t] = new Event[8];
      lists.add(new EventList(t));
    }
  }

  /** Forgets the previous line's customer (dropping its events, so that they can be collected). */
  void clear() {
    id = null;
    idColumn = null;
    Arrays.fill(objects, null);
    Arrays.fill(present, false);
    for (int t = 0; t < counts.length; t++) {
      Arrays.fill(events[t], 0, counts[t], null);
      counts[t] = 0;
    }
  }

  void id(String id) {
    this.id = id;
  }

  /** Where the id is on the line, for messages (as {@link CustomerInput.Row#idColumn()}). */
  String idColumn() {
    return idColumn;
  }

  void idColumn(String idColumn) {
    this.idColumn = idColumn;
  }

  void setLong(int i, long v) {
    longs[i] = v;
    present[i] = true;
  }

  void setDouble(int i, double v) {
    doubles[i] = v;
    present[i] = true;
  }

  /** A value in its canonical form, or null for none. */
  void setObject(int i, Object v) {
    objects[i] = v;
    present[i] = v != null;
  }

  void addEvent(int type, Event e) {
    Event[] a = events[type];
    if (counts[type] == a.length) {
      a = events[type] = Arrays.copyOf(a, a.length * 2);
    }
    a[counts[type]++] = e;
  }

  /**
   * Sorts each type's events by time, stably (events at the same instant keep their order), as
   * {@link SchemaCustomer.Builder#build} does. Lines usually list them in order already, which the
   * merge sort checks in one pass; a line of many events in reverse order costs {@code n log n},
   * not the {@code n^2} an insertion sort would.
   */
  void sortEvents() {
    for (int t = 0; t < counts.length; t++) {
      Arrays.sort(events[t], 0, counts[t], BY_TIME);
    }
  }

  @Override
  public String id() {
    return id;
  }

  /** The value of the attribute at position {@code i} of the schema, boxed, or null. */
  Object valueAt(int i) {
    if (!present[i]) {
      return null;
    }
    return switch (types[i]) {
      case INTEGER -> longs[i];
      case NUMBER -> doubles[i];
      case STRING, BOOLEAN, DATE, TIMESTAMP, STRING_SET, GEO_POINT -> objects[i];
    };
  }

  private boolean at(int position, String attribute) {
    if (position < 0 || position >= names.length) {
      return false;
    }
    String n = names[position];
    return n == attribute || n.equals(attribute);
  }

  @Override
  public Object value(String attribute) {
    int i = schema.indexOf(attribute);
    return i < 0 ? null : valueAt(i);
  }

  @Override
  public Object value(int position, String attribute) {
    return at(position, attribute) ? valueAt(position) : value(attribute);
  }

  @Override
  public long longValue(int position, String attribute, long ifAbsent) {
    return at(position, attribute) && types[position] == AttributeType.INTEGER && present[position]
        ? longs[position]
        : ifAbsent;
  }

  @Override
  public double doubleValue(int position, String attribute, double ifAbsent) {
    return at(position, attribute) && types[position] == AttributeType.NUMBER && present[position]
        ? doubles[position]
        : ifAbsent;
  }

  @Override
  public List<Event> events(String eventType) {
    for (int t = 0; t < eventTypeNames.length; t++) {
      String n = eventTypeNames[t];
      if (n == eventType || n.equals(eventType)) {
        return counts[t] == 0 ? ImmutableList.of() : lists.get(t);
      }
    }
    return ImmutableList.of();
  }

  /**
   * The immutable customer the careful path builds from the same line, with the events of an events
   * file ({@code fromFile}, may be null) after the line's own.
   */
  SchemaCustomer toSchemaCustomer(Map<String, List<Event>> fromFile) {
    Object[] values = new Object[names.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = valueAt(i);
    }
    List<Event> own = new ArrayList<>();
    for (int t = 0; t < counts.length; t++) {
      own.addAll(lists.get(t).subList(0, counts[t]));
    }
    return JsonlFastPath.customer(schema, id, values, own, fromFile);
  }

  /** The events of one type, as a list over the reused array. */
  private final class EventList extends AbstractList<Event> implements RandomAccess {
    private final int type;

    EventList(int type) {
      this.type = type;
    }

    @Override
    public Event get(int index) {
      if (index < 0 || index >= counts[type]) {
        throw new IndexOutOfBoundsException(index);
      }
      return events[type][index];
    }

    @Override
    public int size() {
      return counts[type];
    }
  }
}
