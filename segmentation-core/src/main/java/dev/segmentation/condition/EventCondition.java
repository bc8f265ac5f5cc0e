package dev.segmentation.condition;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * A behavioral rule: over a customer's events of one type, those whose properties satisfy {@code
 * where} (TRUE, as in SQL) inside {@code window}, compute {@code aggregate} and compare it with
 * {@code value}. Examples:
 *
 * <ul>
 *   <li>at least 3 purchases in the last 90 days: {@code purchase, last 90 days, COUNT >= 3}
 *   <li>spent over 1,000 in the last year: {@code purchase, last 1 year, SUM(amount) > 1000}
 *   <li>no purchase in 180 days: {@code purchase, last 180 days, COUNT = 0}
 *   <li>first purchase less than 30 days ago: {@code purchase, ever, DAYS_SINCE_FIRST < 30}
 * </ul>
 *
 * UNKNOWN only when the aggregate has no value (see {@link Aggregate}).
 *
 * @param eventType the event type's name
 * @param where the filter on event properties; {@link Always} for all events
 * @param window which events by time
 * @param aggregate what to compute
 * @param property the property aggregated, or null when the aggregate needs none
 * @param op the comparison
 * @param value the number compared with (Long or Double)
 */
public record EventCondition(
    String eventType,
    Condition where,
    EventWindow window,
    Aggregate aggregate,
    String property,
    Operator op,
    Number value)
    implements Condition {

  public EventCondition {
    Args.name(eventType, "event type");
    where = where == null ? new Always() : where;
    Args.notNull(window, "window");
    Args.notNull(aggregate, "aggregate");
    if (aggregate.needsProperty()) {
      Args.name(property, "property of " + aggregate.externalName());
    } else if (property != null) {
      throw new IllegalArgumentException(
          aggregate.externalName() + " reads no property, got \"" + property + "\"");
    }
    Args.notNull(op, "operator");
    value = Args.number(value, "value");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof EventCondition that
        && Objects.equals(eventType, that.eventType)
        && Objects.equals(where, that.where)
        && Objects.equals(window, that.window)
        && Objects.equals(aggregate, that.aggregate)
        && Objects.equals(property, that.property)
        && Objects.equals(op, that.op)
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventType, where, window, aggregate, property, op, value);
  }

  @Override
  public Kind kind() {
    return Kind.EVENT;
  }

  /** The filter, the only child. */
  @Override
  public List<Condition> children() {
    return ImmutableList.of(where);
  }
}
