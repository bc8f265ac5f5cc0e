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
 */
final class EventNode extends Node {
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
      String expected) {
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
    if (aggregate != Aggregate.SUM && aggregate != Aggregate.AVG) {
      return run(customer, bounds, memo, actual, null);
    }
    ExactSum sum = ExactSum.acquire();
    try {
      return run(customer, bounds, memo, actual, sum);
    } finally {
      sum.release();
    }
  }

  // `sum`, for SUM and AVG only, accumulates the values exactly (see ExactSum). The events are
  // read by position when the customer offers them so (EventColumns: no Event per event), else
  // from its list; the loop is the same.
  private Truth run(
      Customer customer, Bounds bounds, Truth[] memo, StringBuilder actual, ExactSum sum) {
    EventColumns columns = EventReads.columns(customer, eventType);
    List<Event> events = columns == null ? EventReads.of(customer, eventType) : null;
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
    switch (aggregate) {
      case COUNT:
        return compare(count, actual);
      case DISTINCT_COUNT:
        return compare(distinct == null ? 0 : distinct.size(), actual);
      case SUM:
        return sum.isLong() ? compare(sum.longValue(), actual) : compare(sum.doubleValue(), actual);
      case AVG:
        if (valueCount == 0) {
          return noValue(actual);
        }
        return compare(sum.doubleValue() / valueCount, actual);
      case MIN:
        return min == null ? noValue(actual) : compare((Number) min, actual);
      case MAX:
        return max == null ? noValue(actual) : compare((Number) max, actual);
      case DAYS_SINCE_FIRST:
        return first < 0
            ? noValue(actual)
            : compare(daysSince(columns, events, first, bounds.ctx.asOf()), actual);
      case DAYS_SINCE_LAST:
        return last < 0
            ? noValue(actual)
            : compare(daysSince(columns, events, last, bounds.ctx.asOf()), actual);
    }
    throw new AssertionError(aggregate);
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
