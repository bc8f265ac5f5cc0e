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
 * The single-customer benchmarks' answers: through every {@link CustomerView} variant every
 * customer is in the same segments as read directly, and the converting view's event accessor runs
 * at most once per evaluation.
 */
class SingleCustomerBenchmarkTest {

  @Test
  void everyCustomerViewVariant_sameResultsAsThePeople() {
    SingleCustomerBenchmark direct = new SingleCustomerBenchmark();
    direct.prepare();
    SingleCustomerBenchmark wrapped = new SingleCustomerBenchmark();
    wrapped.prepare();
    SingleCustomerBenchmark converting = new SingleCustomerBenchmark();
    converting.prepare();
    SingleCustomerBenchmark read = new SingleCustomerBenchmark();
    read.prepare();
    int trues = 0;
    for (int i = 0; i < 4096; i++) {
      Truth[] expected = direct.allSegmentsOfOneCustomer().clone();
      assertThat(wrapped.allSegmentsThroughCustomerView()).containsExactly(expected);
      assertThat(converting.allSegmentsThroughConvertingCustomerView()).containsExactly(expected);
      assertThat(read.allSegmentsThroughCustomerViewReader()).containsExactly(expected);
      for (Truth t : expected) {
        trues += t == Truth.TRUE ? 1 : 0;
      }
    }
    assertThat(trues).as("segments with members").isPositive();
  }

  @Test
  void convertingView_convertsAtMostOncePerEvaluation() {
    AtomicInteger conversions = new AtomicInteger();
    CustomerView<Person> view =
        SingleCustomerBenchmark.view(
            Population.schema(),
            p -> {
              conversions.incrementAndGet();
              List<Event> events = SingleCustomerBenchmark.converted(p);
              return events;
            });
    CompiledCatalog compiled =
        RowEngine.compile(
            Catalogs.catalog(Catalogs.SINGLE_SIZE, SingleCustomerBenchmark.CATALOG_SEED),
            Population.schema());
    Truth[] out = new Truth[Catalogs.SINGLE_SIZE];
    int converted = 0;
    for (Person p : Population.generate(100).people()) {
      conversions.set(0);
      compiled.evaluateAll(view.wrap(p), Population.CONTEXT, out);
      // None when every segment on purchases was decided by its other conditions first.
      assertThat(conversions.get()).as(p.id).isLessThanOrEqualTo(1);
      converted += conversions.get();
    }
    assertThat(converted).as("evaluations that read the purchases").isGreaterThan(10);
  }
}
