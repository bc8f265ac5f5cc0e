package dev.segmentation.plan.eval;

import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.internal.EpochTime;
import dev.segmentation.internal.ExactSum;
import dev.segmentation.internal.NumericLiteral;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventColumns;
import dev.segmentation.model.ValueSource;
import dev.segmentation.model.Values;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An event condition: over the customer's events of one type inside the window (found by binary
 * search on the timestamps, read once per evaluation in time order by {@link EventReads}; never
 * after {@code asOf}) for which {@code where} is TRUE, compute the aggregate and compare it. COUNT,
 * SUM and DISTINCT_COUNT are 0 over no events; AVG, MIN, MAX and DAYS_SINCE_* have no value then,
 * and the node is UNKNOWN. Property values that are missing are skipped. SUM is the exact sum of
 * the values rounded once (a long when they are all integers and the sum fits one), AVG that sum as
 * a double divided by the count, so that neither depends on the order of the events ({@link
 * ExactSum}, this thread's). Only DISTINCT_COUNT allocates (a hash set of the values seen).
 *
 * <p>Event conditions of a program that compute the same aggregate (same event type, filter,
 * window, aggregate and property) and differ only in the comparison share an {@link Aggregation}:
 * the first of them to run in an evaluation keeps the aggregate's value ({@link
 * EventReads.Shared}), the others compare it without reading the events again. Explanations always
 * compute.
 */
final class EventNode extends Node {
  // The kinds of an aggregate's value.
  private static final byte NO_VALUE = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;
  private static final byte NUMBER = 3;

  /**
   * An aggregate that event conditions of one program compute: how many conditions use it, and,
   * once the program is compiled, the slot in which an evaluation keeps its value when two or more
   * do (else -1: nothing is kept).
   */
  static final class Aggregation {
    private int users;
    private int slot = -1;

    /** Counts one more condition that computes this aggregate. */
    void use() {
      users++;
    }

    /** Gives this aggregate slot {@code next} when it is shared; returns the next free slot. */
    int assign(int next) {
      if (users < 2) {
        return next;
      }
      slot = next;
      return next + 1;
    }
  }

  private final String eventType;
  private final Node where;
  private final int window;
  private final Aggregate aggregate;
  private final String property;
  private final int propertyPosition; // in the event type's properties, or -1
  private final AttributeType propertyType;
  private final Operator op;
  private final NumericLiteral value;
  private final String description;
  private final String expected;
  private final Aggregation aggregation; // or null: computed by this condition alone

  EventNode(
      String eventType,
      Node where,
      int window,
      Aggregate aggregate,
      String property,
      int propertyPosition,
      AttributeType propertyType,
      Operator op,
      NumericLiteral value,
      String description,
      String expected,
      Aggregation aggregation) {
    this.eventType = eventType;
    this.where = where;
    this.window = window;
    this.aggregate = aggregate;
    this.property = property;
    this.propertyPosition = propertyPosition;
    this.propertyType = propertyType;
    this.op = op;
    this.value = value;
    this.description = description;
    this.expected = expected;
    this.aggregation = aggregation;
  }

  @Override
  Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
    return run(customer, bounds, memo, null);
  }

  @Override
  Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
    StringBuilder actual = new StringBuilder();
    Truth result = run(customer, bounds, null, actual);
    return Explanation.leaf(Kind.EVENT, description, result, actual.toString(), expected);
  }

  // One pass computes every aggregate; `actual`, when not null, receives the value for explain.
  private Truth run(Customer customer, Bounds bounds, Truth[] memo, StringBuilder actual) {
    EventReads reads = EventReads.current();
    EventReads.Shared kept = null;
    if (actual == null && aggregation != null && aggregation.slot >= 0) {
      kept = reads.shared(customer, aggregation.slot);
      if (kept != null && kept.holds(aggregation, bounds)) {
        return compare(kept.kind, kept.longValue, kept.doubleValue, kept.number, null);
      }
    }
    if (aggregate != Aggregate.SUM && aggregate != Aggregate.AVG) {
      return run(customer, bounds, memo, actual, reads, null, kept);
    }
    ExactSum sum = ExactSum.acquire();
    try {
      return run(customer, bounds, memo, actual, reads, sum, kept);
    } finally {
      sum.release();
    }
  }

  // `sum`, for SUM and AVG only, accumulates the values exactly (see ExactSum). The events are
  // read by position when the customer offers them so (EventColumns: no Event per event), else
  // from its list; the loop is the same. The value is kept in `kept` when it is not null.
  private Truth run(
      Customer customer,
      Bounds bounds,
      Truth[] memo,
      StringBuilder actual,
      EventReads reads,
      ExactSum sum,
      EventReads.Shared kept) {
    EventColumns columns = reads.columns(customer, eventType);
    List<Event> events = columns == null ? reads.of(customer, eventType) : null;
    TimeRange range = bounds.range(window);
    int n = columns != null ? columns.size() : events.size();
    long count = 0; // matching events
    long valueCount = 0; // matching events with a value of the property
    Object min = null;
    Object max = null;
    int first = -1; // the index of the first and last matching events
    int last = -1;
    Set<Object> distinct = null;
    for (int i = range.firstIndex(columns, events); i < n; i++) {
      ValueSource e = range.event(columns, events, i);
      if (e == null) {
        break;
      }
      if (where != null && where.eval(e, customer, bounds, memo) != Truth.TRUE) {
        continue;
      }
      count++;
      if (first < 0) {
        first = i;
      }
      last = i;
      if (property == null) {
        continue;
      }
      if (sum != null) { // SUM, AVG
        if (addValue(e, customer, property, propertyPosition, propertyType, sum)) {
          valueCount++;
        }
        continue;
      }
      Object v = Leaf.read(e, customer, property, propertyPosition, propertyType);
      if (v == null) {
        continue;
      }
      valueCount++;
      switch (aggregate) {
        case MIN:
          if (min == null || Values.compareNumbers((Number) v, (Number) min) < 0) {
            min = v;
          }
          break;
        case MAX:
          if (max == null || Values.compareNumbers((Number) v, (Number) max) > 0) {
            max = v;
          }
          break;
        case DISTINCT_COUNT:
          if (distinct == null) {
            distinct = new HashSet<>();
          }
          distinct.add(distinctKey(v));
          break;
        default:
          break;
      }
    }
    byte kind;
    long l = 0;
    double d = 0;
    Number number = null;
    switch (aggregate) {
      case COUNT -> {
        kind = LONG;
        l = count;
      }
      case DISTINCT_COUNT -> {
        kind = LONG;
        l = distinct == null ? 0 : distinct.size();
      }
      case SUM -> {
        kind = sum.isLong() ? LONG : DOUBLE;
        l = kind == LONG ? sum.longValue() : 0;
        d = kind == DOUBLE ? sum.doubleValue() : 0;
      }
      case AVG -> {
        kind = valueCount == 0 ? NO_VALUE : DOUBLE;
        d = valueCount == 0 ? 0 : sum.doubleValue() / valueCount;
      }
      case MIN, MAX -> {
        number = (Number) (aggregate == Aggregate.MIN ? min : max);
        kind = number == null ? NO_VALUE : NUMBER;
      }
      case DAYS_SINCE_FIRST, DAYS_SINCE_LAST -> {
        int at = aggregate == Aggregate.DAYS_SINCE_FIRST ? first : last;
        kind = at < 0 ? NO_VALUE : LONG;
        l = at < 0 ? 0 : daysSince(columns, events, at, bounds.ctx.asOf());
      }
      default -> throw new AssertionError(aggregate);
    }
    if (kept != null) {
      kept.set(aggregation, bounds, kind, l, d, number);
    }
    return compare(kind, l, d, number, actual);
  }

  /** Whole days from event {@code i} (of the columns when there are, else of the list) to asOf. */
  static long daysSince(EventColumns columns, List<Event> events, int i, Instant asOf) {
    return columns != null
        ? EpochTime.daysBetween(columns.epochMilli(i), asOf)
        : EpochTime.daysBetween(events.get(i).timestamp(), asOf);
  }

  /**
   * Adds the value of the number or integer {@code property} (at {@code position} of its event
   * type, or -1) of event {@code e} to {@code sum}, and says whether there was one. Reads through
   * the primitive reads first (no boxing), and as an object ({@link Leaf#read}) when they do not
   * give it, as {@link ValueSource#longValue}'s contract asks.
   */
  static boolean addValue(
      ValueSource e,
      Customer customer,
      String property,
      int position,
      AttributeType type,
      ExactSum sum) {
    if (type == AttributeType.NUMBER) {
      double d = e.doubleValue(position, property, Double.NaN);
      if (Double.isFinite(d)) {
        sum.add(d);
        return true;
      }
    } else if (type == AttributeType.INTEGER) {
      long l = e.longValue(position, property, Long.MIN_VALUE);
      if (l != Long.MIN_VALUE) {
        sum.add(l);
        return true;
      }
    }
    Object v = Leaf.read(e, customer, property, position, type);
    if (v instanceof Long l) {
      sum.add(l.longValue());
    } else if (v != null) {
      sum.add(((Double) v).doubleValue());
    }
    return v != null;
  }

  // Numbers equal by value count once: 3 and 3.0, 0.0 and -0.0.
  private static Object distinctKey(Object v) {
    if (v instanceof Double d) {
      double x = d + 0.0;
      if (x == Math.rint(x) && Math.abs(x) < 0x1p63) {
        return (long) x;
      }
      return x;
    }
    return v;
  }

  /** Compares the aggregate's value, of {@code kind}, with the condition's value. */
  private Truth compare(byte kind, long l, double d, Number number, StringBuilder actual) {
    return switch (kind) {
      case LONG -> compare(l, actual);
      case DOUBLE -> compare(d, actual);
      case NUMBER -> compare(number, actual);
      default -> noValue(actual);
    };
  }

  private Truth compare(long x, StringBuilder actual) {
    if (actual != null) {
      actual.append(x);
    }
    return Truth.of(op.test(value.compareWith(x)));
  }

  private Truth compare(double x, StringBuilder actual) {
    if (actual != null) {
      actual.append(x);
    }
    return Truth.of(op.test(value.compareWith(x)));
  }

  private Truth compare(Number x, StringBuilder actual) {
    if (actual != null) {
      actual.append(x);
    }
    return Truth.of(op.test(value.compareWith(x)));
  }

  private static Truth noValue(StringBuilder actual) {
    if (actual != null) {
      actual.append(Explanation.MISSING);
    }
    return Truth.UNKNOWN;
  }
}
