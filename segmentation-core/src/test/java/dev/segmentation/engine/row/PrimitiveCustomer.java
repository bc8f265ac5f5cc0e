package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.SCHEMA;

import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.model.Values;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A service's object as the primitive read path is meant for: integers, numbers, dates (epoch days)
 * and whole-millisecond timestamps (epoch milliseconds) in primitive slots with a presence flag,
 * answered by position without boxing; {@link #value(int, String)} boxes them (a {@code Double}, a
 * {@code LocalDate}, an {@code Instant}), so an engine that reads values boxed allocates. An
 * instant finer than a millisecond is kept as it is and read boxed. When {@code asking}, every
 * primitive read answers the caller's "ask value()" instead, which must change nothing.
 */
final class PrimitiveCustomer implements Customer {
  private static final AttributeType[] TYPES =
      SCHEMA.attributeList().stream().map(a -> a.type()).toArray(AttributeType[]::new);
  private static final String[] NAMES =
      SCHEMA.attributeList().stream().map(a -> a.name()).toArray(String[]::new);

  private final String id;
  private final boolean asking;
  private final boolean[] present = new boolean[NAMES.length];
  private final long[] longs = new long[NAMES.length]; // integers, epoch days, epoch millis
  private final double[] doubles = new double[NAMES.length];
  private final Object[] objects = new Object[NAMES.length]; // everything else
  private final SchemaCustomer source; // for its events

  private PrimitiveCustomer(SchemaCustomer c, boolean asking) {
    this.id = c.id();
    this.asking = asking;
    for (int i = 0; i < NAMES.length; i++) {
      Object v = c.valueAt(i);
      present[i] = v != null;
      if (v instanceof Long l) {
        longs[i] = l;
      } else if (v instanceof Double d) {
        doubles[i] = d;
      } else if (v instanceof LocalDate d) {
        longs[i] = d.toEpochDay();
      } else if (v instanceof Instant t
          && Values.epochMilliOrElse(t, Long.MIN_VALUE) != Long.MIN_VALUE) {
        longs[i] = t.toEpochMilli();
      } else {
        objects[i] = v;
      }
    }
    this.source = c;
  }

  static PrimitiveCustomer of(SchemaCustomer c) {
    return new PrimitiveCustomer(c, false);
  }

  /** A customer holding {@code value} (or nothing) for one attribute of the fixtures' schema. */
  static PrimitiveCustomer of(String attribute, Object value, boolean asking) {
    return new PrimitiveCustomer(Fixtures.customer("c", attribute, value), asking);
  }

  @Override
  public String id() {
    return id;
  }

  /** The position when {@code attribute} is there, else -1 (then the reads answer by name). */
  private static int at(int position, String attribute) {
    return position >= 0 && position < NAMES.length && NAMES[position].equals(attribute)
        ? position
        : -1;
  }

  @Override
  public Object value(int position, String attribute) {
    int i = at(position, attribute);
    if (i < 0) {
      return value(attribute);
    }
    if (!present[i] || objects[i] != null) {
      return objects[i];
    }
    return switch (TYPES[i]) {
      case INTEGER -> longs[i];
      case NUMBER -> doubles[i];
      case DATE -> LocalDate.ofEpochDay(longs[i]);
      case TIMESTAMP -> Instant.ofEpochMilli(longs[i]);
      case STRING, BOOLEAN, STRING_SET, GEO_POINT -> throw new AssertionError(TYPES[i]);
    };
  }

  @Override
  public Object value(String attribute) {
    int i = SCHEMA.indexOf(attribute);
    return i < 0 ? null : value(i, NAMES[i]);
  }

  /** The primitive at {@code position} when it holds one of {@code type}, else {@code ifAbsent}. */
  private long primitive(int position, String attribute, AttributeType type, long ifAbsent) {
    int i = at(position, attribute);
    // ifAbsent is always a correct answer: the caller then reads value().
    if (asking || i < 0 || TYPES[i] != type || !present[i] || objects[i] != null) {
      return ifAbsent;
    }
    return longs[i];
  }

  @Override
  public long longValue(int position, String attribute, long ifAbsent) {
    return primitive(position, attribute, AttributeType.INTEGER, ifAbsent);
  }

  @Override
  public long epochDayValue(int position, String attribute, long ifAbsent) {
    return primitive(position, attribute, AttributeType.DATE, ifAbsent);
  }

  @Override
  public long epochMilliValue(int position, String attribute, long ifAbsent) {
    return primitive(position, attribute, AttributeType.TIMESTAMP, ifAbsent);
  }

  @Override
  public double doubleValue(int position, String attribute, double ifAbsent) {
    int i = at(position, attribute);
    if (asking || i < 0 || TYPES[i] != AttributeType.NUMBER || !present[i]) {
      return ifAbsent;
    }
    return doubles[i];
  }

  @Override
  public List<Event> events(String eventType) {
    return source.events(eventType);
  }

  @Override
  public String toString() {
    return "PrimitiveCustomer{" + id + (asking ? ", asking" : "") + "}";
  }
}
