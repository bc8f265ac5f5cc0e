package dev.segmentation.engine.columnar;

import dev.segmentation.model.Attribute;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import java.util.List;

/**
 * Builds a {@link CustomerTable} in bulk from columns the caller already has: primitive arrays per
 * attribute, optionally the customers' ids, and events per type as columns. Start it with {@link
 * CustomerTable#fromColumns(Schema, int)}:
 *
 * <pre>{@code
 * BitSet noAge = new BitSet();
 * noAge.set(2); // row 2 has no age
 * CustomerTable table =
 *     CustomerTable.fromColumns(schema, 3)
 *         .longs("age", new long[] {34, 19, 0}, noAge)
 *         .strings("country", new String[] {"FI", "SE", null})
 *         .events("purchase", new int[] {0, 0, 2}, new long[] {1_000, 2_000, 1_500})
 *         .doubles("amount", new double[] {9.5, 20, 3}, null)
 *         .table() // back to the table's columns
 *         .build(); // no ids(...): counts and member rows only
 * }</pre>
 *
 * <p>Every setter checks its column at once (the column's declared type, its length, each value's
 * range: NaN, epoch days beyond {@code LocalDate}, codes outside the dictionary, events out of
 * order) and throws an {@link IllegalArgumentException} naming the column and the row; no table
 * exists until {@link #build()}, so nothing is ever half-built. Values are copied: the caller's
 * arrays may be reused afterwards. An attribute without a column has no value in any row.
 *
 * <p>Without {@link #ids} the table has no customer ids: counts, member rows ({@code members}),
 * scores and tiers work as usual, while everything that needs an id ({@link CustomerTable#id},
 * {@link CustomerTable#row}, {@code memberIds}, {@code diff}) throws an {@link
 * IllegalStateException} that says so. Not thread-safe; {@link #build()} ends it.
 */
public final class TableColumns extends ColumnValues<TableColumns> {
  private final Schema schema;
  private final int rows;
  private final Column[] columns; // by schema index, null until given
  private final Events[] events; // by the schema's event type order, null until given
  private final List<EventType> eventTypes;
  private CustomerIds ids;
  private boolean built;

  TableColumns(Schema schema, int rows) {
    if (schema == null) {
      throw new IllegalArgumentException("schema must not be null");
    }
    if (rows < 0 || rows > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException(
          "a table holds between 0 and 2^31 - 64 customers, got " + rows);
    }
    this.schema = schema;
    this.rows = rows;
    this.columns = new Column[schema.attributeList().size()];
    this.eventTypes = List.copyOf(schema.eventTypes().values());
    this.events = new Events[eventTypes.size()];
  }

  /** The customers' ids, one per row: non-empty and distinct. Without them the table has no ids. */
  public TableColumns ids(String[] ids) {
    checkOpen();
    if (ids == null) {
      throw new IllegalArgumentException("ids must not be null");
    }
    if (ids.length != rows) {
      throw new IllegalArgumentException("ids has " + ids.length + " values for " + rows + " rows");
    }
    if (this.ids != null) {
      throw new IllegalArgumentException("ids are given twice");
    }
    CustomerIds store = new CustomerIds();
    store.reserve(rows);
    for (int r = 0; r < rows; r++) {
      String id = ids[r];
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("ids, row " + r + ": a customer needs a non-empty id");
      }
      if (!store.stage(id)) {
        throw new IllegalArgumentException(
            "ids, row " + r + ": \"" + id + "\" is the id of row " + store.row(id) + " too");
      }
      store.commit();
    }
    store.freeze();
    this.ids = store;
    return this;
  }

  /**
   * The events of one type as columns, {@code rows[k]} the row of event {@code k} and {@code
   * epochMillis[k]} its instant: listed by row, and each customer's oldest first (events at the
   * same instant keep their order). Fill their properties on the returned {@link Events}.
   */
  public Events events(String type, int[] rows, long[] epochMillis) {
    checkOpen();
    EventType t = type == null ? null : schema.eventType(type);
    if (t == null) {
      throw new IllegalArgumentException("the schema declares no event type \"" + type + "\"");
    }
    int index = eventTypes.indexOf(t);
    if (events[index] != null) {
      throw new IllegalArgumentException("events \"" + type + "\" are given twice");
    }
    Events e = new Events(this, t, rows, epochMillis);
    events[index] = e;
    return e;
  }

  /** The table; the builder cannot be used afterwards. */
  public CustomerTable build() {
    checkOpen();
    built = true;
    List<Attribute<?>> attributes = schema.attributeList();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == null) {
        columns[i] = empty(attributes.get(i), rows);
      }
      columns[i].freeze(rows);
    }
    EventColumns[] frozen = new EventColumns[events.length];
    for (int t = 0; t < events.length; t++) {
      Events e =
          events[t] == null
              ? new Events(this, eventTypes.get(t), new int[0], new long[0])
              : events[t];
      frozen[t] = e.freeze();
    }
    return CustomerTable.ofColumns(schema, rows, ids, columns, frozen);
  }

  private void checkOpen() {
    if (built) {
      throw new IllegalStateException("these columns have already built their table");
    }
  }

  @Override
  Attribute<?> declared(String name) {
    return schema.attribute(name);
  }

  @Override
  String describe(String name) {
    return "column \"" + name + "\"";
  }

  @Override
  int length() {
    return rows;
  }

  @Override
  void put(Attribute<?> attribute, Column column) {
    checkOpen();
    keep(columns, schema.indexOf(attribute.name()), column, attribute.name());
  }

  @Override
  TableColumns self() {
    return this;
  }

  /**
   * The events of one type: their properties are filled by the same setters as attributes, one
   * value per event (in the order the events were given).
   */
  public static final class Events extends ColumnValues<Events> {
    private final TableColumns table;
    private final EventType type;
    private final Schema properties;
    private final Column[] columns;
    private final int[] offsets;
    private final long[] seconds;
    private final int[] nanos; // null when every event is at a whole second

    private Events(TableColumns table, EventType type, int[] rows, long[] epochMillis) {
      this.table = table;
      this.type = type;
      this.properties = Schema.ofProperties(type);
      this.columns = new Column[properties.attributeList().size()];
      String name = "events \"" + type.name() + "\"";
      if (rows == null || epochMillis == null) {
        throw new IllegalArgumentException(name + ": rows and epochMillis must not be null");
      }
      if (rows.length != epochMillis.length) {
        throw new IllegalArgumentException(
            name + " has " + rows.length + " rows for " + epochMillis.length + " epochMillis");
      }
      int n = rows.length;
      this.offsets = new int[table.rows + 1];
      this.seconds = new long[n];
      int[] nanos = null;
      for (int k = 0; k < n; k++) {
        int r = rows[k];
        if (r < 0 || r >= table.rows) {
          throw new IllegalArgumentException(
              name + ", event " + k + ": row " + r + " is not one of the " + table.rows + " rows");
        }
        if (k > 0 && (r < rows[k - 1] || r == rows[k - 1] && epochMillis[k] < epochMillis[k - 1])) {
          throw new IllegalArgumentException(
              name
                  + ", event "
                  + k
                  + ": comes before event "
                  + (k - 1)
                  + " (row "
                  + rows[k - 1]
                  + "); list events by row, each customer's oldest first");
        }
        offsets[r + 1]++;
        long ms = epochMillis[k];
        seconds[k] = Math.floorDiv(ms, 1000);
        int nano = nanoOfMilli(ms);
        if (nano != 0) {
          if (nanos == null) {
            nanos = new int[n];
          }
          nanos[k] = nano;
        }
      }
      for (int r = 0; r < table.rows; r++) {
        offsets[r + 1] += offsets[r];
      }
      this.nanos = nanos;
    }

    /** Back to the table's columns. */
    public TableColumns table() {
      return table;
    }

    EventColumns freeze() {
      List<Attribute<?>> declared = properties.attributeList();
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] == null) {
          columns[i] = empty(declared.get(i), seconds.length);
        }
      }
      return EventColumns.of(type, properties, offsets, seconds, nanos, columns);
    }

    @Override
    Attribute<?> declared(String name) {
      return properties.attribute(name);
    }

    @Override
    String describe(String name) {
      return "property \"" + name + "\" of events \"" + type.name() + "\"";
    }

    @Override
    int length() {
      return seconds.length;
    }

    @Override
    void put(Attribute<?> attribute, Column column) {
      table.checkOpen();
      keep(columns, properties.indexOf(attribute.name()), column, attribute.name());
    }

    @Override
    Events self() {
      return this;
    }
  }
}
