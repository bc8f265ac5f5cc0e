package dev.segmentation.cli;

import com.google.common.collect.ImmutableList;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventColumns;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.model.ValueSource;
import dev.segmentation.model.Values;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The customer of the line {@link JsonlByteScanner} read last, in buffers that its thread reuses
 * for every line: integers and numbers in primitive arrays (read without boxing through {@link
 * #longValue} and {@link #doubleValue}), dates and timestamps of the common forms as epoch days and
 * milliseconds (read through {@link #epochDayValue} and {@link #epochMilliValue}; their objects
 * made only when asked for), other values as their canonical objects, and events in primitive
 * columns per event type, sorted by time (stably) once the line is read and offered to the engine
 * by position ({@link #eventColumns}); {@link Event}s are made only when asked for. It holds what
 * the {@link SchemaCustomer} built from the same line holds ({@link #toSchemaCustomer}; {@code
 * ScannedCustomerProperties}), without the builder, its maps and lists, or a copy per customer.
 *
 * <p>Valid only until its thread scans the next line: the engines keep no reference to a customer
 * after the call that evaluates it (see {@link Customer}), so the parse thread evaluates it at once
 * and only the results leave the thread.
 */
final class ScannedCustomer implements Customer {
  private final Schema schema;
  private final String[] names;
  private final AttributeType[] types;
  private final String[] eventTypeNames;
  private final Object[] objects;
  private final long[] longs;
  private final double[] doubles;
  private final boolean[] present;
  private final EventColumnsOfType[] events;
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
    events = new EventColumnsOfType[eventTypes.length];
    for (int t = 0; t < eventTypes.length; t++) {
      eventTypeNames[t] = eventTypes[t].name();
      events[t] = new EventColumnsOfType(eventTypes[t]);
    }
  }

  /** Forgets the previous line's customer (dropping its events, so that they can be collected). */
  void clear() {
    id = null;
    idColumn = null;
    Arrays.fill(objects, null);
    Arrays.fill(present, false);
    for (EventColumnsOfType e : events) {
      e.clear();
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

  /**
   * A date as its epoch day, or a timestamp of whole seconds as its epoch millisecond: held as a
   * primitive, its object made only when asked for ({@link #valueAt}).
   */
  void setEpoch(int i, long v) {
    longs[i] = v;
    objects[i] = null;
    present[i] = true;
  }

  /** A value in its canonical form, or null for none. */
  void setObject(int i, Object v) {
    objects[i] = v;
    present[i] = v != null;
  }

  /** Starts an event of type {@code type}; its time and properties are set by its index. */
  int startEvent(int type) {
    return events[type].start();
  }

  void eventTime(int type, int event, long epochSecond, int nano) {
    events[type].time(event, epochSecond, nano);
  }

  /** Property {@code k} of the event, in its canonical form (checked as {@link Event#of} does). */
  void eventObject(int type, int event, int k, Object v) {
    events[type].setObject(event, k, v);
  }

  void eventLong(int type, int event, int k, long v) {
    events[type].setLong(event, k, v);
  }

  void eventDouble(int type, int event, int k, double v) {
    events[type].setDouble(event, k, v);
  }

  /**
   * Sorts each type's events by time, stably (events at the same instant keep their order), as
   * {@link SchemaCustomer.Builder#build} does. Lines usually list them in order already, which is
   * checked in one pass; a line out of order is sorted in {@code n log n}.
   */
  void sortEvents() {
    for (EventColumnsOfType e : events) {
      e.sort();
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
      case DATE -> objects[i] != null ? objects[i] : LocalDate.ofEpochDay(longs[i]);
      case TIMESTAMP -> objects[i] != null ? objects[i] : Instant.ofEpochMilli(longs[i]);
      case STRING, BOOLEAN, STRING_SET, GEO_POINT -> objects[i];
    };
  }

  /** Whether attribute {@code i} is a date or timestamp held as a primitive ({@link #setEpoch}). */
  private boolean epoch(int i, AttributeType type) {
    return types[i] == type && present[i] && objects[i] == null;
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
  public long epochDayValue(int position, String attribute, long ifAbsent) {
    return at(position, attribute) && epoch(position, AttributeType.DATE)
        ? longs[position]
        : ifAbsent; // the engine then reads value(position, attribute)
  }

  @Override
  public long epochMilliValue(int position, String attribute, long ifAbsent) {
    return at(position, attribute) && epoch(position, AttributeType.TIMESTAMP)
        ? longs[position]
        : ifAbsent;
  }

  private EventColumnsOfType ofType(String eventType) {
    for (int t = 0; t < eventTypeNames.length; t++) {
      String n = eventTypeNames[t];
      if (n == eventType || n.equals(eventType)) {
        return events[t];
      }
    }
    return null;
  }

  /** The events of the type as {@link Event}s, made on the first call for this line. */
  @Override
  public List<Event> events(String eventType) {
    EventColumnsOfType e = ofType(eventType);
    return e == null ? ImmutableList.of() : e.list();
  }

  /**
   * The events of the type by position (no {@link Event} per event), or null when one of them has a
   * time finer than a millisecond (then they are read through {@link #events}).
   */
  @Override
  public EventColumns eventColumns(String eventType) {
    EventColumnsOfType e = ofType(eventType);
    return e == null || !e.wholeMillis() ? null : e;
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
    for (EventColumnsOfType e : events) {
      own.addAll(e.list());
    }
    return JsonlFastPath.customer(schema, id, values, own, fromFile);
  }

  /**
   * The line's events of one type in reused primitive columns: times as epoch seconds and
   * nanoseconds, each property in an object, long or double column (by its type) with a bit per
   * event for its presence. Offered to the engine as {@link EventColumns} through one re-pointed
   * {@link Cursor}; {@link #list()} makes the {@link Event}s only when something asks for them (an
   * explanation, the careful path).
   */
  private static final class EventColumnsOfType implements EventColumns {
    private static final long MAX_SECOND = Long.MAX_VALUE / 1000 - 1;
    private static final long MIN_SECOND = Long.MIN_VALUE / 1000 + 1;

    private final EventType type;
    private final String[] names;
    private final AttributeType[] propertyTypes;
    private final int width;
    private final Cursor cursor = new Cursor();
    private int count;
    private boolean finerThanMillis;
    private long[] seconds = new long[8];
    private int[] nanos = new int[8];
    private long[] millis = new long[8]; // epochMilli's answers, made once per event
    private long[] present = new long[8];
    private Object[] objects;
    private long[] longs;
    private double[] doubles;
    private List<Event> made;

    EventColumnsOfType(EventType type) {
      this.type = type;
      List<String> declared = type.propertyNames();
      this.width = declared.size();
      this.names = declared.toArray(new String[0]);
      this.propertyTypes = new AttributeType[width];
      for (int k = 0; k < width; k++) {
        propertyTypes[k] = type.property(names[k]).type();
      }
      objects = new Object[8 * width];
      longs = new long[8 * width];
      doubles = new double[8 * width];
    }

    void clear() {
      Arrays.fill(objects, 0, count * width, null);
      count = 0;
      finerThanMillis = false;
      made = null;
    }

    int start() {
      if (count == seconds.length) {
        int n = count * 2;
        seconds = Arrays.copyOf(seconds, n);
        nanos = Arrays.copyOf(nanos, n);
        millis = Arrays.copyOf(millis, n);
        present = Arrays.copyOf(present, n);
        objects = Arrays.copyOf(objects, n * width);
        longs = Arrays.copyOf(longs, n * width);
        doubles = Arrays.copyOf(doubles, n * width);
      }
      present[count] = 0;
      return count++;
    }

    /** The event's time; its last call, after which its values are checked. */
    void time(int i, long epochSecond, int nano) {
      check(i);
      seconds[i] = epochSecond;
      nanos[i] = nano;
      if (nano % 1_000_000 != 0 || epochSecond > MAX_SECOND || epochSecond < MIN_SECOND) {
        finerThanMillis = true; // then no columns are offered, and millis[i] is not read
      } else {
        millis[i] = epochSecond * 1000 + nano / 1_000_000;
      }
    }

    // Values are checked when the event ends (time(), the scanner's last call for an event), as
    // Event.of checked them when the scanner made the event.
    void setObject(int i, int k, Object v) {
      objects[i * width + k] = v;
      if (v != null) {
        present[i] |= 1L << k;
      }
    }

    void setLong(int i, int k, long v) {
      longs[i * width + k] = v;
      present[i] |= 1L << k;
    }

    void setDouble(int i, int k, double v) {
      doubles[i * width + k] = v;
      present[i] |= 1L << k;
    }

    // What Event.of checks and converts: objects to their canonical form; a number that is not
    // finite throws (as Values.canonical does).
    private void check(int i) {
      for (int k = 0; k < width; k++) {
        if ((present[i] & (1L << k)) == 0) {
          continue;
        }
        switch (propertyTypes[k]) {
          case INTEGER -> {}
          case NUMBER -> {
            double d = doubles[i * width + k];
            if (!Double.isFinite(d)) {
              Values.canonical(null, type.name(), names[k], AttributeType.NUMBER, d);
            }
          }
          case STRING, BOOLEAN, DATE, TIMESTAMP, STRING_SET, GEO_POINT -> {
            Object v = objects[i * width + k];
            objects[i * width + k] =
                Values.canonical(null, type.name(), names[k], propertyTypes[k], v);
          }
        }
      }
    }

    boolean wholeMillis() {
      return !finerThanMillis;
    }

    private int compareTimes(int a, int b) {
      int c = Long.compare(seconds[a], seconds[b]);
      return c != 0 ? c : Integer.compare(nanos[a], nanos[b]);
    }

    /** Sorts by time, stably; one pass when already in order. */
    void sort() {
      int i = 1;
      while (i < count && compareTimes(i - 1, i) <= 0) {
        i++;
      }
      if (i >= count) {
        return;
      }
      Integer[] order = new Integer[count];
      for (int j = 0; j < count; j++) {
        order[j] = j;
      }
      Arrays.sort(order, this::compareTimes); // a stable merge sort
      long[] s = seconds.clone();
      int[] n = nanos.clone();
      long[] ms = millis.clone();
      long[] p = present.clone();
      Object[] o = objects.clone();
      long[] l = longs.clone();
      double[] d = doubles.clone();
      for (int j = 0; j < count; j++) {
        int from = order[j];
        seconds[j] = s[from];
        nanos[j] = n[from];
        millis[j] = ms[from];
        present[j] = p[from];
        System.arraycopy(o, from * width, objects, j * width, width);
        System.arraycopy(l, from * width, longs, j * width, width);
        System.arraycopy(d, from * width, doubles, j * width, width);
      }
    }

    @Override
    public int size() {
      return count;
    }

    @Override
    public long epochMilli(int i) {
      if (i < 0 || i >= count) {
        throw new IndexOutOfBoundsException(i);
      }
      return millis[i];
    }

    @Override
    public ValueSource properties(int i) {
      if (i < 0 || i >= count) {
        throw new IndexOutOfBoundsException(i);
      }
      cursor.event = i;
      return cursor;
    }

    Object valueAt(int i, int k) {
      if ((present[i] & (1L << k)) == 0) {
        return null;
      }
      return switch (propertyTypes[k]) {
        case INTEGER -> longs[i * width + k];
        case NUMBER -> doubles[i * width + k];
        case STRING, BOOLEAN, DATE, TIMESTAMP, STRING_SET, GEO_POINT -> objects[i * width + k];
      };
    }

    // The property's position: `position` when the name there is `name`, else found by name.
    int indexOf(int position, String name) {
      if (position >= 0 && position < width) {
        String n = names[position];
        if (n == name || n.equals(name)) {
          return position;
        }
      }
      for (int k = 0; k < width; k++) {
        if (names[k].equals(name)) {
          return k;
        }
      }
      return -1;
    }

    /** The events as {@link Event}s, in time order, made once per line. */
    List<Event> list() {
      if (made == null) {
        if (count == 0) {
          made = ImmutableList.of();
        } else {
          Event[] all = new Event[count];
          for (int i = 0; i < count; i++) {
            Object[] values = new Object[width];
            for (int k = 0; k < width; k++) {
              values[k] = valueAt(i, k);
            }
            all[i] = Event.of(type, Instant.ofEpochSecond(seconds[i], nanos[i]), values);
          }
          made = Collections.unmodifiableList(Arrays.asList(all));
        }
      }
      return made;
    }

    /** Event {@link #event}'s properties, answered as {@link Event#value(int, String)} does. */
    private final class Cursor implements ValueSource {
      private int event;

      @Override
      public Object value(String attribute) {
        int k = indexOf(-1, attribute);
        return k < 0 ? null : valueAt(event, k);
      }

      @Override
      public Object value(int position, String attribute) {
        int k = indexOf(position, attribute);
        return k < 0 ? null : valueAt(event, k);
      }

      @Override
      public long longValue(int position, String attribute, long ifAbsent) {
        int k = indexOf(position, attribute);
        return k >= 0
                && propertyTypes[k] == AttributeType.INTEGER
                && (present[event] & (1L << k)) != 0
            ? longs[event * width + k]
            : ifAbsent;
      }

      @Override
      public double doubleValue(int position, String attribute, double ifAbsent) {
        int k = indexOf(position, attribute);
        return k >= 0
                && propertyTypes[k] == AttributeType.NUMBER
                && (present[event] & (1L << k)) != 0
            ? doubles[event * width + k]
            : ifAbsent;
      }
    }
  }
}
