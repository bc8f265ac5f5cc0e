package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.TimeUnit;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmFit;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fitting RFM cut points on a population, freezing them, and the documented segment table. */
class RfmFitTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  static final EventWindow YEAR = EventWindow.last(12, TimeUnit.MONTHS);
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
    return RfmFit.fit("rfm", "test", "purchase", "amount", YEAR, customers, CTX, SCHEMA);
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

  @Test
  void fit_nobodyHasEventsInTheWindow_isAClearError() {
    assertThatThrownBy(() -> fit(List.of(Customer.builder(SCHEMA, "x").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rfm")
        .hasMessageContaining("no customer has a \"purchase\" event");
  }

  @Test
  void frozenModel_scoresASingleCustomerExactlyAsInThePopulationRun() {
    List<SchemaCustomer> population = population();
    RfmModel fitted = fit(population);
    CompiledCatalog batch = RowEngine.compile(rfmCatalog(fitted), SCHEMA);
    Map<String, RfmScores> populationRun = new HashMap<>();
    for (SchemaCustomer c : population) {
      populationRun.put(c.id(), batch.rfm("rfm", c, CTX));
    }
    // Freeze: copy the cut points into a new model, as a rules document would, and score one
    // customer alone in a "request".
    RfmModel frozen =
        new RfmModel(
            "rfm",
            "frozen",
            "purchase",
            "amount",
            YEAR,
            ImmutableList.copyOf(fitted.recencyCuts()),
            ImmutableList.copyOf(fitted.frequencyCuts()),
            ImmutableList.copyOf(fitted.monetaryCuts()));
    CompiledCatalog request = RowEngine.compile(rfmCatalog(frozen), SCHEMA);
    RfmScores single = request.rfm("rfm", buyer(5), CTX);
    assertThat(single).isEqualTo(populationRun.get("c5"));
    // c5: 5 days (<= 6: R 3), 5 purchases (<= 6: F 3), 250 (<= 360: M 3)
    assertThat(single).isEqualTo(new RfmScores(5, 5, 250, 3, 3, 3, RfmSegment.NEED_ATTENTION));
    assertThat(request.rfm("rfm", buyer(1), CTX).segment()).isEqualTo(RfmSegment.NEW);
    assertThat(request.rfm("rfm", buyer(10), CTX).segment()).isEqualTo(RfmSegment.CANNOT_LOSE_THEM);
  }

  @Test
  void customerWithoutEvents_hasNoRfmTier_andInTierIsUnknown() {
    RfmModel fitted = fit(population());
    CompiledCatalog compiled = RowEngine.compile(rfmCatalog(fitted), SCHEMA);
    for (String id : List.of("never", "long-ago")) {
      SchemaCustomer c =
          population().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
      assertThat(compiled.rfm("rfm", c, CTX)).isNull();
      assertThat(compiled.tier("rfm", c, CTX)).isNull();
      assertThat(compiled.evaluate(compiled.segmentIndex("champions"), c, CTX))
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(compiled.evaluate(compiled.segmentIndex("champions"), buyer(10), CTX))
        .isEqualTo(Truth.FALSE);
  }

  static Catalog rfmCatalog(RfmModel model) {
    return new Catalog(
        ImmutableList.of(Segment.of("champions", new InTier("rfm", "champions"))),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(model));
  }

  /** One row of RfmSegment's javadoc table, encoded independently of RfmSegment.of. */
  record Row(RfmSegment segment, int rLow, int rHigh, int fmLow, int fmHigh) {
    boolean covers(int r, int fm) {
      return r >= rLow && r <= rHigh && fm >= fmLow && fm <= fmHigh;
    }
  }

  static final List<Row> TABLE =
      List.of(
          new Row(RfmSegment.CHAMPIONS, 4, 5, 4, 5),
          new Row(RfmSegment.LOYAL, 3, 3, 4, 5),
          new Row(RfmSegment.CANNOT_LOSE_THEM, 1, 1, 4, 5),
          new Row(RfmSegment.AT_RISK, 2, 2, 3, 5),
          new Row(RfmSegment.AT_RISK, 1, 1, 3, 3),
          new Row(RfmSegment.POTENTIAL_LOYALIST, 4, 5, 2, 3),
          new Row(RfmSegment.NEED_ATTENTION, 3, 3, 3, 3),
          new Row(RfmSegment.NEW, 5, 5, 1, 1),
          new Row(RfmSegment.PROMISING, 4, 4, 1, 1),
          new Row(RfmSegment.ABOUT_TO_SLEEP, 3, 3, 1, 2),
          new Row(RfmSegment.HIBERNATING, 2, 2, 1, 2),
          new Row(RfmSegment.LOST, 1, 1, 1, 2));

  @Test
  void all125Scores_mapToTheSegmentOfTheDocumentedTable() {
    int checked = 0;
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          int fm = (int) Math.round((f + m) / 2.0); // halves round up for positive values
          int rr = r;
          List<Row> rows = TABLE.stream().filter(row -> row.covers(rr, fm)).toList();
          assertThat(rows).as("rows covering R=%d FM=%d", r, fm).hasSize(1);
          assertThat(RfmSegment.of(r, f, m))
              .as("R=%d F=%d M=%d", r, f, m)
              .isEqualTo(rows.get(0).segment());
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(125);
    assertThat(TABLE.stream().map(Row::segment).distinct())
        .containsExactlyInAnyOrder(RfmSegment.values());
  }
}
