package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.internal.EventOrder;
import dev.segmentation.model.Customer;
import dev.segmentation.model.CustomerView;
import dev.segmentation.model.Event;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing per customer: a behavior assertion (bytes per evaluation, as the
 * JVM counts them for this thread), not a timing one.
 */
class HotPathAllocationTest {

  private static final int EVALUATIONS = 100_000;

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void evaluateAllScoreAndTier_withFixedContext_allocateLessThanOneBytePerEvaluation() {
    List<SchemaCustomer> customers = Population.customers(42, 1000);
    assertAllocateLessThanOneBytePerEvaluation(customers::get, customers.size());
  }

  @Test
  void evaluateAll_ofAUsersOwnCustomerClass_allocatesNothingEither() {
    List<Customer> customers = new ArrayList<>();
    for (SchemaCustomer c : Population.customers(42, 1000)) {
      customers.add(usersOwn(c, false));
    }
    assertAllocateLessThanOneBytePerEvaluation(customers::get, customers.size());
  }

  /**
   * Events newest first, as order services commonly return them: the engine scans such a list as it
   * is (it used to sort a copy of it in every evaluation).
   */
  @Test
  void evaluateAll_ofEventsNewestFirst_allocatesNothingEither() {
    List<Customer> customers = new ArrayList<>();
    int outOfOrder = 0;
    for (SchemaCustomer c : Population.customers(42, 1000)) {
      Customer own = usersOwn(c, true);
      customers.add(own);
      List<Event> events = own.events("purchase");
      outOfOrder += events.size() > 1 && !EventOrder.isInTimeOrder(events) ? 1 : 0;
    }
    assertThat(outOfOrder).as("customers whose purchases are out of time order").isPositive();
    assertAllocateLessThanOneBytePerEvaluation(customers::get, customers.size());
  }

  /** A service's object that already holds canonical values, and its events sorted. */
  record Account(String id, Object[] values, ImmutableList<Event> purchases) {}

  @Test
  void evaluateAll_throughACustomerViewReader_overCanonicalValues_allocatesNothingEither() {
    CustomerView.Builder<Account> b = CustomerView.builder(SCHEMA, Account::id);
    for (int i = 0; i < SCHEMA.attributeList().size(); i++) {
      int position = i;
      b.attribute(SCHEMA.attributeList().get(i).name(), a -> a.values()[position]);
    }
    CustomerView.Reader<Account> reader = b.events("purchase", Account::purchases).build().reader();
    List<Account> accounts = new ArrayList<>();
    for (SchemaCustomer c : Population.customers(42, 1000)) {
      Object[] values = new Object[SCHEMA.attributeList().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = c.valueAt(i);
      }
      accounts.add(new Account(c.id(), values, ImmutableList.copyOf(c.events("purchase"))));
    }
    assertAllocateLessThanOneBytePerEvaluation(i -> reader.of(accounts.get(i)), accounts.size());
  }

  /**
   * Every comparison kind the primitive read path serves (compare, between, in, relative time), on
   * integers, numbers, dates and timestamps.
   */
  private static final Catalog PRIMITIVE_LEAVES =
      Catalog.of(
          Segment.of(
              "ranges",
              new Compare("age", Operator.GE, 30L)
                  .and(new Between("balance", 100L, 4000.5))
                  .and(new Compare("lastSeen", Operator.LT, Fixtures.AS_OF.minusMillis(1)))),
          Segment.of(
              "lists",
              In.of("age", 20L, 30L, 40L, 1000.0)
                  .or(In.of("balance", 1.5, 2.0, 2500L))
                  .or(In.of("birthday", LocalDate.of(1990, 1, 1), LocalDate.of(1985, 6, 1)))),
          Segment.of(
              "recent",
              new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 30, WindowUnit.DAYS)
                  .or(
                      new RelativeTime(
                          "birthday", RelativeTime.Op.MORE_THAN_AGO, 40, WindowUnit.YEARS))
                  .or(
                      new Between(
                          "birthday", LocalDate.of(1980, 1, 1), LocalDate.of(1990, 1, 1)))));

  @Test
  void evaluateAll_ofPrimitiveFields_readsThemWithoutBoxing() {
    // PrimitiveCustomer boxes every Double, LocalDate and Instant (and Long beyond the cache) that
    // value() returns: reading through value() allocates, the primitive path does not.
    CompiledCatalog compiled = RowEngine.compile(PRIMITIVE_LEAVES, SCHEMA);
    List<Customer> customers = new ArrayList<>();
    for (SchemaCustomer c : Population.customers(42, 1000)) {
      customers.add(PrimitiveCustomer.of(c));
    }
    assertAllocateLessThanOneBytePerEvaluation(compiled, customers::get, customers.size());
  }

  /** A service's class with primitive fields, and flags for the values it may lack. */
  record Flat(
      String id,
      long age,
      boolean hasAge,
      double balance,
      boolean hasBalance,
      long birthdayDay,
      boolean hasBirthday,
      long lastSeenMilli,
      boolean hasLastSeen) {

    static Flat of(SchemaCustomer c) {
      Long age = (Long) c.value("age");
      Double balance = (Double) c.value("balance");
      LocalDate birthday = (LocalDate) c.value("birthday");
      java.time.Instant lastSeen = (java.time.Instant) c.value("lastSeen");
      return new Flat(
          c.id(),
          age == null ? 0 : age,
          age != null,
          balance == null ? 0 : balance,
          balance != null,
          birthday == null ? 0 : birthday.toEpochDay(),
          birthday != null,
          lastSeen == null ? 0 : lastSeen.toEpochMilli(),
          lastSeen != null);
    }
  }

  @Test
  void evaluateAll_throughACustomerViewReader_ofPrimitiveAccessors_matchesAndAllocatesNothing() {
    CompiledCatalog compiled = RowEngine.compile(PRIMITIVE_LEAVES, SCHEMA);
    CustomerView.Reader<Flat> reader =
        CustomerView.<Flat>builder(SCHEMA, Flat::id)
            .longAttribute("age", Flat::age, Flat::hasAge)
            .doubleAttribute("balance", Flat::balance, Flat::hasBalance)
            .epochDayAttribute("birthday", Flat::birthdayDay, Flat::hasBirthday)
            .epochMilliAttribute("lastSeen", Flat::lastSeenMilli, Flat::hasLastSeen)
            .build()
            .reader();
    List<SchemaCustomer> originals = Population.customers(42, 1000);
    List<Flat> flats = new ArrayList<>();
    Truth[] expected = new Truth[compiled.segmentNames().size()];
    Truth[] actual = new Truth[expected.length];
    for (SchemaCustomer c : originals) {
      Flat f = Flat.of(c);
      flats.add(f);
      compiled.evaluateAll(c, CTX, expected);
      compiled.evaluateAll(reader.of(f), CTX, actual);
      assertThat(actual).as(c.id()).containsExactly(expected);
    }
    assertAllocateLessThanOneBytePerEvaluation(
        compiled, i -> reader.of(flats.get(i)), flats.size());
  }

  /**
   * Evaluates the customers {@link #EVALUATIONS} times to warm up (and bind the context), then as
   * many times again, counting the bytes this thread allocates.
   */
  private static void assertAllocateLessThanOneBytePerEvaluation(
      IntFunction<? extends Customer> customers, int n) {
    assertAllocateLessThanOneBytePerEvaluation(Population.compiled(), customers, n);
  }

  private static void assertAllocateLessThanOneBytePerEvaluation(
      CompiledCatalog compiled, IntFunction<? extends Customer> customers, int n) {
    Truth[] out = new Truth[compiled.segmentNames().size()];
    long checksum = run(compiled, customers, n, out);
    long before = allocatedBytes();
    checksum += run(compiled, customers, n, out);
    long bytes = allocatedBytes() - before;
    assertThat(checksum).isPositive();
    assertThat((double) bytes / EVALUATIONS)
        .as("bytes allocated per customer evaluation (%d in all)", bytes)
        .isLessThan(1.0);
  }

  /**
   * A customer class of a user's own, holding canonical values and events sorted (or, {@code
   * newestFirst}, in reverse): read through the paths that check what a {@link SchemaCustomer} is
   * trusted with (tag sets, event order).
   */
  private static Customer usersOwn(SchemaCustomer c, boolean newestFirst) {
    ImmutableList<Event> purchases = ImmutableList.copyOf(c.events("purchase"));
    ImmutableList<Event> given = newestFirst ? purchases.reverse() : purchases;
    return new Customer() {
      @Override
      public String id() {
        return c.id();
      }

      @Override
      public Object value(String attribute) {
        return c.value(attribute);
      }

      @Override
      public List<Event> events(String eventType) {
        return eventType.equals("purchase") ? given : c.events(eventType);
      }
    };
  }

  /** Evaluates customer {@code i % n} of {@code customers} for i below {@link #EVALUATIONS}. */
  private static long run(
      CompiledCatalog compiled, IntFunction<? extends Customer> customers, int n, Truth[] out) {
    long trues = 0;
    for (int i = 0; i < EVALUATIONS; i++) {
      Customer c = customers.apply(i % n);
      compiled.evaluateAll(c, CTX, out);
      for (Truth t : out) {
        if (t == Truth.TRUE) {
          trues++;
        }
      }
      if (compiled.scoreNames().isEmpty()) {
        continue; // a catalog of segments only
      }
      trues += (long) compiled.score("engagement", c, CTX);
      trues += compiled.tier("value", c, CTX).length();
      String rfm = compiled.tier("rfm", c, CTX);
      trues += rfm == null ? 0 : rfm.length();
    }
    return trues;
  }
}
