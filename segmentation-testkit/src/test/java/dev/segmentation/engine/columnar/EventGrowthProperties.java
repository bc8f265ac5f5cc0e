package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.RandomCatalogs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The events' arrays grow to what the rows so far project for the expected rows: a table built with
 * an expected size (right, too small or too large) answers as the one built without, and the arrays
 * grow a few times instead of by half each time.
 */
class EventGrowthProperties {

  @Property(tries = 12)
  void tableBuiltWithAnExpectedSize_answersAsTheTableBuiltWithout(
      @ForAll @IntRange(min = 1, max = 1_000) long seed,
      @ForAll @IntRange(min = 0, max = 3_000) int extra,
      @ForAll @IntRange(min = 0, max = 3) int hint) {
    int n = Column.PROJECT_AFTER_ROWS + extra;
    List<SchemaCustomer> customers = new RandomCatalogs(seed).customers(n);
    CustomerTable without = CustomerTable.of(RandomCatalogs.SCHEMA, customers);
    int expected = new int[] {n, n / 2, 2 * n, n + 1}[hint];
    CustomerTable.Builder b = CustomerTable.builder(RandomCatalogs.SCHEMA).expectedSize(expected);
    b.addAll(customers.subList(0, n / 3), 2);
    for (SchemaCustomer c : customers.subList(n / 3, n)) {
      b.add(c);
    }
    CustomerTable with = b.build();
    // (bytes() may differ: the id index is sized by the expected size)
    for (String type : RandomCatalogs.SCHEMA.eventTypes().keySet()) {
      assertThat(with.eventCount(type)).isEqualTo(without.eventCount(type));
    }
    for (int r = 0; r < n; r++) {
      assertThat(with.customer(r)).isEqualTo(without.customer(r)).isEqualTo(customers.get(r));
      assertThat(with.row(customers.get(r).id())).isEqualTo(r);
    }
  }

  @Test
  void eventsOfAnExpectedSize_growAFewTimes_notByHalfEachTime() {
    int n = 200_000;
    CustomerTable.Builder b = CustomerTable.builder(RandomCatalogs.SCHEMA).expectedSize(n);
    String type = RandomCatalogs.SCHEMA.eventTypes().keySet().iterator().next();
    List<Integer> capacities = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Event> events = new ArrayList<>();
      for (int k = 0; k < 1 + i % 5; k++) { // 3 per customer on average
        events.add(new Event(type, Instant.ofEpochSecond(1_000_000L + k), Map.of()));
      }
      SchemaCustomer.Builder c = Customer.builder(RandomCatalogs.SCHEMA, "c-" + i);
      events.forEach(c::event);
      b.add(c.build());
      int capacity = b.eventCapacity(0);
      if (i >= Column.PROJECT_AFTER_ROWS
          && (capacities.isEmpty() || capacities.get(capacities.size() - 1) != capacity)) {
        capacities.add(capacity);
      }
    }
    // Growing by half from the 12,000 events of the first 4,096 rows to 600,000 takes 10 steps.
    assertThat(capacities).hasSizeLessThanOrEqualTo(3); // at row 4,096, then at most two growths
    assertThat(b.build().eventCount(type)).isEqualTo(600_000);
  }
}
