package dev.segmentation.live;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.Tiering;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import org.roaringbitmap.RoaringBitmap;

/**
 * Keeps the results of many customers current as their data changes and as time passes, and says
 * what changed: {@link Transition}s (entered or left a segment, moved between tiers) in time order,
 * including those that time alone causes ("bought in the last 30 days" ends 30 days after the last
 * purchase), found through a queue of each customer's {@link NextChange next change}.
 *
 * <pre>{@code
 * MembershipTracker tracker = MembershipTracker.create(catalog, schema, ZoneOffset.UTC, start);
 * tracker.put(customer);                                  // transitions at start
 * tracker.addEvents("c-17", List.of(purchase));           // transitions now
 * List<Transition> due = tracker.advanceTo(start.plus(Duration.ofDays(1))); // time-driven ones
 * }</pre>
 *
 * <p><b>Model.</b> The tracker has a clock, {@link #now()}, that only {@link #advanceTo} moves
 * forward. A data change is applied at {@code now}: its transitions carry {@code now}. Events may
 * carry any timestamp; one after {@code now} takes effect when time reaches it. {@code
 * advanceTo(t)} evaluates each customer whose next change is due at or before {@code t}, at that
 * instant, in order of instant (then of arrival), so the transitions it returns are in time order.
 * Results are those of the row engine evaluated from scratch at each instant: applying the same
 * change twice gives no transitions the second time. A deleted customer leaves every segment and
 * tier at {@code now}, then is forgotten.
 *
 * <p><b>Memory.</b> Results are held in pages of {@value #PAGE_SIZE} customers: one bit per segment
 * (rounded up to 64), one byte per tiering or RFM model, eight bytes per score model and twelve for
 * the next change: {@link #resultBytesPerCustomer()}. The customers' data (a {@link SchemaCustomer}
 * each) and the id index come on top.
 *
 * <p><b>Threads.</b> Changes to different customers run in parallel (each takes its customer's
 * stripe lock, under a shared read lock); {@link #advanceTo} takes the write lock, so time moves
 * while no change is half-applied.
 */
public final class MembershipTracker {
  static final int PAGE_SIZE = 1 << 14;
  private static final int STRIPES = 256;

  private final Catalog catalog;
  private final Schema schema;
  private final ZoneId zone;
  private final CompiledCatalog compiled;
  private final NextChange nextChange;
  private final ImmutableList<String> segments;
  private final ImmutableList<String> scores;
  private final ImmutableList<String> tierings;
  private final ImmutableList<ImmutableList<String>> tierNames; // per tiering: code - 1 -> name
  private final int words;

  private final ReentrantReadWriteLock clock = new ReentrantReadWriteLock();
  private volatile Instant now;
  private volatile EvaluationContext nowContext;
  private final ConcurrentHashMap<String, Integer> slots = new ConcurrentHashMap<>();
  private final AtomicInteger allocated = new AtomicInteger();
  private final Object grow = new Object();
  private volatile Page[] pages = new Page[0];
  private final Object[] stripes = new Object[STRIPES];
  private final PriorityBlockingQueue<Due> queue = new PriorityBlockingQueue<>();

  /** The results of {@link #PAGE_SIZE} consecutive slots. */
  private static final class Page {
    final SchemaCustomer[] customers = new SchemaCustomer[PAGE_SIZE]; // null: free or deleted
    final long[] members;
    final byte[] tiers; // tier index + 1; 0: none
    final double[] scores;
    final long[] nextSecond = new long[PAGE_SIZE];
    final int[] nextNano = new int[PAGE_SIZE]; // -1: no next change

    Page(int words, int tierings, int scoreModels) {
      members = new long[PAGE_SIZE * words];
      tiers = new byte[PAGE_SIZE * tierings];
      scores = new double[PAGE_SIZE * scoreModels];
      java.util.Arrays.fill(nextNano, -1);
    }
  }

  /** A queued next change; stale when the customer's next change has moved since. */
  private record Due(Instant at, long sequence, int slot) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  private final AtomicLong sequence = new AtomicLong();

  private MembershipTracker(Catalog catalog, Schema schema, ZoneId zone, Instant start) {
    this.catalog = catalog;
    this.schema = schema;
    this.zone = zone;
    this.compiled = RowEngine.compile(catalog, schema);
    this.nextChange = NextChange.of(catalog, schema);
    this.segments = ImmutableList.copyOf(compiled.segmentNames());
    this.scores = ImmutableList.copyOf(compiled.scoreNames());
    this.tierings = ImmutableList.copyOf(compiled.tieringNames());
    ImmutableList.Builder<ImmutableList<String>> names = ImmutableList.builder();
    for (String t : tierings) {
      ImmutableList<String> n = tierNamesOf(catalog, t);
      if (n.size() > 254) {
        throw new IllegalArgumentException(
            "tiering \"" + t + "\" has " + n.size() + " tiers; the tracker holds at most 254");
      }
      names.add(n);
    }
    this.tierNames = names.build();
    this.words = (segments.size() + 63) >>> 6;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
    this.now = start;
    this.nowContext = EvaluationContext.at(start, zone);
  }

  private static ImmutableList<String> tierNamesOf(Catalog catalog, String name) {
    for (Tiering t : catalog.tierings()) {
      if (t.name().equals(name)) {
        return ImmutableList.copyOf(t.tierNames());
      }
    }
    for (RfmModel m : catalog.rfmModels()) {
      if (m.name().equals(name)) {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (RfmSegment s : RfmSegment.values()) {
          b.add(s.externalName());
        }
        return b.build();
      }
    }
    throw new AssertionError(name);
  }

  /**
   * A tracker with no customers, its clock at {@code start}, calendar windows in {@code zone}.
   *
   * @throws dev.segmentation.check.CheckException when the catalog does not pass the checker
   */
  public static MembershipTracker create(
      Catalog catalog, Schema schema, ZoneId zone, Instant start) {
    if (catalog == null || schema == null || zone == null || start == null) {
      throw new IllegalArgumentException("catalog, schema, zone and start must not be null");
    }
    EvaluationContext.at(start, zone); // checks the range
    return new MembershipTracker(catalog, schema, zone, start);
  }

  /** The tracker's clock: the instant results are current at. */
  public Instant now() {
    return now;
  }

  /** The zone calendar windows are evaluated in. */
  public ZoneId zone() {
    return zone;
  }

  /** The segments in catalog order. */
  public List<String> segmentNames() {
    return segments;
  }

  /** The tierings' and RFM models' names, the order of tier results. */
  public List<String> tieringNames() {
    return tierings;
  }

  /** The score models' names. */
  public List<String> scoreNames() {
    return scores;
  }

  /** How many customers it holds. */
  public int size() {
    return slots.size();
  }

  /** Bytes of results per customer: segment bits, tier bytes, scores and the next change. */
  public int resultBytesPerCustomer() {
    return words * 8 + tierings.size() + scores.size() * 8 + 12;
  }

  // ------------------------------------------------------------------ changes

  /**
   * Adds the customer, or replaces everything known about it (attributes and events), at {@link
   * #now()}.
   *
   * @return the transitions, at {@code now}
   */
  public List<Transition> put(Customer customer) {
    if (customer == null) {
      throw new IllegalArgumentException("customer must not be null");
    }
    SchemaCustomer copy = copy(customer, null, null);
    return change(customer.id(), old -> copy);
  }

  /**
   * Sets the given attributes of the customer (a null value removes one), keeping the others and
   * its events; adds the customer when it is new.
   *
   * @throws dev.segmentation.model.InvalidDataException naming the customer and attribute when a
   *     value does not fit the schema; nothing is changed then
   */
  public List<Transition> update(String id, Map<String, ?> attributes) {
    if (attributes == null) {
      throw new IllegalArgumentException("attributes must not be null");
    }
    return change(id, old -> copy(old == null ? blank(id) : old, attributes, null));
  }

  /** Adds events to the customer (adding the customer when it is new). */
  public List<Transition> addEvents(String id, Collection<Event> events) {
    if (events == null) {
      throw new IllegalArgumentException("events must not be null");
    }
    return change(id, old -> copy(old == null ? blank(id) : old, null, events));
  }

  /**
   * Forgets the customer: it leaves every segment and tier at {@link #now()}. Nothing happens for
   * an unknown id.
   */
  public List<Transition> delete(String id) {
    checkId(id);
    clock.readLock().lock();
    try {
      Integer slot = slots.get(id);
      if (slot == null) {
        return List.of();
      }
      synchronized (stripe(slot)) {
        List<Transition> out = new ArrayList<>();
        Page p = page(slot);
        int o = slot & (PAGE_SIZE - 1);
        if (p.customers[o] == null) {
          return List.of();
        }
        apply(slot, id, new Truth[segments.size()], new String[tierings.size()], now, out);
        p.customers[o] = null;
        p.nextNano[o] = -1;
        for (int k = 0; k < scores.size(); k++) {
          p.scores[o * scores.size() + k] = 0;
        }
        slots.remove(id);
        return out;
      }
    } finally {
      clock.readLock().unlock();
    }
  }

  /**
   * Moves the clock to {@code t}, evaluating every customer whose results can change by then, at
   * the instant they change.
   *
   * @return the transitions in time order
   * @throws IllegalArgumentException when {@code t} is before {@link #now()}
   */
  public List<Transition> advanceTo(Instant t) {
    if (t == null) {
      throw new IllegalArgumentException("instant must not be null");
    }
    clock.writeLock().lock();
    try {
      if (t.isBefore(now)) {
        throw new IllegalArgumentException("time only moves forward: now is " + now + ", got " + t);
      }
      EvaluationContext target = EvaluationContext.at(t, zone);
      List<Transition> out = new ArrayList<>();
      EvaluationContext ctx = null;
      for (Due due = queue.peek(); due != null && !due.at.isAfter(t); due = queue.peek()) {
        queue.poll();
        Page p = page(due.slot);
        int o = due.slot & (PAGE_SIZE - 1);
        if (p.customers[o] == null
            || p.nextNano[o] != due.at.getNano()
            || p.nextSecond[o] != due.at.getEpochSecond()) {
          continue; // stale: the customer changed or was deleted since
        }
        if (ctx == null || !ctx.asOf().equals(due.at)) {
          ctx = EvaluationContext.at(due.at, zone);
        }
        synchronized (stripe(due.slot)) {
          evaluate(due.slot, ctx, out);
        }
      }
      now = t;
      nowContext = target;
      return out;
    } finally {
      clock.writeLock().unlock();
    }
  }

  private interface Change {
    SchemaCustomer apply(SchemaCustomer old);
  }

  private List<Transition> change(String id, Change change) {
    checkId(id);
    clock.readLock().lock();
    try {
      int slot = slots.computeIfAbsent(id, k -> allocate());
      synchronized (stripe(slot)) {
        Page p = page(slot);
        int o = slot & (PAGE_SIZE - 1);
        Integer current = slots.get(id);
        if (current == null || current != slot) {
          // deleted between the look-up and the lock: a new slot
          return change(id, change);
        }
        SchemaCustomer updated;
        try {
          updated = change.apply(p.customers[o]);
        } catch (RuntimeException e) {
          if (p.customers[o] == null) {
            slots.remove(id, slot); // a new customer whose data did not fit: not added
          }
          throw e;
        }
        p.customers[o] = updated;
        List<Transition> out = new ArrayList<>();
        evaluate(slot, nowContext, out);
        return out;
      }
    } finally {
      clock.readLock().unlock();
    }
  }

  // Called with the slot's stripe held.
  private void evaluate(int slot, EvaluationContext ctx, List<Transition> out) {
    Page p = page(slot);
    int o = slot & (PAGE_SIZE - 1);
    SchemaCustomer c = p.customers[o];
    Truth[] truths = new Truth[segments.size()];
    compiled.evaluateAll(c, ctx, truths);
    String[] tiers = new String[tierings.size()];
    for (int k = 0; k < tiers.length; k++) {
      tiers[k] = compiled.tier(tierings.get(k), c, ctx);
    }
    for (int k = 0; k < scores.size(); k++) {
      p.scores[o * scores.size() + k] = compiled.score(scores.get(k), c, ctx);
    }
    apply(slot, c.id(), truths, tiers, ctx.asOf(), out);
    Optional<Instant> next = nextChange.next(c, ctx);
    if (next.isPresent()) {
      Instant n = next.get();
      if (p.nextNano[o] == n.getNano() && p.nextSecond[o] == n.getEpochSecond()) {
        return; // already queued at that instant, and that entry is still current
      }
      p.nextSecond[o] = n.getEpochSecond();
      p.nextNano[o] = n.getNano();
      queue.add(new Due(n, sequence.getAndIncrement(), slot));
    } else {
      p.nextNano[o] = -1;
    }
  }

  // Stores new results, emitting a transition for each difference. Null truths count as not in.
  private void apply(
      int slot, String id, Truth[] truths, String[] tiers, Instant at, List<Transition> out) {
    Page p = page(slot);
    int o = slot & (PAGE_SIZE - 1);
    for (int i = 0; i < truths.length; i++) {
      int w = o * words + (i >>> 6);
      long bit = 1L << i;
      boolean was = (p.members[w] & bit) != 0;
      boolean in = truths[i] == Truth.TRUE;
      if (was != in) {
        p.members[w] ^= bit;
        out.add(
            in
                ? Transition.entered(at, id, segments.get(i))
                : Transition.exited(at, id, segments.get(i)));
      }
    }
    for (int k = 0; k < tiers.length; k++) {
      int b = o * tierings.size() + k;
      int code = tiers[k] == null ? 0 : tierNames.get(k).indexOf(tiers[k]) + 1;
      assert tiers[k] == null || code > 0 : tiers[k];
      int was = p.tiers[b] & 0xFF;
      if (was != code) {
        p.tiers[b] = (byte) code;
        out.add(Transition.tier(at, id, tierings.get(k), name(k, was), tiers[k]));
      }
    }
  }

  private String name(int tiering, int code) {
    return code == 0 ? null : tierNames.get(tiering).get(code - 1);
  }

  // ------------------------------------------------------------------ reading

  /** Whether the customer is in the segment now; false for an unknown customer. */
  public boolean isMember(String id, String segment) {
    int i = segmentIndex(segment);
    Integer slot = slots.get(checkId(id));
    if (slot == null) {
      return false;
    }
    synchronized (stripe(slot)) {
      Page p = page(slot);
      int o = slot & (PAGE_SIZE - 1);
      return (p.members[o * words + (i >>> 6)] & (1L << i)) != 0;
    }
  }

  /** The segments the customer is in now, in catalog order; empty for an unknown customer. */
  public Set<String> segmentsOf(String id) {
    Integer slot = slots.get(checkId(id));
    if (slot == null) {
      return ImmutableSet.of();
    }
    ImmutableSet.Builder<String> b = ImmutableSet.builder();
    synchronized (stripe(slot)) {
      Page p = page(slot);
      int o = slot & (PAGE_SIZE - 1);
      for (int i = 0; i < segments.size(); i++) {
        if ((p.members[o * words + (i >>> 6)] & (1L << i)) != 0) {
          b.add(segments.get(i));
        }
      }
    }
    return b.build();
  }

  /** The customer's tier (or RFM cell) now; null for none or an unknown customer. */
  public String tier(String id, String tiering) {
    int k = tieringIndex(tiering);
    Integer slot = slots.get(checkId(id));
    if (slot == null) {
      return null;
    }
    synchronized (stripe(slot)) {
      Page p = page(slot);
      return name(k, p.tiers[(slot & (PAGE_SIZE - 1)) * tierings.size() + k] & 0xFF);
    }
  }

  /** The customer's score now; 0 for an unknown customer. */
  public double score(String id, String scoreModel) {
    int k = scores.indexOf(scoreModel);
    if (k < 0) {
      throw new IllegalArgumentException(
          "the catalog has no score \"" + scoreModel + "\"; it has " + scores);
    }
    Integer slot = slots.get(checkId(id));
    if (slot == null) {
      return 0;
    }
    synchronized (stripe(slot)) {
      return page(slot).scores[(slot & (PAGE_SIZE - 1)) * scores.size() + k];
    }
  }

  /** When the customer's results can next change by time alone; empty when never or unknown. */
  public Optional<Instant> nextChange(String id) {
    Integer slot = slots.get(checkId(id));
    if (slot == null) {
      return Optional.empty();
    }
    synchronized (stripe(slot)) {
      Page p = page(slot);
      int o = slot & (PAGE_SIZE - 1);
      return p.nextNano[o] < 0
          ? Optional.empty()
          : Optional.of(Instant.ofEpochSecond(p.nextSecond[o], p.nextNano[o]));
    }
  }

  /** The ids of the customers held. */
  public Set<String> customerIds() {
    return ImmutableSet.copyOf(slots.keySet());
  }

  /** The members of a segment now, by id. */
  public Set<String> members(String segment) {
    int i = segmentIndex(segment);
    ImmutableSet.Builder<String> b = ImmutableSet.builder();
    forEachSlot(
        slot -> {
          Page p = page(slot);
          int o = slot & (PAGE_SIZE - 1);
          if (p.customers[o] != null && (p.members[o * words + (i >>> 6)] & (1L << i)) != 0) {
            b.add(p.customers[o].id());
          }
        });
    return b.build();
  }

  /**
   * The results of every customer at {@link #now()}, frozen, customers in the order they were first
   * added.
   */
  public MembershipSnapshot snapshot() {
    clock.writeLock().lock(); // a consistent view: no change is half-applied
    try {
      List<String> ids = new ArrayList<>();
      List<Integer> used = new ArrayList<>();
      forEachSlot(
          slot -> {
            used.add(slot);
            ids.add(page(slot).customers[slot & (PAGE_SIZE - 1)].id());
          });
      MembershipSnapshot.Builder b = MembershipSnapshot.builder(catalog, now, zone, ids);
      for (int i = 0; i < segments.size(); i++) {
        RoaringBitmap m = new RoaringBitmap();
        for (int pos = 0; pos < used.size(); pos++) {
          int slot = used.get(pos);
          if ((page(slot).members[(slot & (PAGE_SIZE - 1)) * words + (i >>> 6)] & (1L << i)) != 0) {
            m.add(pos);
          }
        }
        b.members(segments.get(i), m);
      }
      for (int k = 0; k < scores.size(); k++) {
        double[] v = new double[used.size()];
        for (int pos = 0; pos < v.length; pos++) {
          int slot = used.get(pos);
          v[pos] = page(slot).scores[(slot & (PAGE_SIZE - 1)) * scores.size() + k];
        }
        b.scores(scores.get(k), v);
      }
      for (int k = 0; k < tierings.size(); k++) {
        List<String> t = new ArrayList<>();
        for (int slot : used) {
          t.add(name(k, page(slot).tiers[(slot & (PAGE_SIZE - 1)) * tierings.size() + k] & 0xFF));
        }
        b.tiers(tierings.get(k), t);
      }
      return b.build();
    } finally {
      clock.writeLock().unlock();
    }
  }

  private void forEachSlot(IntConsumer action) {
    clock.writeLock().lock(); // a consistent view: no change is half-applied
    try {
      int n = allocated.get();
      for (int slot = 0; slot < n; slot++) {
        if (page(slot).customers[slot & (PAGE_SIZE - 1)] != null) {
          action.accept(slot);
        }
      }
    } finally {
      clock.writeLock().unlock();
    }
  }

  // ------------------------------------------------------------------ internals

  private int allocate() {
    int slot = allocated.getAndIncrement();
    int page = slot / PAGE_SIZE;
    if (page >= pages.length) {
      synchronized (grow) {
        Page[] current = pages;
        if (page >= current.length) {
          Page[] more = java.util.Arrays.copyOf(current, page + 1);
          for (int i = current.length; i <= page; i++) {
            more[i] = new Page(words, tierings.size(), scores.size());
          }
          pages = more;
        }
      }
    }
    return slot;
  }

  private Page page(int slot) {
    return pages[slot / PAGE_SIZE];
  }

  private Object stripe(int slot) {
    return stripes[slot & (STRIPES - 1)];
  }

  private int segmentIndex(String segment) {
    int i = segment == null ? -1 : segments.indexOf(segment);
    if (i < 0) {
      throw new IllegalArgumentException(
          "the catalog has no segment \"" + segment + "\"; it has " + segments);
    }
    return i;
  }

  private int tieringIndex(String tiering) {
    int k = tiering == null ? -1 : tierings.indexOf(tiering);
    if (k < 0) {
      throw new IllegalArgumentException(
          "the catalog has no tiering or RFM model \"" + tiering + "\"; it has " + tierings);
    }
    return k;
  }

  private static String checkId(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("customer id must not be null or empty");
    }
    return id;
  }

  private SchemaCustomer blank(String id) {
    return Customer.builder(schema, id).build();
  }

  /** A checked copy of {@code c} with attributes changed and events added. */
  private SchemaCustomer copy(Customer c, Map<String, ?> attributes, Collection<Event> events) {
    SchemaCustomer.Builder b = Customer.builder(schema, c.id());
    for (String a : schema.attributes().keySet()) {
      Object v = attributes != null && attributes.containsKey(a) ? attributes.get(a) : c.value(a);
      b.set(a, v);
    }
    if (attributes != null) {
      for (String a : attributes.keySet()) {
        if (schema.attribute(a) == null) {
          b.set(a, attributes.get(a)); // throws, naming the customer and attribute
        }
      }
    }
    for (String type : schema.eventTypes().keySet()) {
      for (Event e : c.events(type)) {
        b.event(e);
      }
    }
    if (events != null) {
      for (Event e : events) {
        b.event(e);
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "MembershipTracker[" + size() + " customers at " + now + "]";
  }
}
