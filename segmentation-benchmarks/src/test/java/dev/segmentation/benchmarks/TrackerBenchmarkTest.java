package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.live.MembershipTracker;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.CustomerGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tracker benchmarks' answers equal batch runs from scratch, on small sizes. */
class TrackerBenchmarkTest {

  @Test
  void ingest_smallStream_membershipEqualsBatchAtTheEnd() {
    TrackerBenchmark.Ingest s = new TrackerBenchmark.Ingest();
    s.customers = 500;
    s.events = 5_000;
    s.prepare();

    long transitions = TrackerBenchmark.ingest(s.tracker, s.ids, s.stream, s.owner);

    assertThat(transitions).isPositive();
    CustomerGenerator generator = new CustomerGenerator(Population.SEED);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < s.customers; i++) {
      SchemaCustomer c = generator.customer(i, Population.AS_OF, java.util.Set.of());
      SchemaCustomer.Builder b = Customer.builder(Population.schema(), c.id());
      for (String a : Population.schema().attributes().keySet()) {
        b.set(a, c.value(a));
      }
      for (int e = 0; e < s.events; e++) {
        if (s.owner[e] == i) {
          b.event(s.stream[e]);
        }
      }
      customers.add(b.build());
    }
    assertSameAsBatch(s.tracker, customers);
  }

  @Test
  void advanceOneDay_smallTracker_membershipEqualsBatchEachDay() {
    MembershipTracker tracker = TrackerBenchmark.load(2_000);
    CustomerGenerator generator = new CustomerGenerator(Population.SEED);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      customers.add(generator.customer(i, Population.AS_OF, Population.EVENT_TYPES));
    }
    int transitions = 0;
    for (int day = 1; day <= 3; day++) {
      TrackerBenchmark.Advance s = new TrackerBenchmark.Advance();
      s.tracker = tracker;
      transitions += new TrackerBenchmark().advanceOneDay(s);
      assertThat(tracker.now()).isEqualTo(Population.AS_OF.plus(Duration.ofDays(day)));
      assertSameAsBatch(tracker, customers);
    }
    assertThat(transitions).isPositive();
  }

  private static void assertSameAsBatch(MembershipTracker tracker, List<Customer> customers) {
    BatchResult batch =
        ColumnarEngine.compile(TrackerBenchmark.catalog(), Population.schema())
            .evaluate(
                CustomerTable.of(Population.schema(), customers),
                EvaluationContext.at(tracker.now()),
                1);
    for (String segment : batch.segmentNames()) {
      Set<String> expected = new HashSet<>();
      batch.memberIds(segment).forEach(expected::add);
      assertThat(tracker.members(segment))
          .as(segment)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
