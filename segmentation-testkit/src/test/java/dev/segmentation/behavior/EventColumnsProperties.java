package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventColumns;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.model.ValueSource;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import dev.segmentation.testkit.RandomCatalogs;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * A customer that offers its events by position ({@link Customer#eventColumns}) is evaluated as the
 * same customer built with {@link Event} objects: every segment's result, tier, score and RFM
 * scores, over random catalogs (event conditions of every aggregate, window and filter) and random
 * customers (absent properties, events at the same instant). Columns out of time order break the
 * contract; the engine must notice and read the list instead.
 */
class EventColumnsProperties {

  @Property(tries = 200)
  void columns_evaluateAsTheEventObjects(@ForAll long seed) {
    RandomCatalogs random = new RandomCatalogs(seed);
    Catalog catalog = EventOrderProperties.catalog(random, 1 + (int) Math.floorMod(seed, 8L));
    CompiledCatalog compiled = RowEngine.compile(catalog, RandomCatalogs.SCHEMA);
    CompiledCatalog.Result byColumns = compiled.newResult();
    CompiledCatalog.Result byEvents = compiled.newResult();
    int offered = 0;
    for (SchemaCustomer c : random.customers(20)) {
      compiled.evaluate(c, RandomCatalogs.CTX, byEvents);
      for (boolean reversed : new boolean[] {false, true}) {
        Columnar columnar = new Columnar(c, reversed);
        compiled.evaluate(columnar, RandomCatalogs.CTX, byColumns);
        offered += columnar.offered;
        for (int i = 0; i < compiled.segmentNames().size(); i++) {
          assertThat(byColumns.segment(i))
              .as("segment %s of %s (reversed %s)", i, c, reversed)
              .isEqualTo(byEvents.segment(i));
        }
        for (int i = 0; i < catalog.tierings().size(); i++) {
          assertThat(byColumns.tier(i)).as("tier of %s", c).isEqualTo(byEvents.tier(i));
        }
        for (int i = 0; i < catalog.scores().size(); i++) {
          assertThat(byColumns.score(i)).as("score of %s", c).isEqualTo(byEvents.score(i));
        }
        for (int i = 0; i < catalog.rfmModels().size(); i++) {
          assertThat(byColumns.rfm(i)).as("RFM of %s", c).isEqualTo(byEvents.rfm(i));
        }
      }
    }
    OFFERED.addAndGet(offered);
  }

  /**
   * Events exactly on a window's bounds, and a millisecond either side, are in or out of the window
   * the same by position as by {@link Event} object: random windows rarely end on an event's time,
   * so the property above would not see an inclusive bound read as exclusive.
   */
  @Example
  void columns_eventsOnAWindowsBounds_areInOrOutAsTheEventObjects() {
    Instant asOf = RandomCatalogs.AS_OF;
    Instant from = asOf.minus(Duration.ofDays(300));
    Instant to = asOf.minus(Duration.ofDays(30));
    List<EventWindow> windows = new ArrayList<>();
    windows.add(EventWindow.ever());
    windows.add(EventWindow.last(30, WindowUnit.DAYS));
    windows.add(EventWindow.last(2, WindowUnit.MONTHS));
    windows.add(EventWindow.between(from, to));
    for (CalendarPeriod p : CalendarPeriod.values()) {
      windows.add(EventWindow.in(p));
    }
    List<Segment> segments = new ArrayList<>();
    for (EventWindow w : windows) {
      segments.add(
          Segment.of(
              "window-" + segments.size(),
              new EventCondition(
                  "purchase", new Always(), w, Aggregate.COUNT, null, Operator.GE, 1L)));
    }
    CompiledCatalog compiled = RowEngine.compile(Catalog.of(segments), RandomCatalogs.SCHEMA);
    ZonedDateTime local = asOf.atZone(ZoneOffset.UTC);
    List<Instant> bounds =
        List.of(
            asOf,
            asOf.minus(Duration.ofDays(30)),
            local.minusMonths(2).toInstant(),
            from,
            to,
            local.truncatedTo(ChronoUnit.DAYS).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).minusDays(1).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).with(DayOfWeek.MONDAY).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).with(DayOfWeek.MONDAY).minusWeeks(1).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).minusMonths(1).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth(10).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth(7).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).toInstant(),
            local.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).minusYears(1).toInstant());
    CompiledCatalog.Result byColumns = compiled.newResult();
    CompiledCatalog.Result byEvents = compiled.newResult();
    int in = 0;
    for (Instant bound : bounds) {
      for (long offset = -1; offset <= 1; offset++) {
        Instant t = bound.plusMillis(offset);
        SchemaCustomer c =
            Customer.builder(RandomCatalogs.SCHEMA, "at " + t)
                .event("purchase", t, Map.of("amount", 10.0, "category", "books"))
                .build();
        Columnar columnar = new Columnar(c, false);
        compiled.evaluate(c, RandomCatalogs.CTX, byEvents);
        compiled.evaluate(columnar, RandomCatalogs.CTX, byColumns);
        assertThat(columnar.offered).as("columns offered for %s", t).isEqualTo(1);
        for (int i = 0; i < segments.size(); i++) {
          assertThat(byColumns.segment(i))
              .as("%s, one event at %s", windows.get(i), t)
              .isEqualTo(byEvents.segment(i));
          in += byEvents.segment(i) == Truth.TRUE ? 1 : 0;
        }
      }
    }
    assertThat(in).as("events inside some window").isGreaterThan(bounds.size());
  }

  private static final AtomicInteger OFFERED = new AtomicInteger();

  @AfterContainer
  static void columnsWereRead() {
    assertThat(OFFERED.get()).as("event types the engine read by position").isGreaterThan(100);
  }

  /**
   * The customer with each type's events in columns (times in epoch milliseconds, properties
   * through one re-pointed object), or, when {@code reversed}, in reverse time order (against the
   * contract; the list stays right).
   */
  private static final class Columnar implements Customer {
    private final SchemaCustomer c;
    private final boolean reversed;
    int offered;

    Columnar(SchemaCustomer c, boolean reversed) {
      this.c = c;
      this.reversed = reversed;
    }

    @Override
    public String id() {
      return c.id();
    }

    @Override
    public Object value(String attribute) {
      return c.value(attribute);
    }

    @Override
    public List<Event> events(String eventType) {
      return c.events(eventType);
    }

    @Override
    public EventColumns eventColumns(String eventType) {
      List<Event> events = new ArrayList<>(c.events(eventType));
      for (Event e : events) {
        if (e.timestamp().getNano() % 1_000_000 != 0) {
          return null; // finer than a millisecond: not offered, as the contract says
        }
      }
      if (reversed) {
        Collections.reverse(events);
      }
      offered++;
      long[] times = new long[events.size()];
      for (int i = 0; i < times.length; i++) {
        times[i] = events.get(i).timestamp().toEpochMilli();
      }
      Cursor cursor = new Cursor(events);
      return new EventColumns() {
        @Override
        public int size() {
          return times.length;
        }

        @Override
        public long epochMilli(int i) {
          return times[i];
        }

        @Override
        public ValueSource properties(int i) {
          cursor.event = i;
          return cursor;
        }
      };
    }
  }

  /** Event {@code event}'s properties (the primitive reads are ValueSource's defaults). */
  private static final class Cursor implements ValueSource {
    private final List<Event> events;
    int event;

    Cursor(List<Event> events) {
      this.events = events;
    }

    @Override
    public Object value(String attribute) {
      return events.get(event).value(attribute);
    }

    @Override
    public Object value(int position, String attribute) {
      return events.get(event).value(position, attribute);
    }
  }
}
