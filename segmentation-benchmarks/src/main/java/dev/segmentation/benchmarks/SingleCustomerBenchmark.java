package dev.segmentation.benchmarks;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.CustomerView;
import dev.segmentation.model.Event;
import dev.segmentation.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inside a request: every segment of a 20-segment catalog for one customer, through the row engine,
 * into a reused result array. Each call takes the next of 4,096 generated customers, so that branch
 * predictors cannot learn one customer. Run with {@code -prof gc} for bytes per call (the target is
 * 0).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SingleCustomerBenchmark {

  /** The seed of the 20-segment catalog. */
  static final long CATALOG_SEED = 20;

  private Person[] people;
  private CustomerView<Person> view;
  private CompiledCatalog compiled;
  private Truth[] out;
  private int next;

  @Setup(Level.Trial)
  public void prepare() {
    people = Population.generate(4096).people();
    compiled =
        RowEngine.compile(
            Catalogs.catalog(Catalogs.SINGLE_SIZE, CATALOG_SEED), Population.schema());
    out = new Truth[Catalogs.SINGLE_SIZE];
    view = view(Population.schema());
  }

  /**
   * A view over the people as a service would write one over its own objects: each attribute read
   * through an accessor, and the purchases converted to new events on every read, as a service
   * converts its orders.
   */
  static CustomerView<Person> view(Schema schema) {
    CustomerView.Builder<Person> b = CustomerView.builder(schema, Person::id);
    for (String name : schema.attributes().keySet()) {
      b.attribute(name, p -> p.value(name));
    }
    return b.events("purchase", SingleCustomerBenchmark::converted).build();
  }

  static List<Event> converted(Person p) {
    List<Event> events = new ArrayList<>(p.purchases.size());
    for (Event e : p.purchases) {
      events.add(new Event(e.type(), e.timestamp(), e.properties()));
    }
    return events;
  }

  @Benchmark
  public Truth[] allSegmentsOfOneCustomer() {
    Person p = people[next];
    next = (next + 1) & 4095;
    compiled.evaluateAll(p, Population.CONTEXT, out);
    return out;
  }

  /**
   * The same through a {@link CustomerView} whose event accessor converts the purchases: the row
   * engine calls it once per evaluation however many event conditions the catalog has.
   */
  @Benchmark
  public Truth[] allSegmentsThroughCustomerView() {
    Person p = people[next];
    next = (next + 1) & 4095;
    compiled.evaluateAll(view.wrap(p), Population.CONTEXT, out);
    return out;
  }
}
