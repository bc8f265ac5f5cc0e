package dev.segmentation.plan.eval;

import dev.segmentation.internal.EventOrder;
import dev.segmentation.internal.Repointable;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventColumns;
import dev.segmentation.model.SchemaCustomer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The events read in the evaluation running on this thread, so that each event type is read once
 * per evaluation however many conditions use it: a {@link dev.segmentation.model.CustomerView}
 * converting a user's orders to events then converts them once, not once per event condition, and a
 * list that is not in time order is sorted once, into a list this thread reuses ({@link
 * TimeOrdered}: no copy per evaluation).
 *
 * <p>An evaluation is one call of a {@link PlanEvaluator} method, between {@link #begin} and {@link
 * #end}; a nested call for the same customer (a user's accessor evaluating again) shares it, one
 * for another customer reads without the cache. Nothing is kept after the evaluation, so a customer
 * whose data changes is read afresh the next time. The cache is keyed by the customer's identity,
 * and, for a {@link Repointable} customer (a {@code CustomerView.Reader}'s one object), by how many
 * times it was re-pointed: re-pointing it during its evaluation, once its events were read, throws
 * rather than answering from the previous object's events. A customer that offers its events by
 * position ({@link Customer#eventColumns}) has them cached apart from its lists, with their time
 * order checked once. After a thread's first evaluation, this allocates nothing while a customer
 * has at most {@code 8} event types in use.
 *
 * <p>It also keeps, for the evaluation, the value of each aggregate that several event conditions
 * of a program share ({@link Shared}): conditions that differ only in what they compare the
 * aggregate with (a tiering's "spent at least 2,000 / 500 / 100 in the last year") scan the events
 * once.
 */
final class EventReads {
  private static final ThreadLocal<EventReads> CURRENT = ThreadLocal.withInitial(EventReads::new);

  private int depth;
  private Customer customer; // the customer of the outermost evaluation, or null
  private int pointings; // a Repointable customer's pointings() when its first list was cached
  private String[] types = new String[8];
  private Object[] lists = new Object[8];
  private boolean[] columnars = new boolean[8];
  private TimeOrdered[] sorted = new TimeOrdered[0]; // by cache slot, made when first needed
  private boolean sortedAny; // whether one of them holds events of this evaluation
  private int used;
  private Shared[] shared = new Shared[0]; // by slot
  private Shared[] kept = new Shared[0]; // those holding a value in this evaluation
  private int keptCount;

  // Where an RFM model's one-off read (Program.Rfm) puts the window's recency and money.
  final long[] rfmDays = new long[1];
  final double[] rfmMonetary = new double[1];

  private EventReads() {}

  /** Starts an evaluation of {@code c} on this thread; {@link #end()} it in a finally block. */
  static EventReads begin(Customer c) {
    EventReads r = CURRENT.get();
    if (r.depth++ == 0) {
      r.customer = c;
    }
    return r;
  }

  /**
   * This thread's reads, for a node that looks up several things in one evaluation (one
   * thread-local lookup, not one per call). Outside an evaluation every lookup reads afresh.
   */
  static EventReads current() {
    return CURRENT.get();
  }

  /** Whether an evaluation has begun on this thread and not ended (for tests). */
  static boolean inEvaluation() {
    return CURRENT.get().depth > 0;
  }

  /** Ends the evaluation begun by {@link #begin}; the outermost end forgets what was read. */
  void end() {
    if (--depth == 0) {
      // A loop of its own, not Arrays.fill, whose profile every caller in the JVM shares: its
      // speculations failed here and the JIT dropped the compiled evaluation of a customer (six
      // deoptimizations, array_check and predicate, in one CLI run over 1,000,000 customers).
      for (int i = 0; i < used; i++) {
        types[i] = null;
        lists[i] = null;
      }
      if (sortedAny) {
        forgetSorted();
      }
      used = 0;
      for (int i = 0; i < keptCount; i++) {
        kept[i].forget();
      }
      keptCount = 0;
      customer = null;
    }
  }

  /** The customer's events of {@code type} in time order, read once per evaluation. */
  @SuppressWarnings("unchecked")
  List<Event> of(Customer c, String type) {
    return (List<Event>) cached(c, type, false);
  }

  /**
   * The customer's events of {@code type} by position ({@link Customer#eventColumns}) when it
   * offers them and their times are in order (checked once per evaluation), else null: read {@link
   * #of}.
   */
  EventColumns columns(Customer c, String type) {
    Object columns = cached(c, type, true);
    return columns == NO_COLUMNS ? null : (EventColumns) columns;
  }

  /** Cached in place of columns a customer does not offer, or offers out of time order. */
  private static final Object NO_COLUMNS = new Object();

  // The list (or, when `columnar`, the columns or NO_COLUMNS) of the type, read once per
  // evaluation.
  private Object cached(Customer c, String type, boolean columnar) {
    if (c != customer) {
      return read(c, type, columnar);
    }
    checkPointings(c);
    for (int i = 0; i < used; i++) {
      if (columnars[i] == columnar && types[i].equals(type)) {
        return lists[i];
      }
    }
    Object read = read(c, type, columnar);
    if (used == types.length) {
      types = Arrays.copyOf(types, used * 2);
      lists = Arrays.copyOf(lists, used * 2);
      columnars = Arrays.copyOf(columnars, used * 2);
    }
    types[used] = type;
    columnars[used] = columnar;
    lists[used++] = read;
    return read;
  }

  // A reader's one customer object, re-pointed at another object since the first list was
  // cached: the cached lists (and aggregates) are the previous object's. Checked when they are
  // looked up, not in begin(), which every evaluation runs (an interface check there cost the row
  // engine's batch path 1.9x). Repointable is a class, so that this check is cheap for the
  // customers that are not one (see Repointable).
  private void checkPointings(Customer c) {
    if (c instanceof Repointable p) {
      if (used == 0) {
        pointings = p.pointings();
      } else if (p.pointings() != pointings) {
        throw new IllegalStateException(
            "a CustomerView.Reader was re-pointed during an evaluation of its customer");
      }
    }
  }

  /**
   * The place of shared aggregate {@code slot} (see {@link EventNode.Aggregation}) in this thread's
   * evaluation of {@code c}, or null when {@code c} is not the customer of the evaluation (a nested
   * evaluation of another customer computes its aggregates afresh).
   */
  Shared shared(Customer c, int slot) {
    if (c != customer) {
      return null;
    }
    checkPointings(c);
    if (slot >= shared.length) {
      shared = Arrays.copyOf(shared, slot + 1);
    }
    Shared s = shared[slot];
    if (s == null) {
      s = shared[slot] = new Shared();
    }
    return s;
  }

  /**
   * The value of an aggregate that several event conditions share, kept for one evaluation: what
   * kind of value it is ({@link EventNode}'s kinds) and the value. It holds only for the
   * evaluation, the aggregation and the bounds (the as-of time) it was computed for: a nested
   * evaluation of the same customer by another program, or at another time, does not see it, and
   * the evaluation's end forgets it (keeping neither the program nor the customer's values).
   */
  final class Shared {
    private Object aggregation;
    private Bounds bounds;
    byte kind;
    long longValue;
    double doubleValue;
    Number number;

    private Shared() {}

    /**
     * Whether this holds the value of {@code aggregation} under {@code bounds} for this evaluation.
     */
    boolean holds(Object aggregation, Bounds bounds) {
      return this.aggregation == aggregation && this.bounds == bounds;
    }

    void set(
        Object aggregation,
        Bounds bounds,
        byte kind,
        long longValue,
        double doubleValue,
        Number n) {
      if (this.aggregation == null) {
        if (keptCount == kept.length) {
          kept = Arrays.copyOf(kept, Math.max(4, keptCount * 2));
        }
        kept[keptCount++] = this;
      }
      this.aggregation = aggregation;
      this.bounds = bounds;
      this.kind = kind;
      this.longValue = longValue;
      this.doubleValue = doubleValue;
      this.number = n;
    }

    private void forget() {
      aggregation = null;
      bounds = null;
      number = null;
    }
  }

  private static Object read(Customer c, String type, boolean columnar) {
    if (!columnar) {
      return read(c, type);
    }
    EventColumns columns = c.eventColumns(type);
    return columns != null && inTimeOrder(columns) ? columns : NO_COLUMNS;
  }

  private static boolean inTimeOrder(EventColumns columns) {
    int n = columns.size();
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long t = columns.epochMilli(i);
      if (t < previous) {
        return false;
      }
      previous = t;
    }
    return true;
  }

  /**
   * {@code events}, a list out of time order (or null, or holding a null), in time order, in this
   * thread's {@link TimeOrdered} list for the cache slot it is read for, when it is read for the
   * evaluation's cache (the evaluation's customer); else a sorted copy, since a read outside the
   * cache (another customer's, in a nested evaluation) must not reuse the evaluation's lists. A
   * null list or event gets {@link EventOrder#inTimeOrder}'s error. Called only when a list is out
   * of order, so that the reads of a sorted list are what they were.
   */
  private static List<Event> inTimeOrder(Customer c, String type, List<Event> events) {
    EventReads r = CURRENT.get();
    if (r.depth == 0 || c != r.customer || events == null) {
      return EventOrder.inTimeOrder(c.id(), type, events); // the id (an accessor call) for errors
    }
    int slot = r.used; // cached() stores the list read now at this slot
    if (slot >= r.sorted.length) {
      r.sorted = Arrays.copyOf(r.sorted, Math.max(slot + 1, r.sorted.length * 2));
    }
    TimeOrdered list = r.sorted[slot];
    if (list == null) {
      list = r.sorted[slot] = new TimeOrdered();
    }
    r.sortedAny = true;
    if (!list.fill(events)) {
      return EventOrder.inTimeOrder(c.id(), type, events); // throws: an event is null
    }
    return list;
  }

  private void forgetSorted() {
    for (TimeOrdered t : sorted) {
      if (t != null) {
        t.forget();
      }
    }
    sortedAny = false;
  }

  /**
   * A customer's events of one type put in time order (stably: events at the same instant keep the
   * order given), for one evaluation: order services commonly return the newest first, and sorting
   * a copy of such a list cost an allocation and {@code O(n log n)} in every evaluation (303 bytes
   * per evaluation in {@code HotPathAllocationTest}). This thread refills it in each evaluation
   * that needs it, and {@link #end} empties it, so it holds no customer's events after the
   * evaluation; it grows to the longest list seen. The JDK's stable sort puts it in order: a list
   * given newest first is one descending run, reversed in one pass, and a list of fewer than 32
   * events is sorted without allocating (a longer one out of order costs the sort's work array).
   */
  static final class TimeOrdered extends AbstractList<Event> implements RandomAccess {
    private Event[] events = new Event[16];
    private int size;

    /**
     * Makes this list hold {@code given}'s events in time order; false, holding nothing, when one
     * of them is null (found while copying, so that no pass of its own looks for nulls).
     */
    boolean fill(List<Event> given) {
      int n = given.size();
      if (events.length < n) {
        events = new Event[Math.max(n, events.length * 2)];
      }
      for (int i = 0; i < n; i++) {
        Event e = given.get(i);
        if (e == null) {
          size = i;
          forget();
          return false;
        }
        events[i] = e;
      }
      size = n;
      Arrays.sort(events, 0, n, EventOrder.BY_TIME); // stable
      return true;
    }

    /** Forgets the events (not the arrays), so that none is kept after the evaluation. */
    void forget() {
      for (int i = 0; i < size; i++) {
        events[i] = null;
      }
      size = 0;
    }

    @Override
    public Event get(int index) {
      Objects.checkIndex(index, size);
      return events[index];
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * The customer's events of the type in time order: a {@link SchemaCustomer}'s lists are sorted
   * when it is built; any other customer's list is checked in one pass and, when it is not sorted,
   * put in order ({@link #inTimeOrder(Customer, String, List)}).
   */
  private static List<Event> read(Customer c, String type) {
    List<Event> events = c.events(type);
    if (events != null && (c instanceof SchemaCustomer || EventOrder.isInTimeOrder(events))) {
      return events;
    }
    return inTimeOrder(c, type, events); // out of order, or not a list of events
  }
}
