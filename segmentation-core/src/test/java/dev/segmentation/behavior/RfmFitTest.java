package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.RfmFit;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.RfmModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RfmFit edge cases beside RfmTest: events outside the window, populations under five, ties. */
class RfmFitTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  static final EventWindow YEAR = EventWindow.last(12, WindowUnit.MONTHS);
  static final Schema SCHEMA =
      Schema.builder()
          .attribute("country", AttributeType.STRING)
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  static Instant daysAgo(long days) {
    return AS_OF.minusSeconds(days * 86_400);
  }

  /**
   * Customer c{i} (i = 1..10) bought i times, 10*i each, the last time i days ago: recency i days,
   * frequency i, monetary 10*i*i.
   */
  static SchemaCustomer buyer(int i) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, "c" + i);
    for (int k = 0; k < i; k++) {
      b.event("purchase", daysAgo(i + k), ImmutableMap.of("amount", 10.0 * i));
    }
    return b.build();
  }

  static List<SchemaCustomer> population() {
    List<SchemaCustomer> all = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      all.add(buyer(i));
    }
    all.add(Customer.builder(SCHEMA, "never").build());
    all.add(
        Customer.builder(SCHEMA, "long-ago")
            .event("purchase", daysAgo(500), ImmutableMap.of("amount", 99_999.0))
            .build());
    return all;
  }

  static RfmModel fit(List<? extends Customer> customers) {
    return RfmFit.fit("rfm", "test", "purchase", "amount", YEAR, SCHEMA, customers, CTX);
  }

  @Test
  void fit_handMadePopulation_givesNearestRankQuintilesAndIgnoresCustomersWithoutEvents() {
    RfmModel m = fit(population());
    // n = 10 customers with events: nearest ranks 2, 4, 6, 8 of the sorted values.
    assertThat(m.recencyCuts()).containsExactly(2.0, 4.0, 6.0, 8.0);
    assertThat(m.frequencyCuts()).containsExactly(2.0, 4.0, 6.0, 8.0);
    // monetary 10, 40, 90, 160, 250, 360, 490, 640, 810, 1000 (the 99,999 outside the window
    // is not counted)
    assertThat(m.monetaryCuts()).containsExactly(40.0, 160.0, 360.0, 640.0);
    assertThat(m.window()).isEqualTo(YEAR);
    assertThat(m.eventType()).isEqualTo("purchase");
  }

  @Test
  void fit_smallPopulation_usesTheSameNearestRankFormula() {
    // ranks ceil(0.6)=1, ceil(1.2)=2, ceil(1.8)=2, ceil(2.4)=3 of recency days 1, 2, 3
    RfmModel m = fit(List.of(buyer(1), buyer(2), buyer(3)));
    assertThat(m.recencyCuts()).containsExactly(1.0, 2.0, 2.0, 3.0);
    RfmModel one = fit(List.of(buyer(4)));
    assertThat(one.frequencyCuts()).containsExactly(4.0, 4.0, 4.0, 4.0);
    assertThat(one.monetaryCuts()).containsExactly(160.0, 160.0, 160.0, 160.0);
  }

  @Test
  void fit_ties_giveEqualCutPoints() {
    List<SchemaCustomer> same = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      same.add(
          Customer.builder(SCHEMA, "t" + i)
              .event("purchase", daysAgo(3), ImmutableMap.of("amount", 50.0))
              .build());
    }
    same.add(buyer(1));
    RfmModel m = fit(same);
    // sorted recency 1, 3, 3, 3, 3, 3; ranks 2, 3, 4, 5
    assertThat(m.recencyCuts()).containsExactly(3.0, 3.0, 3.0, 3.0);
    assertThat(m.recencyScore(3)).isEqualTo(5);
    assertThat(m.recencyScore(4)).isEqualTo(1);
  }
}
