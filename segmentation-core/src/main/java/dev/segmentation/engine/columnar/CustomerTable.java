package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.internal.EventOrder;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.model.Values;
import java.util.Arrays;
import java.util.List;

/**
 * Customers stored by column for batch evaluation: one primitive array per attribute with a
 * validity bitmap for missing values, strings and tags dictionary-encoded, events per customer
 * sorted by time with their properties in columns too. Each column takes the narrowest form that
 * holds its values (see {@link #columnBytesPerCustomer()}).
 *
 * <pre>{@code
 * CustomerTable.Builder b = CustomerTable.builder(schema);
 * customers.forEach(b::add);            // values are checked and copied; any source can stream in
 * CustomerTable table = b.build();
 * table.bytesPerCustomer();             // what the table itself occupies
 * }</pre>
 *
 * Immutable once built, and safe to share between threads.
 */
public final class CustomerTable {

  private final Schema schema;
  private final int size;
  private final CustomerIds ids; // null for a table of events' properties or without ids
  private final boolean eventRows; // a table of events' properties, whose rows are events
  final Column[] columns; // by schema index
  final EventColumns[] events; // by the schema's event type order
  private final ImmutableMap<String, Integer> eventIndex;

  private CustomerTable(
      Schema schema,
      int size,
      CustomerIds ids,
      boolean eventRows,
      Column[] columns,
      EventColumns[] events) {
    this.schema = schema;
    this.size = size;
    this.ids = ids;
    this.eventRows = eventRows;
    this.columns = columns;
    this.events = events;
    ImmutableMap.Builder<String, Integer> index = ImmutableMap.builder();
    for (int i = 0; i < events.length; i++) {
      index.put(events[i].type.name(), i);
    }
    this.eventIndex = index.buildOrThrow();
  }

  /** The events' properties as a table of {@code size} rows (frozen columns, no ids). */
  static CustomerTable ofEvents(Schema propertySchema, int size, Column[] columns) {
    return new CustomerTable(propertySchema, size, null, true, columns, new EventColumns[0]);
  }

  /** A table of frozen columns (ids may be null: a table without customer ids). */
  static CustomerTable ofColumns(
      Schema schema, int size, CustomerIds ids, Column[] columns, EventColumns[] events) {
    return new CustomerTable(schema, size, ids, false, columns, events);
  }

  /**
   * A table built in bulk from columns the caller already has (primitive arrays, optionally ids):
   * see {@link TableColumns}.
   *
   * <pre>{@code
   * CustomerTable table =
   *     CustomerTable.fromColumns(schema, 2).longs("age", new long[] {34, 19}, null).build();
   * }</pre>
   *
   * @param rows the number of customers; every column holds one value per customer
   */
  public static TableColumns fromColumns(Schema schema, int rows) {
    return new TableColumns(schema, rows);
  }

  /** A builder of a table against {@code schema}. */
  public static Builder builder(Schema schema) {
    return new Builder(schema);
  }

  /** A table of the given customers, in order. */
  public static CustomerTable of(Schema schema, Iterable<? extends Customer> customers) {
    Builder b = builder(schema);
    if (customers == null) {
      throw new IllegalArgumentException("customers must not be null");
    }
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

  /**
   * The id of the customer at {@code row}.
   *
   * @throws IllegalStateException when the table has no ids (built from columns without {@code
   *     ids})
   */
  public String id(int row) {
    checkRow(row);
    if (ids == null) {
      if (eventRows) {
        return "event " + row;
      }
      throw noIds("id(" + row + ")");
    }
    return ids.id(row);
  }

  /** Whether the table knows its customers' ids (a table built from columns may not). */
  public boolean hasIds() {
    return ids != null;
  }

  /** Throws unless the table has customer ids, naming {@code what} needed them. */
  void requireIds(String what) {
    if (ids == null && !eventRows) {
      throw noIds(what);
    }
  }

  private static IllegalStateException noIds(String what) {
    return new IllegalStateException(
        what
            + " needs customer ids, and this table was built from columns without ids: give"
            + " ids(...) to CustomerTable.fromColumns, or use rows (members, counts)");
  }

  /**
   * For each row, the row of the same customer id in {@code other}, or -1 (both tables of
   * customers, not of events).
   */
  int[] rowsIn(CustomerTable other) {
    assert ids != null && other.ids != null : "tables of events have no ids";
    return ids.rowsIn(other.ids);
  }

  /** The row of the customer with this id, or -1. */
  public int row(String id) {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    requireIds("row(\"" + id + "\")");
    return ids == null ? -1 : ids.row(id);
  }

  /** Throws unless {@code row} is a row of this table, naming it and the rows there are. */
  void checkRow(int row) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException(
          "row "
              + row
              + " is out of range: "
              + (size == 0
                  ? "the table has no customers"
                  : "the table has " + size + " customers, rows 0 to " + (size - 1)));
    }
  }

  /** The columns of one event type, or null when the schema has no such type. */
  EventColumns events(String type) {
    Integer i = eventIndex.get(type);
    return i == null ? null : events[i];
  }

  /**
   * Bytes the table occupies: its attribute columns (values, validity bitmaps, dictionaries), its
   * events (offsets, times and property columns) and its customer ids with their index.
   */
  public long bytes() {
    long total = columnBytes() + (ids == null ? 0 : ids.bytes());
    for (EventColumns e : events) {
      total += e.bytes();
    }
    return total;
  }

  long columnBytes() {
    long total = 0;
    for (Column c : columns) {
      total += c.bytes();
    }
    return total;
  }

  /** Bytes of the attribute columns only (no ids, no events), per customer. */
  public double columnBytesPerCustomer() {
    return size == 0 ? 0 : (double) columnBytes() / size;
  }

  /** {@link #bytes()} per customer. */
  public double bytesPerCustomer() {
    return size == 0 ? 0 : (double) bytes() / size;
  }

  /** The number of events of one type in the table (0 for a type the schema lacks). */
  public long eventCount(String type) {
    if (type == null) {
      throw new IllegalArgumentException("event type must not be null");
    }
    EventColumns e = events(type);
    return e == null ? 0 : e.count();
  }

  /**
   * The customer at {@code row} as an immutable {@link Customer} (for explanations and tests); in a
   * table without ids its id is {@code "row N"}, {@code N} the row.
   */
  public Customer customer(int row) {
    checkRow(row);
    RowView view = new RowView(this);
    view.row = row;
    return view.snapshot();
  }

  @Override
  public String toString() {
    return "CustomerTable[" + size + " customers, " + schema.attributes().size() + " attributes]";
  }

  // ------------------------------------------------------------------------------------ builder

  /**
   * Adds customers one by one, checking and copying their values; any source can stream in, and
   * only the columns are kept. Not thread-safe; {@link #build()} ends it.
   */
  public static final class Builder {
    private final Schema schema;
    private final List<Attribute<?>> attributes;
    private final Column[] columns;
    private final ImmutableList<EventType> eventTypes;
    private final EventColumns.Builder[] events;
    private final CustomerIds ids = new CustomerIds();
    // Staging of one customer's checked values, reused: by column, and by event type.
    private final Object[] values;
    private final List<Event>[] lists;
    private final Object[][] properties; // event k's property i at [k * properties + i]
    private Schema checkedSchema; // a schema equal to `schema`, seen on a SchemaCustomer
    private int size;
    private boolean built;

    private Builder(Schema schema) {
      if (schema == null) {
        throw new IllegalArgumentException("schema must not be null");
      }
      this.schema = schema;
      this.attributes = schema.attributeList();
      this.columns = new Column[attributes.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = Column.of(attributes.get(i));
      }
      this.eventTypes = ImmutableList.copyOf(schema.eventTypes().values());
      this.events = new EventColumns.Builder[eventTypes.size()];
      for (int i = 0; i < events.length; i++) {
        events[i] = new EventColumns.Builder(eventTypes.get(i));
      }
      this.values = new Object[columns.length];
      @SuppressWarnings("unchecked")
      List<Event>[] lists = (List<Event>[]) new List<?>[events.length];
      this.lists = lists;
      this.properties = new Object[events.length][0];
    }

    /**
     * Sizes the columns, the id index and the events' offsets for {@code customers} customers in
     * all, so that adding them copies no column while it grows (a hint: more may be added, at the
     * cost of growing). Events grow by half of what they hold each time they run out.
     */
    public Builder expectedSize(int customers) {
      if (built) {
        throw new IllegalStateException("this builder has already built its table");
      }
      if (customers < 0 || customers > Integer.MAX_VALUE - 64) {
        throw new IllegalArgumentException(
            "expectedSize must be between 0 and 2^31 - 64, got " + customers);
      }
      for (Column c : columns) {
        c.reserve(customers);
      }
      for (EventColumns.Builder e : events) {
        e.reserve(customers);
      }
      ids.reserve(customers);
      return this;
    }

    /**
     * Appends a customer.
     *
     * <p>Events may come in any order: each type's list is checked in one pass and, when not sorted
     * by time, a sorted copy is stored (see {@link EventOrder}). A {@link SchemaCustomer} of this
     * builder's schema was checked when it was built: its values are copied without checking them
     * again.
     *
     * @throws InvalidDataException on a duplicate id, a value that does not fit the schema, or a
     *     null list or event, naming the customer; the table is unchanged then
     */
    public Builder add(Customer customer) {
      if (built) {
        throw new IllegalStateException("this builder has already built its table");
      }
      if (customer == null) {
        throw new IllegalArgumentException("customer must not be null");
      }
      String id = customer.id();
      if (id == null || id.isEmpty()) {
        throw new InvalidDataException(null, null, "a customer needs a non-empty id");
      }
      if (size == Integer.MAX_VALUE - 64) {
        throw new IllegalStateException("a table holds at most " + size + " customers");
      }
      if (!ids.stage(id)) {
        throw new InvalidDataException(id, null, "duplicate customer id");
      }
      // Read and check everything first, so that a bad customer leaves the table unchanged (the
      // staged id is dropped by the next stage).
      if (customer instanceof SchemaCustomer checked && isOurs(checked.schema())) {
        appendChecked(checked);
      } else {
        stage(id, customer);
        appendStaged();
      }
      ids.commit();
      size++;
      return this;
    }

    /**
     * Appends customers in order, as {@link #add} one by one, with the columns of a run of {@link
     * SchemaCustomer}s of this builder's schema filled by up to two threads (the caller and one of
     * the library's helpers when {@code parallelism} is 2 or more): one fills the attribute
     * columns, the other the events. The ids are checked first, on the calling thread.
     *
     * <pre>{@code
     * CustomerTable table = CustomerTable.builder(schema).addAll(customers, 2).build();
     * }</pre>
     *
     * @throws InvalidDataException as {@link #add} does, naming the customer: the customers before
     *     it are added, it and those after it are not
     */
    public Builder addAll(List<? extends Customer> customers, int parallelism) {
      if (customers == null) {
        throw new IllegalArgumentException("customers must not be null");
      }
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
      }
      int n = customers.size();
      int from = 0;
      while (from < n) {
        int to = checkedRun(customers, from);
        if (to > from) {
          fill(customers, from, to, parallelism);
        }
        if (to < n) {
          add(customers.get(to)); // not a SchemaCustomer of this schema, or it fails as add does
          to++;
        }
        from = to;
      }
      return this;
    }

    /*
     * Commits the ids of the SchemaCustomers of this schema from `from` on and returns the end of
     * their run: at a customer that is not one, whose id is a duplicate, or whose events would not
     * fit, which add() then appends or rejects. Their columns are filled by fill() next.
     */
    private int checkedRun(List<? extends Customer> customers, int from) {
      if (built) {
        throw new IllegalStateException("this builder has already built its table");
      }
      long[] more = new long[events.length];
      int to = from;
      for (; to < customers.size(); to++) {
        if (!(customers.get(to) instanceof SchemaCustomer c)
            || !isOurs(c.schema())
            || size + (to - from) == Integer.MAX_VALUE - 64
            || !fits(c, more)
            || !ids.stage(c.id())) {
          break;
        }
        ids.commit();
      }
      return to;
    }

    // Whether the customer's events fit after `more` (counted per type, then added to `more`).
    private boolean fits(SchemaCustomer c, long[] more) {
      for (int t = 0; t < events.length; t++) {
        long m = more[t] + c.events(eventTypes.get(t).name()).size();
        if (m > Integer.MAX_VALUE || !events[t].fits((int) m)) {
          return false;
        }
      }
      for (int t = 0; t < events.length; t++) {
        more[t] += c.events(eventTypes.get(t).name()).size();
      }
      return true;
    }

    /*
     * Fills the columns of customers[from..to), whose ids are committed, as two tasks that may run
     * in parallel: the attribute columns, and the events. Each goes through the customers in
     * order and touches each once (by column would read every customer once per column, which
     * measured slower than one thread).
     */
    private void fill(List<? extends Customer> customers, int from, int to, int parallelism) {
      int first = size;
      Parallel.run(
          2,
          parallelism,
          () ->
              task -> {
                for (int k = from; k < to; k++) {
                  SchemaCustomer c = (SchemaCustomer) customers.get(k);
                  int row = first + k - from;
                  if (task == 0) {
                    for (int i = 0; i < columns.length; i++) {
                      columns[i].append(row, c.valueAt(i));
                    }
                  } else {
                    for (int t = 0; t < events.length; t++) {
                      events[t].append(row, c.events(eventTypes.get(t).name()), null);
                    }
                  }
                }
              });
      size += to - from;
    }

    // Whether customers of `other` hold canonical values of exactly this builder's schema.
    private boolean isOurs(Schema other) {
      if (other == checkedSchema) {
        return true;
      }
      if (other.equals(schema)) {
        checkedSchema = other;
        return true;
      }
      return false;
    }

    // The values of a SchemaCustomer of this schema are canonical and its events sorted and
    // checked.
    private void appendChecked(SchemaCustomer customer) {
      for (int t = 0; t < events.length; t++) {
        lists[t] = customer.events(eventTypes.get(t).name());
        checkFits(t);
      }
      int row = size;
      for (int i = 0; i < columns.length; i++) {
        columns[i].append(row, customer.valueAt(i));
      }
      for (int t = 0; t < events.length; t++) {
        events[t].append(row, lists[t], null);
        lists[t] = null;
      }
    }

    // Reads and checks every value of the customer into the reused staging arrays.
    private void stage(String id, Customer customer) {
      for (int i = 0; i < columns.length; i++) {
        Attribute<?> a = attributes.get(i);
        values[i] = Values.canonical(id, a, customer.value(a.name()));
      }
      for (int t = 0; t < events.length; t++) {
        String type = eventTypes.get(t).name();
        List<Event> list = EventOrder.inTimeOrder(id, type, customer.events(type));
        lists[t] = list;
        List<Attribute<?>> declared = events[t].schema().attributeList();
        int p = declared.size();
        if (properties[t].length < list.size() * p) {
          properties[t] = new Object[Column.grown(properties[t].length, list.size() * p)];
        }
        for (int k = 0; k < list.size(); k++) {
          Event e = list.get(k);
          for (int i = 0; i < p; i++) {
            Attribute<?> a = declared.get(i);
            properties[t][k * p + i] =
                Values.canonical(id, e.type(), a.name(), a.type(), e.properties().get(a.name()));
          }
        }
        checkFits(t);
      }
    }

    private void checkFits(int t) {
      if (!events[t].fits(lists[t].size())) {
        throw new IllegalStateException(
            "a table holds at most 2^31 events of type \"" + eventTypes.get(t).name() + "\"");
      }
    }

    private void appendStaged() {
      int row = size;
      for (int i = 0; i < columns.length; i++) {
        columns[i].append(row, values[i]);
        values[i] = null;
      }
      for (int t = 0; t < events.length; t++) {
        events[t].append(row, lists[t], properties[t]);
        // drops the references for the collector
        Arrays.fill(properties[t], 0, lists[t].size() * events[t].properties(), null);
        lists[t] = null;
      }
    }

    /** The events of type {@code t} (schema order) the builder has room for (for tests). */
    int eventCapacity(int t) {
      return events[t].capacity();
    }

    /** The number of customers added so far. */
    public int size() {
      return size;
    }

    /** The table of the customers added; the builder cannot be used afterwards. */
    public CustomerTable build() {
      if (built) {
        throw new IllegalStateException("this builder has already built its table");
      }
      built = true;
      for (Column c : columns) {
        c.freeze(size);
      }
      EventColumns[] frozen = new EventColumns[events.length];
      for (int t = 0; t < events.length; t++) {
        frozen[t] = events[t].freeze(size);
      }
      ids.freeze();
      return new CustomerTable(schema, size, ids, false, columns, frozen);
    }
  }
}
