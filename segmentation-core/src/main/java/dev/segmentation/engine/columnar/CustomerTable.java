package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.Values;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers stored by column for batch evaluation: one primitive array per attribute with a
 * validity bitmap for missing values, strings and tags dictionary-encoded, events per customer
 * sorted by time.
 *
 * <pre>{@code
 * CustomerTable.Builder b = CustomerTable.builder(schema);
 * customers.forEach(b::add);            // values are checked and copied
 * CustomerTable table = b.build();
 * table.bytesPerCustomer();             // what the table itself occupies
 * }</pre>
 *
 * Immutable once built, and safe to share between threads.
 */
public final class CustomerTable {

  private final Schema schema;
  private final int size;
  private final String[] ids;
  private final Map<String, Integer> rowsById;
  final Column[] columns; // by schema index
  final Map<String, EventColumn> events;

  private CustomerTable(Builder b) {
    this.schema = b.schema;
    this.size = b.size;
    this.ids = Arrays.copyOf(b.ids, b.size);
    this.rowsById = b.rowsById;
    this.columns = new Column[b.columns.length];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = b.columns[i].freeze(b.size);
    }
    Map<String, EventColumn> ev = new HashMap<>();
    for (Map.Entry<String, EventColumn.Builder> e : b.events.entrySet()) {
      ev.put(e.getKey(), e.getValue().freeze(b.size));
    }
    this.events = ev;
  }

  /** A builder of a table against {@code schema}. */
  public static Builder builder(Schema schema) {
    return new Builder(schema);
  }

  /** A table of the given customers, in order. */
  public static CustomerTable of(Schema schema, Iterable<? extends Customer> customers) {
    Builder b = builder(schema);
    for (Customer c : customers) {
      b.add(c);
    }
    return b.build();
  }

  public Schema schema() {
    return schema;
  }

  /** The number of customers (rows). */
  public int size() {
    return size;
  }

  /** The id of the customer at {@code row}. */
  public String id(int row) {
    return ids[row];
  }

  /** The row of the customer with this id, or -1. */
  public int row(String id) {
    Integer r = rowsById.get(id);
    return r == null ? -1 : r;
  }

  /**
   * Bytes held by the table's columns (values, validity bitmaps, dictionaries, tag and event
   * arrays); customer ids and their index are counted too, events held as objects are estimated.
   */
  public long bytes() {
    long total = 0;
    for (Column c : columns) {
      total += c.bytes();
    }
    for (EventColumn e : events.values()) {
      total += e.bytes();
    }
    long idBytes = 0;
    for (int i = 0; i < size; i++) {
      idBytes += 40 + ids[i].length(); // String header + array header + Latin-1 bytes
    }
    return total + idBytes + 8L * size + 48L * size; // id array + index entries
  }

  /** Bytes of the attribute columns only (no ids, no events), per customer. */
  public double columnBytesPerCustomer() {
    long total = 0;
    for (Column c : columns) {
      total += c.bytes();
    }
    return size == 0 ? 0 : (double) total / size;
  }

  /** {@link #bytes()} per customer. */
  public double bytesPerCustomer() {
    return size == 0 ? 0 : (double) bytes() / size;
  }

  /** The customer at {@code row} as an immutable {@link Customer} (for explanations and tests). */
  public Customer customer(int row) {
    RowView view = new RowView(this);
    view.row = row;
    return view.snapshot();
  }

  @Override
  public String toString() {
    return "CustomerTable[" + size + " customers, " + schema.attributes().size() + " attributes]";
  }

  // ------------------------------------------------------------------------------------ columns

  /** One attribute's values. Missing values have their validity bit clear. */
  abstract static class Column {
    final Attribute<?> attribute;
    long[] valid; // bit i set when row i has a value

    Column(Attribute<?> attribute) {
      this.attribute = attribute;
    }

    final boolean isValid(int row) {
      return (valid[row >>> 6] & (1L << row)) != 0;
    }

    abstract void set(int row, Object canonical);

    abstract Object get(int row);

    abstract Column freeze(int size);

    abstract long bytes();

    static Column of(Attribute<?> a) {
      switch (a.type()) {
        case INTEGER:
          return new LongColumn(a);
        case NUMBER:
          return new DoubleColumn(a);
        case BOOLEAN:
          return new BooleanColumn(a);
        case STRING:
          return new StringColumn(a);
        case DATE:
          return new DateColumn(a);
        case TIMESTAMP:
          return new TimestampColumn(a);
        case STRING_SET:
          return new TagColumn(a);
        case GEO_POINT:
          return new GeoColumn(a);
      }
      throw new AssertionError(a.type());
    }

    void grow(int capacity) {
      int words = (capacity + 63) >>> 6;
      if (valid == null) {
        valid = new long[words];
      } else if (valid.length < words) {
        valid = Arrays.copyOf(valid, Math.max(words, valid.length * 2));
      }
    }

    final void markValid(int row) {
      valid[row >>> 6] |= 1L << row;
    }

    final long[] trimmedValid(int size) {
      return Arrays.copyOf(valid == null ? new long[0] : valid, (size + 63) >>> 6);
    }
  }

  static final class LongColumn extends Column {
    long[] values = new long[0];

    LongColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void grow(int capacity) {
      super.grow(capacity);
      if (values.length < capacity) {
        values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
      }
    }

    @Override
    void set(int row, Object v) {
      values[row] = (Long) v;
      markValid(row);
    }

    @Override
    Object get(int row) {
      return isValid(row) ? values[row] : null;
    }

    @Override
    Column freeze(int size) {
      values = Arrays.copyOf(values, size);
      valid = trimmedValid(size);
      return this;
    }

    @Override
    long bytes() {
      return 8L * values.length + 8L * valid.length;
    }
  }

  static final class DoubleColumn extends Column {
    double[] values = new double[0];

    DoubleColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void grow(int capacity) {
      super.grow(capacity);
      if (values.length < capacity) {
        values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
      }
    }

    @Override
    void set(int row, Object v) {
      values[row] = (Double) v;
      markValid(row);
    }

    @Override
    Object get(int row) {
      return isValid(row) ? values[row] : null;
    }

    @Override
    Column freeze(int size) {
      values = Arrays.copyOf(values, size);
      valid = trimmedValid(size);
      return this;
    }

    @Override
    long bytes() {
      return 8L * values.length + 8L * valid.length;
    }
  }

  static final class BooleanColumn extends Column {
    long[] bits = new long[0];

    BooleanColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void grow(int capacity) {
      super.grow(capacity);
      int words = (capacity + 63) >>> 6;
      if (bits.length < words) {
        bits = Arrays.copyOf(bits, Math.max(words, bits.length * 2));
      }
    }

    @Override
    void set(int row, Object v) {
      if ((Boolean) v) {
        bits[row >>> 6] |= 1L << row;
      }
      markValid(row);
    }

    @Override
    Object get(int row) {
      return isValid(row) ? (bits[row >>> 6] & (1L << row)) != 0 : null;
    }

    @Override
    Column freeze(int size) {
      bits = Arrays.copyOf(bits, (size + 63) >>> 6);
      valid = trimmedValid(size);
      return this;
    }

    @Override
    long bytes() {
      return 8L * bits.length + 8L * valid.length;
    }
  }

  /** Dictionary-encoded strings: codes index {@link #dictionary}; -1 is no value. */
  static final class StringColumn extends Column {
    int[] codes = new int[0];
    final Map<String, Integer> index = new HashMap<>();
    final List<String> dictionary = new ArrayList<>();

    StringColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void grow(int capacity) {
      super.grow(capacity);
      if (codes.length < capacity) {
        codes = Arrays.copyOf(codes, Math.max(capacity, codes.length * 2));
      }
    }

    int code(String s) {
      Integer c = index.get(s);
      if (c == null) {
        c = dictionary.size();
        dictionary.add(s);
        index.put(s, c);
      }
      return c;
    }

    @Override
    void set(int row, Object v) {
      codes[row] = code((String) v);
      markValid(row);
    }

    @Override
    Object get(int row) {
      return isValid(row) ? dictionary.get(codes[row]) : null;
    }

    @Override
    Column freeze(int size) {
      codes = Arrays.copyOf(codes, size);
      valid = trimmedValid(size);
      return this;
    }

    @Override
    long bytes() {
      long dict = 0;
      for (String s : dictionary) {
        dict += 48 + s.length() + 32; // string, array and map entry
      }
      return 4L * codes.length + 8L * valid.length + dict;
    }
  }

  static final class DateColumn extends Column {
    int[] days = new int[0];

    DateColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void grow(int capacity) {
      super.grow(capacity);
      if (days.length < capacity) {
        days = Arrays.copyOf(days, Math.max(capacity, days.length * 2));
      }
    }

    @Override
    void set(int row, Object v) {
      long d = ((LocalDate) v).toEpochDay();
      if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
        throw new InvalidDataException(null, attribute.name(), "date " + v + " is out of range");
      }
      days[row] = (int) d;
      markValid(row);
    }

    @Override
    Object get(int row) {
      return isValid(row) ? LocalDate.ofEpochDay(days[row]) : null;
    }

    @Override
    Column freeze(int size) {
      days = Arrays.copyOf(days, size);
      valid = trimmedValid(size);
      return this;
    }

    @Override
    long bytes() {
      return 4L * days.length + 8L * valid.length;
    }
  }

  static final class TimestampColumn extends Column {
    long[] seconds = new long[0];
    int[] nanos = new int[0];

    TimestampColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void grow(int capacity) {
      super.grow(capacity);
      if (seconds.length < capacity) {
        int n = Math.max(capacity, seconds.length * 2);
        seconds = Arrays.copyOf(seconds, n);
        nanos = Arrays.copyOf(nanos, n);
      }
    }

    @Override
    void set(int row, Object v) {
      Instant t = (Instant) v;
      seconds[row] = t.getEpochSecond();
      nanos[row] = t.getNano();
      markValid(row);
    }

    @Override
    Object get(int row) {
      return isValid(row) ? Instant.ofEpochSecond(seconds[row], nanos[row]) : null;
    }

    @Override
    Column freeze(int size) {
      seconds = Arrays.copyOf(seconds, size);
      nanos = Arrays.copyOf(nanos, size);
      valid = trimmedValid(size);
      return this;
    }

    @Override
    long bytes() {
      return 12L * seconds.length + 8L * valid.length;
    }
  }

  /** Tag sets in compressed-row form: row i's codes are {@code codes[offsets[i]..offsets[i+1])}. */
  static final class TagColumn extends Column {
    int[] offsets = new int[1];
    int[] codes = new int[0];
    int used;
    final Map<String, Integer> index = new HashMap<>();
    final List<String> dictionary = new ArrayList<>();

    TagColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void grow(int capacity) {
      super.grow(capacity);
      if (offsets.length < capacity + 1) {
        offsets = Arrays.copyOf(offsets, Math.max(capacity + 1, offsets.length * 2));
      }
    }

    /** Rows are added in order; a missing set has an empty range. */
    void append(int row, ImmutableSet<?> set) {
      offsets[row] = used;
      if (set != null) {
        if (codes.length < used + set.size()) {
          codes = Arrays.copyOf(codes, Math.max(used + set.size(), codes.length * 2));
        }
        for (Object o : set) {
          String s = (String) o;
          Integer c = index.get(s);
          if (c == null) {
            c = dictionary.size();
            dictionary.add(s);
            index.put(s, c);
          }
          codes[used++] = c;
        }
        markValid(row);
      }
      offsets[row + 1] = used;
    }

    @Override
    void set(int row, Object v) {
      throw new AssertionError("tag columns are appended");
    }

    @Override
    Object get(int row) {
      if (!isValid(row)) {
        return null;
      }
      ImmutableSet.Builder<String> b = ImmutableSet.builder();
      for (int i = offsets[row]; i < offsets[row + 1]; i++) {
        b.add(dictionary.get(codes[i]));
      }
      return b.build();
    }

    @Override
    Column freeze(int size) {
      offsets = Arrays.copyOf(offsets, size + 1);
      codes = Arrays.copyOf(codes, used);
      valid = trimmedValid(size);
      return this;
    }

    @Override
    long bytes() {
      long dict = 0;
      for (String s : dictionary) {
        dict += 48 + s.length() + 32;
      }
      return 4L * offsets.length + 4L * codes.length + 8L * valid.length + dict;
    }
  }

  static final class GeoColumn extends Column {
    double[] lat = new double[0];
    double[] lon = new double[0];

    GeoColumn(Attribute<?> a) {
      super(a);
    }

    @Override
    void grow(int capacity) {
      super.grow(capacity);
      if (lat.length < capacity) {
        int n = Math.max(capacity, lat.length * 2);
        lat = Arrays.copyOf(lat, n);
        lon = Arrays.copyOf(lon, n);
      }
    }

    @Override
    void set(int row, Object v) {
      GeoPoint p = (GeoPoint) v;
      lat[row] = p.latitude();
      lon[row] = p.longitude();
      markValid(row);
    }

    @Override
    Object get(int row) {
      return isValid(row) ? new GeoPoint(lat[row], lon[row]) : null;
    }

    @Override
    Column freeze(int size) {
      lat = Arrays.copyOf(lat, size);
      lon = Arrays.copyOf(lon, size);
      valid = trimmedValid(size);
      return this;
    }

    @Override
    long bytes() {
      return 16L * lat.length + 8L * valid.length;
    }
  }

  /** One event type's events: row i's are {@code events[offsets[i]..offsets[i+1])}, by time. */
  static final class EventColumn {
    final int[] offsets;
    final Event[] events;

    EventColumn(int[] offsets, Event[] events) {
      this.offsets = offsets;
      this.events = events;
    }

    List<Event> of(int row) {
      int from = offsets[row];
      int to = offsets[row + 1];
      return from == to ? ImmutableList.of() : Arrays.asList(events).subList(from, to);
    }

    long bytes() {
      long total = 4L * offsets.length + 8L * events.length;
      for (Event e : events) {
        total += 64 + 48L * e.properties().size(); // event, instant, map entries and values
      }
      return total;
    }

    static final class Builder {
      int[] offsets = new int[1];
      Event[] events = new Event[0];
      int used;

      void append(int row, List<Event> list) {
        if (offsets.length < row + 2) {
          offsets = Arrays.copyOf(offsets, Math.max(row + 2, offsets.length * 2));
        }
        offsets[row] = used;
        if (events.length < used + list.size()) {
          events = Arrays.copyOf(events, Math.max(used + list.size(), events.length * 2));
        }
        Instant previous = null;
        for (Event e : list) {
          if (previous != null && e.timestamp().isBefore(previous)) {
            throw new InvalidDataException(
                null, null, "events of type \"" + e.type() + "\" are not sorted by time");
          }
          previous = e.timestamp();
          events[used++] = e;
        }
        offsets[row + 1] = used;
      }

      EventColumn freeze(int size) {
        // Every row appends a (possibly empty) range, so the offsets are complete and ascending.
        return new EventColumn(Arrays.copyOf(offsets, size + 1), Arrays.copyOf(events, used));
      }
    }
  }

  // ------------------------------------------------------------------------------------ builder

  /** Adds customers one by one, checking and copying their values. Not thread-safe. */
  public static final class Builder {
    private final Schema schema;
    private final Column[] columns;
    private final Map<String, EventColumn.Builder> events = new HashMap<>();
    private final Map<String, Integer> rowsById = new HashMap<>();
    private String[] ids = new String[16];
    private int size;

    private Builder(Schema schema) {
      if (schema == null) {
        throw new IllegalArgumentException("schema must not be null");
      }
      this.schema = schema;
      ImmutableList<Attribute<?>> attributes = schema.attributeList();
      this.columns = new Column[attributes.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = Column.of(attributes.get(i));
      }
      for (EventType t : schema.eventTypes().values()) {
        events.put(t.name(), new EventColumn.Builder());
      }
    }

    /**
     * Appends a customer.
     *
     * @throws InvalidDataException on a duplicate id or a value that does not fit the schema; the
     *     table is unchanged then
     */
    public Builder add(Customer customer) {
      if (customer == null) {
        throw new IllegalArgumentException("customer must not be null");
      }
      String id = customer.id();
      if (id == null || id.isEmpty()) {
        throw new InvalidDataException(null, null, "a customer needs a non-empty id");
      }
      if (rowsById.containsKey(id)) {
        throw new InvalidDataException(id, null, "duplicate customer id");
      }
      // Read and check everything first, so that a bad customer leaves the table unchanged.
      Object[] values = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        Attribute<?> a = columns[i].attribute;
        values[i] = Values.canonical(id, a, customer.value(a.name()));
      }
      List<List<Event>> eventLists = new ArrayList<>();
      for (EventType t : schema.eventTypes().values()) {
        List<Event> list = customer.events(t.name());
        eventLists.add(list == null ? ImmutableList.of() : list);
      }
      int row = size;
      if (row == Integer.MAX_VALUE - 1) {
        throw new IllegalStateException("a table holds at most " + (Integer.MAX_VALUE - 1));
      }
      if (ids.length <= row) {
        ids = Arrays.copyOf(ids, ids.length * 2);
      }
      for (int i = 0; i < columns.length; i++) {
        Column c = columns[i];
        c.grow(row + 1);
        if (c instanceof TagColumn tags) {
          tags.append(row, (ImmutableSet<?>) values[i]);
        } else if (values[i] != null) {
          c.set(row, values[i]);
        }
      }
      int k = 0;
      for (EventType t : schema.eventTypes().values()) {
        events.get(t.name()).append(row, eventLists.get(k++));
      }
      ids[row] = id;
      rowsById.put(id, row);
      size++;
      return this;
    }

    /** The number of customers added so far. */
    public int size() {
      return size;
    }

    public CustomerTable build() {
      for (Column c : columns) {
        c.grow(Math.max(size, 1));
      }
      return new CustomerTable(this);
    }
  }
}
