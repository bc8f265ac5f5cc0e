package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.CustomerView;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A {@link CustomerView} converts a user's orders to events once per evaluation, not once per event
 * condition: a catalog of 11 segments on purchases reads them once per {@code evaluateAll}.
 */
class EventReadsTest {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final EventType PURCHASE = EventType.of("purchase", Attribute.number("amount"));
  private static final Schema SCHEMA = Schema.builder().eventType(PURCHASE).build();

  /** A user's order, converted to an event by the view. */
  record Order(Instant placedAt, double total) {}

  record Account(String id, List<Order> orders) {}

  private final AtomicInteger conversions = new AtomicInteger();

  private final CustomerView<Account> view =
      CustomerView.builder(SCHEMA, Account::id)
          .events(
              "purchase",
              account -> {
                conversions.incrementAndGet();
                List<Event> events = new ArrayList<>();
                for (Order o : account.orders()) {
                  events.add(
                      Event.of(PURCHASE, o.placedAt(), ImmutableMap.of("amount", o.total())));
                }
                return events;
              })
          .build();

  private static Condition purchases(int days, Aggregate aggregate, long value) {
    return new EventCondition(
        "purchase",
        new Always(),
        EventWindow.last(days, WindowUnit.DAYS),
        aggregate,
        aggregate == Aggregate.COUNT ? null : "amount",
        Operator.GE,
        value);
  }

  private static Catalog elevenSegments() {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      segments.add(
          Segment.of(
              "s" + i, purchases(30 * (i + 1), i % 2 == 0 ? Aggregate.COUNT : Aggregate.SUM, i)));
    }
    segments.add(Segment.of("s10", new InSegment("s9")));
    return new Catalog(
        ImmutableList.copyOf(segments),
        null,
        null,
        ImmutableList.of(
            new RfmModel(
                "rfm",
                "",
                "purchase",
                "amount",
                EventWindow.ever(),
                ImmutableList.of(1.0, 2.0, 3.0, 4.0),
                ImmutableList.of(1.0, 2.0, 3.0, 4.0),
                ImmutableList.of(1.0, 2.0, 3.0, 4.0))));
  }

  private final Account ann =
      new Account(
          "ann",
          List.of(
              new Order(AS_OF.minusSeconds(86_400), 40.0),
              new Order(AS_OF.minusSeconds(200 * 86_400L), 60.0)));

  @Test
  void evaluateAll_elevenEventSegments_convertsTheOrdersOnce() {
    CompiledCatalog compiled = RowEngine.compile(elevenSegments(), SCHEMA);
    Customer c = view.wrap(ann);
    Truth[] out = new Truth[11];
    compiled.evaluateAll(c, CTX, out);
    assertThat(conversions).hasValue(1);
    assertThat(out).containsOnly(Truth.TRUE, Truth.FALSE);
    compiled.evaluateAll(c, CTX, out);
    assertThat(conversions).as("each evaluation reads afresh").hasValue(2);
  }

  @Test
  void everyEntryPoint_convertsTheOrdersOncePerCall() {
    CompiledCatalog compiled = RowEngine.compile(elevenSegments(), SCHEMA);
    Customer c = view.wrap(ann);
    compiled.segmentsOf(c, CTX);
    compiled.explain("s10", c, CTX);
    compiled.tier("rfm", c, CTX);
    compiled.rfm("rfm", c, CTX);
    compiled.explainTier("rfm", c, CTX);
    compiled.evaluate(10, c, CTX);
    assertThat(conversions).hasValue(6);
  }
}
