package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RfmFit;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFM: fitting quintiles, frozen scoring of one customer, the documented segment table. */
class RfmTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute(Attribute.string("name"))
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  /**
   * Customer i (1..10) bought i times, the last time 10 * i days ago, 100 each time; customer
   * "none" never bought.
   */
  static List<SchemaCustomer> population() {
    List<SchemaCustomer> out = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      SchemaCustomer.Builder b = Customer.builder(SCHEMA, "c" + i);
      for (int k = 0; k < i; k++) {
        Instant t = AS_OF.minus(Duration.ofDays(10L * i + 3L * k)).minusSeconds(60);
        b.event("purchase", t, ImmutableMap.of("amount", 100.0));
      }
      out.add(b.build());
    }
    out.add(Customer.builder(SCHEMA, "none").build());
    return out;
  }

  @Test
  void fit_knownPopulation_givesNearestRankQuintiles() {
    RfmModel m =
        RfmFit.fit("rfm", "", "purchase", "amount", EventWindow.ever(), SCHEMA, population(), CTX);
    // Recency days 10, 20, ..., 100: ranks 2, 4, 6, 8 of 10.
    assertThat(m.recencyCuts()).containsExactly(20.0, 40.0, 60.0, 80.0);
    assertThat(m.frequencyCuts()).containsExactly(2.0, 4.0, 6.0, 8.0);
    assertThat(m.monetaryCuts()).containsExactly(200.0, 400.0, 600.0, 800.0);
  }

  @Test
  void frozenModel_scoresOneCustomerAsInThePopulationRun() {
    List<SchemaCustomer> population = population();
    RfmModel m =
        RfmFit.fit("rfm", "", "purchase", "amount", EventWindow.ever(), SCHEMA, population, CTX);
    CompiledCatalog batch =
        RowEngine.compile(new Catalog(null, null, null, ImmutableList.of(m)), SCHEMA);
    RfmScores inBatch = null;
    for (SchemaCustomer c : population) {
      if (c.id().equals("c9")) {
        inBatch = batch.rfm("rfm", c, CTX);
      }
    }
    // A request later compiles only the frozen model and scores one customer.
    CompiledCatalog request =
        RowEngine.compile(new Catalog(null, null, null, ImmutableList.of(m)), SCHEMA);
    RfmScores alone = request.rfm("rfm", population.get(8), CTX);
    assertThat(alone).isEqualTo(inBatch);
    // c9: 9 purchases, last 90 days ago, 900 spent.
    assertThat(alone.r()).isEqualTo(1);
    assertThat(alone.f()).isEqualTo(5);
    assertThat(alone.m()).isEqualTo(5);
    assertThat(alone.segment()).isEqualTo(RfmSegment.CANNOT_LOSE_THEM);
  }

  @Test
  void customerWithoutEvents_hasNoRfmTier_soInTierIsUnknown() {
    RfmModel m =
        RfmFit.fit("rfm", "", "purchase", "amount", EventWindow.ever(), SCHEMA, population(), CTX);
    CompiledCatalog c =
        RowEngine.compile(
            new Catalog(
                ImmutableList.of(Segment.of("champions", new InTier("rfm", "champions"))),
                null,
                null,
                ImmutableList.of(m)),
            SCHEMA);
    SchemaCustomer none = population().get(10);
    assertThat(c.rfm("rfm", none, CTX)).isNull();
    assertThat(c.tier("rfm", none, CTX)).isNull();
    assertThat(c.evaluate(0, none, CTX)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void fit_withoutAnyEventInTheWindow_isAClearError() {
    assertThatThrownBy(
            () ->
                RfmFit.fit(
                    "rfm",
                    "",
                    "purchase",
                    "amount",
                    EventWindow.last(1, WindowUnit.DAYS),
                    SCHEMA,
                    population(),
                    CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no customer has a \"purchase\" event in the window");
  }

  @Test
  void segmentTable_all125Scores_matchTheDocumentedTable() {
    // The table of RfmSegment's javadoc, encoded independently: rows of (segment, R range, FM
    // range).
    Object[][] table = {
      {RfmSegment.CHAMPIONS, 4, 5, 4, 5},
      {RfmSegment.LOYAL, 3, 3, 4, 5},
      {RfmSegment.CANNOT_LOSE_THEM, 1, 1, 4, 5},
      {RfmSegment.AT_RISK, 2, 2, 3, 5},
      {RfmSegment.AT_RISK, 1, 1, 3, 3},
      {RfmSegment.POTENTIAL_LOYALIST, 4, 5, 2, 3},
      {RfmSegment.NEED_ATTENTION, 3, 3, 3, 3},
      {RfmSegment.NEW, 5, 5, 1, 1},
      {RfmSegment.PROMISING, 4, 4, 1, 1},
      {RfmSegment.ABOUT_TO_SLEEP, 3, 3, 1, 2},
      {RfmSegment.HIBERNATING, 2, 2, 1, 2},
      {RfmSegment.LOST, 1, 1, 1, 2},
    };
    int checked = 0;
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          int fm = (int) Math.round((f + m) / 2.0 + 1e-9); // halves round up
          RfmSegment expected = null;
          for (Object[] row : table) {
            if (r >= (int) row[1]
                && r <= (int) row[2]
                && fm >= (int) row[3]
                && fm <= (int) row[4]) {
              expected = (RfmSegment) row[0];
              break;
            }
          }
          assertThat(expected).as("R=%d FM=%d is covered", r, fm).isNotNull();
          assertThat(RfmSegment.of(r, f, m)).as("R=%d F=%d M=%d", r, f, m).isEqualTo(expected);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(125);
  }
}
