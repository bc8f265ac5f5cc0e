package dev.segmentation.plan.eval;

import dev.segmentation.internal.EventOrder;
import dev.segmentation.internal.Repointable;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.SchemaCustomer;
import java.util.Arrays;
import java.util.List;

/**
 * The events read in the evaluation running on this thread, so that each event type is read once
 * per evaluation however many conditions use it: a {@link dev.segmentation.model.CustomerView}
 * converting a user's orders to events then converts them once, not once per event condition, and a
 * list that is not in time order is sorted once.
 *
 * <p>An evaluation is one call of a {@link PlanEvaluator} method, between {@link #begin} and {@link
 * #end}; a nested call for the same customer (a user's accessor evaluating again) shares it, one
 * for another customer reads without the cache. Nothing is kept after the evaluation, so a customer
 * whose data changes is read afresh the next time. The cache is keyed by the customer's identity,
 * and, for a {@link Repointable} customer (a {@code CustomerView.Reader}'s one object), by how many
 * times it was re-pointed: re-pointing it during its evaluation, once its events were read, throws
 * rather than answering from the previous object's events. After a thread's first evaluation, this
 * allocates nothing while a customer has at most {@code 8} event types in use.
 */
final class EventReads {
  private static final ThreadLocal<EventReads> CURRENT = ThreadLocal.withInitial(EventReads::new);

  private int depth;
  private Customer customer; // the customer of the outermost evaluation, or null
  private int pointings; // a Repointable customer's pointings() when its first list was cached
  private String[] types = new String[8];
  private Object[] lists = new Object[8];
  private int used;

  private EventReads() {}

  /** Starts an evaluation of {@code c} on this thread; {@link #end()} it in a finally block. */
  static EventReads begin(Customer c) {
    EventReads r = CURRENT.get();
    if (r.depth++ == 0) {
      r.customer = c;
    }
    return r;
  }

  /** Whether an evaluation has begun on this thread and not ended (for tests). */
  static boolean inEvaluation() {
    return CURRENT.get().depth > 0;
  }

  /** Ends the evaluation begun by {@link #begin}; the outermost end forgets what was read. */
  void end() {
    if (--depth == 0) {
      Arrays.fill(types, 0, used, null);
      Arrays.fill(lists, 0, used, null);
      used = 0;
      customer = null;
    }
  }

  /** The customer's events of {@code type} in time order, read once per evaluation. */
  static List<Event> of(Customer c, String type) {
    return CURRENT.get().events(c, type);
  }

  @SuppressWarnings("unchecked")
  private List<Event> events(Customer c, String type) {
    if (c != customer) {
      return read(c, type);
    }
    // A reader's one customer object, re-pointed at another object since the first list was
    // cached: the cached lists are the previous object's. Checked here, not in begin(), which
    // every evaluation runs (an interface check there cost the row engine's batch path 1.9x).
    if (c instanceof Repointable p) {
      if (used == 0) {
        pointings = p.pointings();
      } else if (p.pointings() != pointings) {
        throw new IllegalStateException(
            "a CustomerView.Reader was re-pointed during an evaluation of its customer");
      }
    }
    for (int i = 0; i < used; i++) {
      if (types[i].equals(type)) {
        return (List<Event>) lists[i];
      }
    }
    List<Event> list = read(c, type);
    if (used == types.length) {
      types = Arrays.copyOf(types, used * 2);
      lists = Arrays.copyOf(lists, used * 2);
    }
    types[used] = type;
    lists[used++] = list;
    return list;
  }

  /**
   * The customer's events of the type in time order: a {@link SchemaCustomer}'s lists are sorted
   * when it is built; any other customer's list is checked in one pass and sorted into a copy when
   * it is not sorted (see {@link EventOrder}).
   */
  private static List<Event> read(Customer c, String type) {
    List<Event> events = c.events(type);
    if (events != null && (c instanceof SchemaCustomer || EventOrder.isInTimeOrder(events))) {
      return events;
    }
    return EventOrder.inTimeOrder(c.id(), type, events); // the id (an accessor call) for errors
  }
}
