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
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code sum} and {@code avg} do not depend on the order of the events: the exact sum of the
 * values, rounded once to the nearest double. 98.66 + 173.68 + 27.66 is 300.00000000000006 when
 * added left to right in one order and 300.0 in another; its exact value rounds to 300.0.
 */
class ExactSumTest {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final Schema SCHEMA =
      Schema.builder().eventType(EventType.of("purchase", Attribute.number("amount"))).build();

  private static EventCondition amount(Aggregate aggregate, Operator op, Number value) {
    return new EventCondition(
        "purchase", new Always(), EventWindow.ever(), aggregate, "amount", op, value);
  }

  private static final Catalog CATALOG =
      new Catalog(
          ImmutableList.of(
              Segment.of("over-300", amount(Aggregate.SUM, Operator.GT, 300L)),
              Segment.of("exactly-300", amount(Aggregate.SUM, Operator.EQ, 300L)),
              Segment.of("avg-100", amount(Aggregate.AVG, Operator.EQ, 100L))),
          null,
          null,
          ImmutableList.of(
              new RfmModel(
                  "rfm",
                  "",
                  "purchase",
                  "amount",
                  EventWindow.last(365, WindowUnit.DAYS),
                  ImmutableList.of(30.0, 60.0, 90.0, 120.0),
                  ImmutableList.of(1.0, 2.0, 3.0, 4.0),
                  ImmutableList.of(100.0, 200.0, 300.0, 300.00000000000006))));

  /** A customer whose purchases, oldest first, have these amounts. */
  private static SchemaCustomer buyer(String id, double... amounts) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, id);
    for (int i = 0; i < amounts.length; i++) {
      b.event(
          "purchase",
          AS_OF.minusSeconds(86_400L * (10 - i)),
          ImmutableMap.of("amount", amounts[i]));
    }
    return b.build();
  }

  private static final List<SchemaCustomer> BUYERS =
      List.of(buyer("a", 98.66, 173.68, 27.66), buyer("b", 27.66, 98.66, 173.68));

  @Test
  void rowEngine_sumAndAvg_areTheExactSumRoundedOnce_inEveryOrder() {
    CompiledCatalog compiled = RowEngine.compile(CATALOG, SCHEMA);
    for (SchemaCustomer c : BUYERS) {
      assertThat(compiled.segmentsOf(c, CTX)).as(c.id()).containsExactly("exactly-300", "avg-100");
      assertThat(compiled.explain("over-300", c, CTX).actual()).isEqualTo("300.0");
      assertThat(compiled.explain("avg-100", c, CTX).actual()).isEqualTo("100.0");
      assertThat(compiled.rfm("rfm", c, CTX).monetary()).isEqualTo(300.0);
    }
  }

  @Test
  void columnarEngine_sumAndAvg_areTheExactSumRoundedOnce_inEveryOrder() {
    BatchResult result =
        ColumnarEngine.compile(CATALOG, SCHEMA).evaluate(CustomerTable.of(SCHEMA, BUYERS), CTX);
    assertThat(result.count("over-300")).isZero();
    assertThat(result.count("exactly-300")).isEqualTo(2);
    assertThat(result.count("avg-100")).isEqualTo(2);
    assertThat(result.rfm("rfm", 0).monetary()).isEqualTo(300.0);
    assertThat(result.rfm("rfm", 1).monetary()).isEqualTo(300.0);
  }
}
