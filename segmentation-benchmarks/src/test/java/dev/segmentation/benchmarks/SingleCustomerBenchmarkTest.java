package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.CustomerView;
import dev.segmentation.model.Event;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The single-customer benchmarks' answers: through the {@link CustomerView} every customer is in
 * the same segments as read directly, and the view's event accessor runs once per evaluation.
 */
class SingleCustomerBenchmarkTest {

  @Test
  void customerView_sameResultsAsThePeople_andOneConversionPerEvaluation() {
    SingleCustomerBenchmark direct = new SingleCustomerBenchmark();
    direct.prepare();
    SingleCustomerBenchmark viewed = new SingleCustomerBenchmark();
    viewed.prepare();
    for (int i = 0; i < 4096; i++) {
      Truth[] expected = direct.allSegmentsOfOneCustomer().clone();
      assertThat(viewed.allSegmentsThroughCustomerView()).containsExactly(expected);
    }

    AtomicInteger conversions = new AtomicInteger();
    CustomerView.Builder<Person> counting = CustomerView.builder(Population.schema(), Person::id);
    CustomerView<Person> view =
        counting
            .events(
                "purchase",
                p -> {
                  conversions.incrementAndGet();
                  List<Event> events = SingleCustomerBenchmark.converted(p);
                  return events;
                })
            .build();
    CompiledCatalog compiled =
        RowEngine.compile(
            Catalogs.catalog(Catalogs.SINGLE_SIZE, SingleCustomerBenchmark.CATALOG_SEED),
            Population.schema());
    Truth[] out = new Truth[Catalogs.SINGLE_SIZE];
    for (Person p : Population.generate(100).people()) {
      compiled.evaluateAll(view.wrap(p), Population.CONTEXT, out);
    }
    assertThat(conversions).hasValue(100);
  }
}
