package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.columnar.MembershipDiff;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.live.MembershipTracker;
import dev.segmentation.live.Transition;
import dev.segmentation.model.Event;
import dev.segmentation.model.SchemaCustomer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The membership tracker against batch runs from scratch: the bundled example (2,000 customers,
 * 19,842 events from 2024-11-01 to 2026-11-01, every kind of segment, a score, two tierings and an
 * RFM model) is replayed in time order through a tracker, which holds each customer's attributes
 * from the start and receives each event when the clock reaches its timestamp. At every day
 * boundary (UTC midnight) for two years and a day, the tracker's members of every segment and every
 * customer's tiers equal a columnar batch run at that instant, and the tracker's transitions since
 * the previous boundary (in time order, each a real change) net out to the batch {@code diff} of
 * the two days.
 */
class TrackerDifferentialTest {
  private static final Instant START = Instant.parse("2024-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-02T00:00:00Z");

  private record Timed(Instant at, String id, Event event) {}

  @Test
  void replayOfTheExample_equalsBatchRunsAtEveryDayBoundary() throws Exception {
    RulesDocument rules = RulesJson.read(Path.of("../examples/rules.json"));
    List<SchemaCustomer> customers = new ArrayList<>();
    try (CustomerInput in =
        CustomerInput.open(
            Path.of("../examples/customers.jsonl"), rules.schema(), null, Dialect.DEFAULT)) {
      for (CustomerInput.Row row = in.next(); row != null; row = in.next()) {
        customers.add(row.customer());
      }
    }
    CustomerTable table = CustomerTable.of(rules.schema(), customers);
    ColumnarCatalog batch = ColumnarEngine.compile(rules.catalog(), rules.schema());
    MembershipTracker tracker =
        MembershipTracker.create(rules.catalog(), rules.schema(), ZoneOffset.UTC, START);
    List<Timed> events = new ArrayList<>();
    List<Transition> transitions = new ArrayList<>();
    for (SchemaCustomer c : customers) {
      Map<String, Object> attributes = new HashMap<>();
      for (String a : rules.schema().attributes().keySet()) {
        attributes.put(a, c.value(a));
      }
      transitions.addAll(tracker.update(c.id(), attributes));
      for (String type : rules.schema().eventTypes().keySet()) {
        for (Event e : c.events(type)) {
          events.add(new Timed(e.timestamp(), c.id(), e));
        }
      }
    }
    events.sort(Comparator.comparing(Timed::at));
    assertThat(events.get(0).at()).isAfterOrEqualTo(START);

    BatchResult previous = batch.evaluate(table, EvaluationContext.at(START), 1);
    compare(tracker, previous, table);
    transitions.clear();
    int next = 0;
    int days = 0;
    long total = 0;
    for (Instant day = START.plus(Duration.ofDays(1));
        !day.isAfter(END);
        day = day.plus(Duration.ofDays(1))) {
      for (; next < events.size() && !events.get(next).at().isAfter(day); next++) {
        Timed e = events.get(next);
        transitions.addAll(tracker.advanceTo(e.at()));
        transitions.addAll(tracker.addEvents(e.id(), List.of(e.event())));
      }
      transitions.addAll(tracker.advanceTo(day));
      BatchResult now = batch.evaluate(table, EvaluationContext.at(day), 1);
      compare(tracker, now, table);
      checkTransitions(transitions, previous, now, day);
      total += transitions.size();
      transitions.clear();
      previous = now;
      days++;
    }
    assertThat(next).isEqualTo(events.size());
    assertThat(days).isEqualTo(731);
    assertThat(total).as("transitions over two years").isGreaterThan(10_000);
  }

  private static void compare(MembershipTracker tracker, BatchResult batch, CustomerTable table) {
    for (String segment : batch.segmentNames()) {
      Set<String> expected = new HashSet<>();
      batch.memberIds(segment).forEach(expected::add);
      assertThat(tracker.members(segment))
          .as("%s at %s", segment, tracker.now())
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    for (int row = 0; row < table.size(); row++) {
      for (String tiering : tracker.tieringNames()) {
        assertThat(tracker.tier(table.id(row), tiering))
            .as("%s of %s at %s", tiering, table.id(row), tracker.now())
            .isEqualTo(batch.tier(tiering, row));
      }
    }
  }

  // The day's transitions: in time order, inside the day, each a real change, netting to the diff.
  private static void checkTransitions(
      List<Transition> transitions, BatchResult before, BatchResult after, Instant day) {
    Instant dayBefore = day.minus(Duration.ofDays(1));
    Map<String, Boolean> firstWasIn = new HashMap<>();
    Map<String, Boolean> lastIsIn = new HashMap<>();
    Instant previous = dayBefore;
    for (Transition t : transitions) {
      assertThat(t.at())
          .as("%s", t)
          .isAfterOrEqualTo(previous)
          .isAfter(dayBefore)
          .isBeforeOrEqualTo(day);
      previous = t.at();
      if (t.kind() == Transition.Kind.TIER) {
        assertThat(t.from()).as("%s", t).isNotEqualTo(t.to());
        continue;
      }
      String key = t.customerId() + "\u0000" + t.name();
      boolean in = t.kind() == Transition.Kind.ENTERED;
      Boolean last = lastIsIn.get(key);
      assertThat(last).as("a repeated %s", t).isNotEqualTo(in);
      firstWasIn.putIfAbsent(key, !in);
      lastIsIn.put(key, in);
    }
    MembershipDiff diff = after.diff(before);
    for (String segment : after.segmentNames()) {
      Set<String> entered = new HashSet<>();
      Set<String> exited = new HashSet<>();
      for (Map.Entry<String, Boolean> e : lastIsIn.entrySet()) {
        String[] parts = e.getKey().split("\u0000");
        if (!parts[1].equals(segment) || firstWasIn.get(e.getKey()) == e.getValue()) {
          continue;
        }
        (e.getValue() ? entered : exited).add(parts[0]);
      }
      assertThat(entered)
          .as("entered %s by %s", segment, day)
          .containsExactlyInAnyOrderElementsOf(diff.of(segment).entered());
      assertThat(exited)
          .as("exited %s by %s", segment, day)
          .containsExactlyInAnyOrderElementsOf(diff.of(segment).exited());
    }
  }
}
