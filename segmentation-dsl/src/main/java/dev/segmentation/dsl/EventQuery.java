package dev.segmentation.dsl;

import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.WindowUnit;
import java.time.Instant;

/**
 * A behavioral rule under construction: events of one type, optionally filtered and windowed, then
 * aggregated and compared. Immutable: every step returns a new query.
 *
 * <pre>{@code
 * Condition frequent = events("purchase").inLast(90, DAYS).count().ge(3);
 * Condition big = events("purchase").inLast(1, YEARS).sum("amount").gt(1000);
 * Condition pricing =
 *     events("page_view").where(string("path").startsWith("/pricing")).in(THIS_MONTH).count().ge(2);
 * Condition newish = events("purchase").daysSinceFirst().lt(30);
 * }</pre>
 */
public final class EventQuery {
  private final String eventType;
  private final Condition where;
  private final EventWindow window;

  EventQuery(String eventType, Condition where, EventWindow window) {
    this.eventType = eventType;
    this.where = where;
    this.window = window;
  }

  /** Only events whose properties make {@code filter} TRUE. */
  public EventQuery where(Condition filter) {
    return new EventQuery(eventType, filter, window);
  }

  /** Only events with {@code asOf - amount units < t <= asOf}. */
  public EventQuery inLast(long amount, WindowUnit unit) {
    return new EventQuery(eventType, where, EventWindow.last(amount, unit));
  }

  /** Only events with {@code from <= t < to} (and {@code t <= asOf}). */
  public EventQuery between(Instant from, Instant to) {
    return new EventQuery(eventType, where, EventWindow.between(from, to));
  }

  /** Only events in a calendar period around {@code asOf}. */
  public EventQuery in(CalendarPeriod period) {
    return new EventQuery(eventType, where, EventWindow.in(period));
  }

  /** The number of events (0 when none). */
  public Aggregated count() {
    return aggregate(Aggregate.COUNT, null);
  }

  /** The sum of a numeric property (0 when none). */
  public Aggregated sum(String property) {
    return aggregate(Aggregate.SUM, property);
  }

  /** The mean of a numeric property (no value when none). */
  public Aggregated avg(String property) {
    return aggregate(Aggregate.AVG, property);
  }

  /** The least value of a numeric property (no value when none). */
  public Aggregated min(String property) {
    return aggregate(Aggregate.MIN, property);
  }

  /** The greatest value of a numeric property (no value when none). */
  public Aggregated max(String property) {
    return aggregate(Aggregate.MAX, property);
  }

  /** The number of distinct values of a property (0 when none). */
  public Aggregated distinctCount(String property) {
    return aggregate(Aggregate.DISTINCT_COUNT, property);
  }

  /** Whole days since the first event (tenure; no value when none). */
  public Aggregated daysSinceFirst() {
    return aggregate(Aggregate.DAYS_SINCE_FIRST, null);
  }

  /** Whole days since the last event (recency; no value when none). */
  public Aggregated daysSinceLast() {
    return aggregate(Aggregate.DAYS_SINCE_LAST, null);
  }

  private Aggregated aggregate(Aggregate aggregate, String property) {
    return new Aggregated(
        (op, value) ->
            new dev.segmentation.condition.EventCondition(
                eventType,
                where == null ? new Always() : where,
                window,
                aggregate,
                property,
                op,
                value));
  }
}
