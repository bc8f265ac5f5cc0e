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
import java.util.function.Function;
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
 *
 * <p>The same customers are read four ways: as a {@link Person}, a {@code Customer} that answers by
 * position with a switch ({@link #allSegmentsOfOneCustomer}, the reference), and through a {@link
 * CustomerView} over the same objects as plain objects, read field by field through lambdas as a
 * service would write it: wrapped per call, wrapped with an event accessor that converts the
 * purchases, and through a {@link CustomerView.Reader}.
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
  private CustomerView<Person> converting;
  private CustomerView.Reader<Person> reader;
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
    view = view(Population.schema(), p -> p.purchases);
    converting = view(Population.schema(), SingleCustomerBenchmark::converted);
    reader = view.reader();
  }

  /**
   * A view over the people as a service would write one over its own objects: each attribute read
   * from its field through a lambda, and the purchases through {@code events}.
   */
  static CustomerView<Person> view(Schema schema, Function<Person, List<Event>> events) {
    return CustomerView.builder(schema, (Person p) -> p.id)
        .attribute("age", p -> p.age)
        .attribute("country", p -> p.country)
        .attribute("city", p -> p.city)
        .attribute("income", p -> p.income)
        .attribute("industry", p -> p.industry)
        .attribute("employees", p -> p.employees)
        .attribute("companySize", p -> p.companySize)
        .attribute("revenue", p -> p.revenue)
        .attribute("signupDate", p -> p.signupDate)
        .attribute("lastSeen", p -> p.lastSeen)
        .attribute("emailOptIn", p -> p.emailOptIn)
        .attribute("tags", p -> p.tags)
        .attribute("device", p -> p.device)
        .attribute("techStack", p -> p.techStack)
        .attribute("location", p -> p.location)
        .attribute("spend90d", p -> p.spend90d)
        .attribute("orders90d", p -> p.orders90d)
        .events("purchase", events)
        .build();
  }

  /** The purchases converted to new events, as a service converts its orders: allocates. */
  static List<Event> converted(Person p) {
    List<Event> events = new ArrayList<>(p.purchases.size());
    for (Event e : p.purchases) {
      events.add(new Event(e.type(), e.timestamp(), e.properties()));
    }
    return events;
  }

  /** The next of the 4,096 people, round robin. */
  private Person nextPerson() {
    Person p = people[next];
    next = (next + 1) & 4095;
    return p;
  }

  /** The reference: the people read as {@code Customer}s that answer by position. */
  @Benchmark
  public Truth[] allSegmentsOfOneCustomer() {
    compiled.evaluateAll(nextPerson(), Population.CONTEXT, out);
    return out;
  }

  /**
   * The same through {@link CustomerView#wrap}, whose events are the ones the objects hold: one
   * small customer object allocated per call.
   */
  @Benchmark
  public Truth[] allSegmentsThroughCustomerView() {
    compiled.evaluateAll(view.wrap(nextPerson()), Population.CONTEXT, out);
    return out;
  }

  /**
   * The same through a view whose event accessor converts the purchases to new {@link Event}s, as a
   * service converts its orders: that allocation is the user's converter's, once per evaluation
   * (the row engine calls an event accessor once per evaluation however many event conditions the
   * catalog has).
   */
  @Benchmark
  public Truth[] allSegmentsThroughConvertingCustomerView() {
    compiled.evaluateAll(converting.wrap(nextPerson()), Population.CONTEXT, out);
    return out;
  }

  /**
   * The same through a {@link CustomerView.Reader}: one customer re-pointed at each object, so
   * nothing is allocated.
   */
  @Benchmark
  public Truth[] allSegmentsThroughCustomerViewReader() {
    compiled.evaluateAll(reader.of(nextPerson()), Population.CONTEXT, out);
    return out;
  }
}
