package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.SchemaCustomer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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
    CompiledCatalog compiled = Population.compiled();
    List<SchemaCustomer> customers = Population.customers(42, 1000);
    Truth[] out = new Truth[compiled.segmentNames().size()];
    long checksum = run(compiled, customers, out); // warm up, and let the catalog see the context
    long before = allocatedBytes();
    checksum += run(compiled, customers, out);
    long bytes = allocatedBytes() - before;
    assertThat(checksum).isPositive();
    assertThat((double) bytes / EVALUATIONS)
        .as("bytes allocated per customer evaluation (%d in all)", bytes)
        .isLessThan(1.0);
  }

  @Test
  void evaluateAll_ofAUsersOwnCustomerClass_allocatesNothingEither() {
    CompiledCatalog compiled = Population.compiled();
    List<Customer> customers = new ArrayList<>();
    for (SchemaCustomer c : Population.customers(42, 1000)) {
      customers.add(usersOwn(c));
    }
    Truth[] out = new Truth[compiled.segmentNames().size()];
    long checksum = run(compiled, customers, out);
    long before = allocatedBytes();
    checksum += run(compiled, customers, out);
    long bytes = allocatedBytes() - before;
    assertThat(checksum).isPositive();
    assertThat((double) bytes / EVALUATIONS)
        .as("bytes allocated per customer evaluation (%d in all)", bytes)
        .isLessThan(1.0);
  }

  /**
   * A customer class of a user's own, holding canonical values and sorted events: read through the
   * paths that check what a {@link SchemaCustomer} is trusted with (tag sets, event order).
   */
  private static Customer usersOwn(SchemaCustomer c) {
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
        return c.events(eventType);
      }
    };
  }

  private static long run(
      CompiledCatalog compiled, List<? extends Customer> customers, Truth[] out) {
    long trues = 0;
    for (int i = 0; i < EVALUATIONS; i++) {
      Customer c = customers.get(i % customers.size());
      compiled.evaluateAll(c, CTX, out);
      for (Truth t : out) {
        if (t == Truth.TRUE) {
          trues++;
        }
      }
      trues += (long) compiled.score("engagement", c, CTX);
      trues += compiled.tier("value", c, CTX).length();
      String rfm = compiled.tier("rfm", c, CTX);
      trues += rfm == null ? 0 : rfm.length();
    }
    return trues;
  }
}
