package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The row engine puts a list the customer gives out of time order in order itself, in a list each
 * thread reuses (sorted stably by the JDK's sort), where a {@link SchemaCustomer}'s lists come
 * sorted: every aggregate, over every kind of window, with and without a filter, and RFM scores
 * give the same value (and the same text in explanations) for the events in any order as for the
 * same list sorted stably by time. Ties are what could tell them apart: events at the same instant,
 * equal values (0.0 and -0.0 among them) of MIN and MAX, and events exactly on a window's ends;
 * lists of up to 76 events, beyond the 32 below which the sort is an insertion sort, make it merge
 * runs.
 */
class UnsortedEventsProperties {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final Schema SCHEMA =
      Schema.builder()
          .eventType(
              EventType.of(
                  "purchase",
                  Attribute.number("amount"),
                  Attribute.integer("quantity"),
                  Attribute.string("channel")))
          .build();
  private static final Instant FROM = AS_OF.minusSeconds(40 * 86_400L);
  private static final Instant TO = AS_OF.minusSeconds(10 * 86_400L);
  private static final List<EventWindow> WINDOWS =
      List.of(
          EventWindow.ever(),
          EventWindow.last(30, WindowUnit.DAYS),
          EventWindow.last(200, WindowUnit.DAYS),
          EventWindow.between(FROM, TO));
  private static final CompiledCatalog ROWS = RowEngine.compile(catalog(), SCHEMA);

  private static Catalog catalog() {
    List<Segment> segments = new ArrayList<>();
    List<Condition> filters = List.of(new Always(), new Compare("channel", Operator.EQ, "web"));
    for (Aggregate a : Aggregate.values()) {
      for (int w = 0; w < WINDOWS.size(); w++) {
        for (int f = 0; f < filters.size(); f++) {
          for (String property : a.needsProperty() ? List.of("amount", "quantity") : noProperty()) {
            segments.add(
                Segment.of(
                    a + "-" + w + "-" + f + "-" + property,
                    new EventCondition(
                        "purchase", filters.get(f), WINDOWS.get(w), a, property, Operator.GE, 2L)));
          }
        }
      }
    }
    List<RfmModel> rfms = new ArrayList<>();
    for (int w = 0; w < WINDOWS.size(); w++) {
      rfms.add(
          new RfmModel(
              "rfm-" + w,
              "",
              "purchase",
              "amount",
              WINDOWS.get(w),
              ImmutableList.of(5.0, 20.0, 60.0, 150.0),
              ImmutableList.of(1.0, 2.0, 3.0, 5.0),
              ImmutableList.of(1.0, 5.0, 10.0, 20.0)));
    }
    return new Catalog(ImmutableList.copyOf(segments), null, null, ImmutableList.copyOf(rfms));
  }

  private static List<String> noProperty() {
    return Arrays.asList((String) null);
  }

  @Property(tries = 300)
  void everyAggregateAndRfm_sameForAnyOrder_asForTimeOrder(@ForAll long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(4) == 0 ? 17 + random.nextInt(60) : random.nextInt(14);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(event(random));
    }
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, random);
    Customer anyOrder = OwnCustomer.withPurchases("ann", shuffled);
    // The same list sorted stably: events at one instant keep the order the list gives them in.
    SchemaCustomer sorted = sorted("ann", shuffled);

    for (String segment : ROWS.segmentNames()) {
      assertThat(ROWS.explain(segment, anyOrder, CTX).actual())
          .as(segment + " " + shuffled)
          .isEqualTo(ROWS.explain(segment, sorted, CTX).actual());
    }
    assertThat(ROWS.segmentsOf(anyOrder, CTX)).isEqualTo(ROWS.segmentsOf(sorted, CTX));
    for (int w = 0; w < WINDOWS.size(); w++) {
      assertThat(ROWS.rfm("rfm-" + w, anyOrder, CTX))
          .as("rfm-" + w + " " + shuffled)
          .isEqualTo(ROWS.rfm("rfm-" + w, sorted, CTX));
    }
  }

  @Example
  void nullEventInAList_isRejectedNamingTheCustomerAndTheEvent() {
    List<Event> events = new ArrayList<>();
    events.add(Event.of(SCHEMA.eventType("purchase"), AS_OF.minusSeconds(60), Map.of()));
    events.add(null);
    Customer c = OwnCustomer.withPurchases("bob", events);
    assertThatThrownBy(() -> ROWS.segmentsOf(c, CTX))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("bob")
        .hasMessageContaining("event 1 of type \"purchase\" is null");
    Customer noList = OwnCustomer.withPurchases("eve", null);
    assertThatThrownBy(() -> ROWS.segmentsOf(noList, CTX))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("eve")
        .hasMessageContaining("events(\"purchase\") returned null, not a list");
  }

  // An event at one of a few instants (so that some share one, and some fall on a window's ends),
  // with values from a few (so that MIN and MAX meet equal ones) or none.
  private static Event event(Random random) {
    Instant[] times = {
      AS_OF,
      AS_OF.minusSeconds(1),
      AS_OF.minusSeconds(30 * 86_400L),
      AS_OF.minusSeconds(30 * 86_400L - 1),
      FROM,
      TO,
      AS_OF.minusSeconds(100 * 86_400L),
      AS_OF.minusSeconds(300 * 86_400L),
      AS_OF.plusSeconds(60),
    };
    Double[] amounts = {null, 0.0, -0.0, 2.0, 2.5, 7.0};
    Long[] quantities = {null, 1L, 2L, 3L};
    String[] channels = {null, "web", "store"};
    Map<String, Object> properties = new HashMap<>();
    put(properties, "amount", amounts[random.nextInt(amounts.length)]);
    put(properties, "quantity", quantities[random.nextInt(quantities.length)]);
    put(properties, "channel", channels[random.nextInt(channels.length)]);
    return Event.of(SCHEMA.eventType("purchase"), times[random.nextInt(times.length)], properties);
  }

  private static void put(Map<String, Object> properties, String name, Object value) {
    if (value != null) {
      properties.put(name, value);
    }
  }

  private static SchemaCustomer sorted(String id, List<Event> events) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, id);
    for (Event e : events) {
      b.event("purchase", e.timestamp(), e.properties());
    }
    return b.build();
  }
}
