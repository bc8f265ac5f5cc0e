package dev.segmentation.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Compare;
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
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MembershipTrackerTest {
  private static final EventType PURCHASE = EventType.of("purchase", Attribute.number("amount"));
  private static final Schema SCHEMA =
      Schema.builder().attribute(Attribute.integer("age")).eventType(PURCHASE).build();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static final Catalog CATALOG =
      new Catalog(
          ImmutableList.of(
              new Segment(
                  "recent-buyers",
                  "",
                  new EventCondition(
                      "purchase",
                      new Always(),
                      EventWindow.last(30, WindowUnit.DAYS),
                      Aggregate.COUNT,
                      null,
                      Operator.GE,
                      1L)),
              new Segment("adults", "", new Compare("age", Operator.GE, 18L))),
          null,
          ImmutableList.of(
              new Tiering(
                  "value",
                  "",
                  ImmutableList.of(
                      new Tier(
                          "gold",
                          new EventCondition(
                              "purchase",
                              new Always(),
                              EventWindow.last(60, WindowUnit.DAYS),
                              Aggregate.SUM,
                              "amount",
                              Operator.GE,
                              100L))),
                  "bronze")),
          null);

  private static Event purchase(Instant at, double amount) {
    return Event.of(PURCHASE, at, Map.of("amount", amount));
  }

  private static MembershipTracker tracker() {
    return MembershipTracker.create(CATALOG, SCHEMA, ZoneOffset.UTC, T0);
  }

  @Test
  void advanceTo_purchaseLeavesTheWindow_exitsExactlyThirtyDaysLater() {
    MembershipTracker tracker = tracker();
    Instant bought = T0.plusSeconds(3_600).plusNanos(7);
    tracker.put(Customer.builder(SCHEMA, "c1").set("age", 40L).build());
    tracker.advanceTo(bought);

    List<Transition> now = tracker.addEvents("c1", List.of(purchase(bought, 150)));
    List<Transition> later = tracker.advanceTo(T0.plus(Duration.ofDays(90)));

    assertThat(now)
        .containsExactly(
            Transition.entered(bought, "c1", "recent-buyers"),
            Transition.tier(bought, "c1", "value", "bronze", "gold"));
    assertThat(later)
        .containsExactly(
            Transition.exited(bought.plus(Duration.ofDays(30)), "c1", "recent-buyers"),
            Transition.tier(bought.plus(Duration.ofDays(60)), "c1", "value", "gold", "bronze"));
    assertThat(tracker.nextChange("c1")).isEmpty();
  }

  @Test
  void put_newCustomer_entersAndGetsATier() {
    MembershipTracker tracker = tracker();

    List<Transition> t = tracker.put(Customer.builder(SCHEMA, "c1").set("age", 40L).build());

    assertThat(t)
        .containsExactly(
            Transition.entered(T0, "c1", "adults"),
            Transition.tier(T0, "c1", "value", null, "bronze"));
    assertThat(tracker.segmentsOf("c1")).containsExactly("adults");
    assertThat(tracker.tier("c1", "value")).isEqualTo("bronze");
  }

  @Test
  void put_sameDataTwice_secondGivesNoTransitions() {
    MembershipTracker tracker = tracker();
    Customer c =
        Customer.builder(SCHEMA, "c1")
            .set("age", 40L)
            .event(purchase(T0.minusSeconds(5), 10))
            .build();
    tracker.put(c);

    assertThat(tracker.put(c)).isEmpty();
    assertThat(tracker.update("c1", Map.of("age", 40L))).isEmpty();
  }

  @Test
  void addEvents_futureEvent_entersWhenTimeReachesIt() {
    MembershipTracker tracker = tracker();
    Instant later = T0.plus(Duration.ofDays(2));

    List<Transition> added = tracker.addEvents("c1", List.of(purchase(later, 5)));

    assertThat(added).containsExactly(Transition.tier(T0, "c1", "value", null, "bronze"));
    assertThat(tracker.advanceTo(T0.plus(Duration.ofDays(3))))
        .containsExactly(Transition.entered(later, "c1", "recent-buyers"));
  }

  @Test
  void delete_member_exitsEverythingAndIsForgotten() {
    MembershipTracker tracker = tracker();
    tracker.put(Customer.builder(SCHEMA, "c1").set("age", 40L).build());

    assertThat(tracker.delete("c1"))
        .containsExactly(
            Transition.exited(T0, "c1", "adults"),
            Transition.tier(T0, "c1", "value", "bronze", null));
    assertThat(tracker.size()).isZero();
    assertThat(tracker.delete("c1")).isEmpty();
    assertThat(tracker.put(Customer.builder(SCHEMA, "c1").set("age", 10L).build()))
        .containsExactly(Transition.tier(T0, "c1", "value", null, "bronze"));
  }

  @Test
  void update_valueOfWrongType_changesNothingAndNamesTheAttribute() {
    MembershipTracker tracker = tracker();

    assertThatThrownBy(() -> tracker.update("c1", Map.of("age", "old")))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("c1")
        .hasMessageContaining("age");
    assertThat(tracker.size()).isZero();
  }

  @Test
  void advanceTo_earlierInstant_isRefused() {
    MembershipTracker tracker = tracker();

    assertThatThrownBy(() -> tracker.advanceTo(T0.minusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "time only moves forward: now is 2026-01-01T00:00:00Z, got 2025-12-31T23:59:59.999999999Z");
  }

  @Test
  void concurrentUpdates_ofDifferentCustomers_equalEvaluationFromScratch() throws Exception {
    MembershipTracker tracker = tracker();
    int threads = 4;
    int perThread = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  String id = "c" + thread + "-" + i;
                  tracker.update(id, Map.of("age", (long) (i % 40)));
                  tracker.addEvents(
                      id, List.of(purchase(T0.minus(Duration.ofDays(i % 50)), i % 200)));
                  if (i % 7 == 0) {
                    tracker.delete(id);
                  }
                }
              }));
      if (t == 1) {
        tracker.advanceTo(T0.plus(Duration.ofDays(1)));
      }
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    tracker.advanceTo(T0.plus(Duration.ofDays(20)));

    CompiledCatalog compiled = RowEngine.compile(CATALOG, SCHEMA);
    EvaluationContext ctx = EvaluationContext.at(tracker.now());
    int expectedSize = 0;
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        String id = "c" + t + "-" + i;
        if (i % 7 == 0) {
          assertThat(tracker.segmentsOf(id)).isEmpty();
          continue;
        }
        expectedSize++;
        Customer c =
            Customer.builder(SCHEMA, id)
                .set("age", (long) (i % 40))
                .event(purchase(T0.minus(Duration.ofDays(i % 50)), i % 200))
                .build();
        assertThat(tracker.segmentsOf(id)).as(id).isEqualTo(compiled.segmentsOf(c, ctx));
        assertThat(tracker.tier(id, "value")).as(id).isEqualTo(compiled.tier("value", c, ctx));
      }
    }
    assertThat(tracker.size()).isEqualTo(expectedSize);
  }
}
