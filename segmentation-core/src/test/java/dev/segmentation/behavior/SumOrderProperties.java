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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sums and averages of event properties, and RFM monetary values, are bit-identical whatever the
 * order of the events, in both engines.
 */
class SumOrderProperties {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final Schema SCHEMA =
      Schema.builder()
          .eventType(
              EventType.of("purchase", Attribute.number("amount"), Attribute.integer("quantity")))
          .build();
  private static final RfmModel RFM =
      new RfmModel(
          "rfm",
          "",
          "purchase",
          "amount",
          EventWindow.ever(),
          ImmutableList.of(1.0, 2.0, 3.0, 4.0),
          ImmutableList.of(1.0, 2.0, 3.0, 4.0),
          ImmutableList.of(100.0, 200.0, 300.0, 400.0));

  @Provide
  Arbitrary<List<Double>> amounts() {
    Arbitrary<Double> cents = Arbitraries.integers().between(-50_000, 100_000).map(c -> c / 100.0);
    Arbitrary<Double> any =
        Arbitraries.doubles().between(-1e20, 1e20).withSpecialValue(0.1).withSpecialValue(1e16);
    return Arbitraries.oneOf(cents, any).list().ofMinSize(1).ofMaxSize(12);
  }

  private static SchemaCustomer buyer(String id, List<Double> amounts, List<Long> quantities) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, id);
    for (int i = 0; i < amounts.size(); i++) {
      b.event(
          "purchase",
          AS_OF.minusSeconds(3_600L * (i + 1)),
          ImmutableMap.of("amount", amounts.get(i), "quantity", quantities.get(i)));
    }
    return b.build();
  }

  private static EventCondition aggregate(Aggregate a, String property, Number value) {
    return new EventCondition(
        "purchase",
        new Always(),
        EventWindow.last(30, WindowUnit.DAYS),
        a,
        property,
        Operator.EQ,
        value);
  }

  @Property(tries = 300)
  void sumAvgAndMonetary_areBitIdentical_inEveryOrder_inBothEngines(
      @ForAll("amounts") List<Double> amounts, @ForAll long seed) {
    Random random = new Random(seed);
    List<Long> quantities = new ArrayList<>();
    for (int i = 0; i < amounts.size(); i++) {
      quantities.add(
          random.nextInt(3) == 0 ? Long.MAX_VALUE - random.nextInt(5) : random.nextLong());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < amounts.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<Double> amounts2 = new ArrayList<>();
    List<Long> quantities2 = new ArrayList<>();
    for (int i : order) {
      amounts2.add(amounts.get(i));
      quantities2.add(quantities.get(i));
    }
    List<SchemaCustomer> customers =
        List.of(buyer("a", amounts, quantities), buyer("b", amounts2, quantities2));

    Catalog probe =
        Catalog.of(
            Segment.of("sum", aggregate(Aggregate.SUM, "amount", 0L)),
            Segment.of("avg", aggregate(Aggregate.AVG, "amount", 0L)),
            Segment.of("qsum", aggregate(Aggregate.SUM, "quantity", 0L)),
            Segment.of("qavg", aggregate(Aggregate.AVG, "quantity", 0L)));
    CompiledCatalog rows = RowEngine.compile(probe, SCHEMA);
    List<String> values = new ArrayList<>();
    for (String segment : rows.segmentNames()) {
      String a = rows.explain(segment, customers.get(0), CTX).actual();
      String b = rows.explain(segment, customers.get(1), CTX).actual();
      assertThat(b).as(segment).isEqualTo(a);
      values.add(a);
    }
    // The columnar engine finds each value equal to the row engine's, for both customers.
    Catalog exact =
        new Catalog(
            ImmutableList.of(
                Segment.of("sum", aggregate(Aggregate.SUM, "amount", number(values.get(0)))),
                Segment.of("avg", aggregate(Aggregate.AVG, "amount", number(values.get(1)))),
                Segment.of("qsum", aggregate(Aggregate.SUM, "quantity", number(values.get(2)))),
                Segment.of("qavg", aggregate(Aggregate.AVG, "quantity", number(values.get(3))))),
            null,
            null,
            ImmutableList.of(RFM));
    CompiledCatalog exactRows = RowEngine.compile(exact, SCHEMA);
    BatchResult result =
        ColumnarEngine.compile(exact, SCHEMA).evaluate(CustomerTable.of(SCHEMA, customers), CTX);
    for (String segment : exactRows.segmentNames()) {
      assertThat(result.count(segment))
          .as(
              segment
                  + " "
                  + values
                  + amounts
                  + quantities
                  + exactRows.explain(segment, customers.get(0), CTX))
          .isEqualTo(2);
      assertThat(exactRows.segmentsOf(customers.get(1), CTX)).contains(segment);
    }
    double monetary = exactRows.rfm("rfm", customers.get(0), CTX).monetary();
    assertThat(exactRows.rfm("rfm", customers.get(1), CTX).monetary()).isEqualTo(monetary);
    assertThat(result.rfm("rfm", 0).monetary()).isEqualTo(monetary);
    assertThat(result.rfm("rfm", 1).monetary()).isEqualTo(monetary);
    assertThat(String.valueOf(monetary)).isEqualTo(values.get(0));
  }

  private static Number number(String shown) {
    if (shown.contains(".") || shown.contains("E")) {
      return Double.valueOf(shown);
    }
    return Long.valueOf(shown); // not in a conditional expression, which would make it a double
  }
}
