package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.CustomerView;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events may come in any order (order services commonly return the newest first): every engine
 * gives the answer it gives for the same events sorted by time, instead of a wrong answer or an
 * error.
 */
class EventOrderTest {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute(Attribute.string("name"))
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  private static final Catalog CATALOG =
      Catalog.of(
          Segment.of(
              "bought-in-90-days",
              new EventCondition(
                  "purchase",
                  new Always(),
                  EventWindow.last(90, WindowUnit.DAYS),
                  Aggregate.COUNT,
                  null,
                  Operator.GE,
                  1L)),
          Segment.of(
              "spent-ever",
              new EventCondition(
                  "purchase",
                  new Always(),
                  EventWindow.ever(),
                  Aggregate.SUM,
                  "amount",
                  Operator.EQ,
                  30L)),
          Segment.of(
              "first-long-ago",
              new EventCondition(
                  "purchase",
                  new Always(),
                  EventWindow.ever(),
                  Aggregate.DAYS_SINCE_FIRST,
                  null,
                  Operator.GT,
                  300L)));

  /** One purchase two days ago, one in 2024: newest first, as an order service returns them. */
  private static final List<Event> NEWEST_FIRST =
      ImmutableList.of(
          new Event("purchase", AS_OF.minusSeconds(2 * 86_400), ImmutableMap.of("amount", 10.0)),
          new Event(
              "purchase", Instant.parse("2024-03-01T00:00:00Z"), ImmutableMap.of("amount", 20.0)));

  /** A user's own order object. */
  record Account(String id, List<Event> orders) {}

  private static final CustomerView<Account> VIEW =
      CustomerView.builder(SCHEMA, Account::id).events("purchase", Account::orders).build();

  private static Customer handWritten() {
    return OwnCustomer.withPurchases("ann", NEWEST_FIRST);
  }

  @Test
  void rowEngine_eventsNewestFirst_answersAsForSortedEvents() {
    CompiledCatalog compiled = RowEngine.compile(CATALOG, SCHEMA);
    for (Customer c : List.of(handWritten(), VIEW.wrap(new Account("ann", NEWEST_FIRST)))) {
      assertThat(compiled.segmentsOf(c, CTX))
          .containsExactly("bought-in-90-days", "spent-ever", "first-long-ago");
      assertThat(compiled.explain("bought-in-90-days", c, CTX).actual()).isEqualTo("1");
      assertThat(compiled.explain("spent-ever", c, CTX).actual()).isEqualTo("30.0");
    }
  }

  @Test
  void columnarEngine_eventsNewestFirst_answersAsForSortedEvents() {
    CustomerTable table =
        CustomerTable.builder(SCHEMA)
            .add(handWritten())
            .add(VIEW.wrap(new Account("bob", NEWEST_FIRST)))
            .build();
    BatchResult result = ColumnarEngine.compile(CATALOG, SCHEMA).evaluate(table, CTX);
    for (String segment : CATALOG.segments().stream().map(Segment::name).toList()) {
      assertThat(result.count(segment)).as(segment).isEqualTo(2);
    }
    assertThat(table.customer(0).events("purchase")).extracting(Event::timestamp).isSorted();
  }
}
