package dev.segmentation.benchmarks;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.CustomerGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The benchmark data: the first {@code n} customers of the shared seeded generator (testkit's
 * {@code CustomerGenerator}, which the CLI's {@code generate} uses too), as plain objects, as the
 * hand-written primitive arrays, as the library's columnar table and as maps for the expression
 * languages that read maps. Each representation is built on first use, once per JMH trial; the
 * arrays and the table come straight from the generator in chunks when the plain objects were not
 * asked for, so that a contender that reads only columns never holds {@code n} objects (ten million
 * of them do not fit a heap that the columns fit many times over).
 */
public final class Population {

  /** The seed of every benchmark data set. */
  public static final long SEED = 42;

  /** The instant the data is generated and evaluated at. */
  public static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  /**
   * The event types the benchmarks read: the generator skips building the others (the customers'
   * values are the same).
   */
  public static final java.util.Set<String> EVENT_TYPES = java.util.Set.of("purchase");

  /** The evaluation context of every benchmark: {@link #AS_OF} in UTC. */
  public static final EvaluationContext CONTEXT = EvaluationContext.at(AS_OF);

  private final int size;
  private Person[] people;
  private Columns columns;
  private CustomerTable table;
  private List<Map<String, Object>> maps;

  private Population(int size) {
    this.size = size;
  }

  /**
   * Customers {@code c-0 .. c-(n-1)} of the generator with {@link #SEED}; nothing is generated
   * until a representation is asked for.
   */
  public static Population generate(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, got " + n);
    }
    return new Population(n);
  }

  /** The generator's schema, which every representation follows. */
  public static Schema schema() {
    return CustomerGenerator.schema();
  }

  /** The number of customers. */
  public int size() {
    return size;
  }

  /**
   * The customers as plain objects (shared, do not modify), made on first use. Customers are
   * generated on all cores in chunks, and each chunk is turned into plain objects by one thread, so
   * that the objects of consecutive customers lie close together in memory, as they would in a
   * service that loaded them one by one.
   */
  synchronized Person[] people() {
    if (people == null) {
      CustomerGenerator generator = new CustomerGenerator(SEED);
      Person[] all = new Person[size];
      for (int from = 0; from < size; from += Columns.CHUNK) {
        int start = from;
        SchemaCustomer[] generated =
            IntStream.range(start, Math.min(size, start + Columns.CHUNK))
                .parallel()
                .mapToObj(i -> generator.customer(i, AS_OF, EVENT_TYPES))
                .toArray(SchemaCustomer[]::new);
        for (int i = 0; i < generated.length; i++) {
          all[start + i] = Person.of(generated[i]);
        }
      }
      people = all;
      settle();
    }
    return people;
  }

  /** The customers as plain objects. */
  public List<Person> list() {
    return Arrays.asList(people());
  }

  /**
   * The hand-written primitive arrays, built on first use: from the plain objects when they exist,
   * otherwise straight from the generator a chunk at a time (the same arrays, see PopulationTest).
   */
  public synchronized Columns columns() {
    if (columns == null) {
      columns = people != null ? new Columns(list()) : generatedColumns(size);
      settle();
    }
    return columns;
  }

  /** The arrays of the first {@code n} customers, never holding more than one chunk of objects. */
  static Columns generatedColumns(int n) {
    CustomerGenerator generator = new CustomerGenerator(SEED);
    return new Columns(
        n,
        (from, to) ->
            IntStream.range(from, to)
                .parallel()
                .mapToObj(i -> Person.of(generator.customer(i, AS_OF, EVENT_TYPES)))
                .toArray(Person[]::new));
  }

  /**
   * The library's columnar table of the same customers, built on first use: from the plain objects
   * when they exist, otherwise straight from the generator's customers a chunk at a time ({@link
   * TableBuild#table(int)}; the same table, see PopulationTest).
   */
  public synchronized CustomerTable table() {
    if (table == null) {
      table = people != null ? CustomerTable.of(schema(), list()) : TableBuild.table(size);
      settle();
    }
    return table;
  }

  // Compacts the survivors and drops the generator's garbage before anything is measured.
  private static void settle() {
    System.gc();
  }

  /**
   * The customers as maps, the input of json-logic and CEL: attribute name to value, absent when
   * there is no value; sets as lists, the signup date as an epoch day ({@code signupDay}), the
   * last-seen instant and purchases as epoch seconds ({@code lastSeenSecond}, {@code purchases}).
   */
  public synchronized List<Map<String, Object>> maps() {
    if (maps == null) {
      List<Map<String, Object>> list = new ArrayList<>(size);
      for (Person p : people()) {
        Map<String, Object> m = new HashMap<>();
        put(m, "age", p.age);
        put(m, "country", p.country);
        put(m, "city", p.city);
        put(m, "income", p.income);
        put(m, "industry", p.industry);
        put(m, "employees", p.employees);
        put(m, "companySize", p.companySize);
        put(m, "revenue", p.revenue);
        put(m, "signupDay", p.getSignupDay());
        put(m, "lastSeenSecond", p.getLastSeenSecond());
        put(m, "emailOptIn", p.emailOptIn);
        put(m, "tags", p.tags == null ? null : p.tags.asList());
        put(m, "device", p.device);
        put(m, "techStack", p.techStack == null ? null : p.techStack.asList());
        put(m, "spend90d", p.spend90d);
        put(m, "orders90d", p.orders90d);
        put(m, "purchases", p.getPurchaseSeconds());
        list.add(m);
      }
      maps = list;
    }
    return maps;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
