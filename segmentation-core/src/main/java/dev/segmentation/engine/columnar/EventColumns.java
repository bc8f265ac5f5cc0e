package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One event type's events for every row, by column: customer {@code r}'s events are {@code
 * [offsets[r], offsets[r + 1])}, sorted by time, with their instants in {@link #seconds} and {@link
 * #nanos} (null when every event is at a whole second) and their properties in {@link #properties},
 * a table whose rows are events and whose columns are the type's properties (so that event filters
 * are evaluated by the same kernels as customer conditions).
 */
final class EventColumns {
  final EventType type;
  final int[] offsets;
  final long[] seconds;
  final int[] nanos;
  final CustomerTable properties;

  private EventColumns(
      EventType type, Schema schema, int[] offsets, long[] seconds, int[] nanos, Column[] columns) {
    this.type = type;
    this.offsets = offsets;
    this.seconds = seconds;
    this.nanos = nanos;
    for (Column c : columns) {
      c.freeze(seconds.length);
    }
    this.properties = CustomerTable.ofEvents(schema, seconds.length, columns);
  }

  /**
   * Events from arrays of exactly their length ({@code rows + 1} offsets, one time per event) and
   * property columns not yet frozen, which it freezes; the arrays are kept.
   */
  static EventColumns of(
      EventType type, Schema schema, int[] offsets, long[] seconds, int[] nanos, Column[] columns) {
    assert offsets[offsets.length - 1] == seconds.length : "offsets end at the last event";
    assert nanos == null || nanos.length == seconds.length;
    return new EventColumns(type, schema, offsets, seconds, nanos, columns);
  }

  int count() {
    return seconds.length;
  }

  /** The events of row {@code row} as objects (allocates: for row views). */
  List<Event> of(int row) {
    int from = offsets[row];
    int to = offsets[row + 1];
    if (from == to) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<Event> out = ImmutableList.builderWithExpectedSize(to - from);
    Column[] columns = properties.columns;
    for (int e = from; e < to; e++) {
      ImmutableMap.Builder<String, Object> props = ImmutableMap.builder();
      for (Column c : columns) {
        Object v = c.get(e);
        if (v != null) {
          props.put(c.attribute.name(), v);
        }
      }
      Instant t = Instant.ofEpochSecond(seconds[e], nanos == null ? 0 : nanos[e]);
      out.add(new Event(type.name(), t, props.buildOrThrow()));
    }
    return out.build();
  }

  long bytes() {
    return 4L * offsets.length
        + 8L * seconds.length
        + (nanos == null ? 0 : 4L * nanos.length)
        + properties.columnBytes();
  }

  /** Appends each row's events; rows are added in order. */
  static final class Builder {
    private final EventType type;
    private final Schema schema;
    private final Column[] columns;
    private final String[] names; // of the properties, by column
    private int[] offsets = new int[16];
    private long[] seconds = new long[16];
    private int[] nanos;
    private int events;
    private int expectedRows; // the rows there will be in all (reserve), or 0 when not known

    Builder(EventType type) {
      this.type = type;
      this.schema = Schema.ofProperties(type);
      this.columns = new Column[schema.attributeList().size()];
      this.names = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = Column.of(schema.attributeList().get(i));
        names[i] = columns[i].attribute.name();
      }
    }

    /**
     * Sizes the offsets for {@code rows} customers in all, and lets the events' arrays grow to what
     * the rows so far project for that many rows (see {@link Column#grown(int, int, int, int)}).
     */
    void reserve(int rows) {
      expectedRows = Math.max(expectedRows, rows);
      if (offsets.length < rows + 1) {
        offsets = Arrays.copyOf(offsets, rows + 1);
      }
    }

    /** Whether {@code more} events still fit (event indexes are ints). */
    boolean fits(int more) {
      return events <= Integer.MAX_VALUE - 16 - more;
    }

    /**
     * Appends row {@code row}'s events, sorted by time. {@code values[k * p + i]} is the canonical
     * value of property {@code i} of event {@code k} (already checked), for {@code p} properties;
     * when {@code values} is null the events' own values are canonical already (events of a {@code
     * SchemaCustomer}) and are read from them.
     */
    void append(int row, List<Event> list, Object[] values) {
      int first = events;
      appendTimes(row, list, first);
      int p = columns.length;
      for (int k = 0; k < list.size(); k++) {
        for (int i = 0; i < p; i++) {
          columns[i].append(
              first + k,
              values == null ? list.get(k).properties().get(names[i]) : values[k * p + i]);
        }
      }
      events += list.size();
    }

    // Row `row`'s offsets and its events' times, the first at event index `e`; returns the next.
    private int appendTimes(int row, List<Event> list, int e) {
      if (offsets.length < row + 2) {
        offsets = Arrays.copyOf(offsets, Column.grown(offsets.length, row + 2));
      }
      offsets[row] = e;
      int n = list.size();
      if (seconds.length < e + n) {
        int capacity = Column.grown(seconds.length, e + n, row + 1, expectedRows);
        seconds = Arrays.copyOf(seconds, capacity);
        if (nanos != null) {
          nanos = Arrays.copyOf(nanos, capacity);
        }
        for (Column c : columns) {
          c.reserve(capacity); // the properties grow with the times, not event by event
        }
      }
      for (int k = 0; k < n; k++) {
        Instant t = list.get(k).timestamp();
        seconds[e + k] = t.getEpochSecond();
        if (t.getNano() != 0) {
          if (nanos == null) {
            nanos = new int[seconds.length];
          }
          nanos[e + k] = t.getNano();
        }
      }
      offsets[row + 1] = e + n;
      return e + n;
    }

    /** The events the arrays hold room for (for tests of the growth). */
    int capacity() {
      return seconds.length;
    }

    /** The number of properties (columns) of the type. */
    int properties() {
      return columns.length;
    }

    Schema schema() {
      return schema;
    }

    EventColumns freeze(int rows) {
      return new EventColumns(
          type,
          schema,
          Arrays.copyOf(offsets, rows + 1),
          Arrays.copyOf(seconds, events),
          nanos == null ? null : Arrays.copyOf(nanos, events),
          columns);
    }
  }
}
