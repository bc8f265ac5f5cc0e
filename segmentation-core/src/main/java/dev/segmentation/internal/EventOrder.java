package dev.segmentation.internal;

import com.google.common.collect.ImmutableList;
import dev.segmentation.model.Event;
import dev.segmentation.model.InvalidDataException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a customer's events of one type in time order, the order every engine reads them in. Order
 * services commonly return the newest first, so any order is accepted: a list already sorted is
 * returned as it is after one pass that checks it (no allocation); any other list is copied and
 * sorted, stably, so that events at the same instant keep their order ({@code O(n log n)} and one
 * array of {@code n} references).
 *
 * <pre>{@code
 * List<Event> sorted = EventOrder.inTimeOrder("ann", "purchase", customer.events("purchase"));
 * }</pre>
 */
public final class EventOrder {
  private EventOrder() {}

  /** Oldest first; at the same instant, the order given. */
  public static final Comparator<Event> BY_TIME = Comparator.comparing(Event::timestamp);

  /**
   * Whether {@code events} has no null event and is sorted by time: {@link #inTimeOrder} returns
   * such a list as it is, without needing the customer's id.
   */
  public static boolean isInTimeOrder(List<Event> events) {
    Event previous = null;
    int n = events.size();
    for (int i = 0; i < n; i++) {
      Event e = events.get(i);
      if (e == null || previous != null && e.timestamp().isBefore(previous.timestamp())) {
        return false;
      }
      previous = e;
    }
    return true;
  }

  /**
   * {@code events} when sorted by time, else a sorted copy.
   *
   * @throws InvalidDataException naming the customer when the list or one of its events is null
   */
  public static List<Event> inTimeOrder(String customerId, String eventType, List<Event> events) {
    if (events == null) {
      throw new InvalidDataException(
          customerId, null, "events(\"" + eventType + "\") returned null, not a list");
    }
    // One pass checks the events and their order. A loop of its own, not isInTimeOrder: this runs
    // when customers and tables are built, over lists of every kind, and would make the type
    // profile of isInTimeOrder's list calls, which the row engine's evaluation inlines, megamorphic
    // (B1 through the row engine 13% slower in segmentation-benchmarks/RESULTS.md, run E).
    boolean sorted = true;
    Event previous = null;
    int n = events.size();
    for (int i = 0; i < n; i++) {
      Event e = events.get(i);
      if (e == null) {
        throw new InvalidDataException(
            customerId, null, "event " + i + " of type \"" + eventType + "\" is null");
      }
      if (previous != null && e.timestamp().isBefore(previous.timestamp())) {
        sorted = false;
      }
      previous = e;
    }
    if (sorted) {
      return events;
    }
    Event[] copy = events.toArray(new Event[0]);
    Arrays.sort(copy, BY_TIME); // stable
    return ImmutableList.copyOf(copy);
  }
}
