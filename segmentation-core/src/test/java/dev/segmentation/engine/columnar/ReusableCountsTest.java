package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnarCatalog#counts(CustomerTable, EvaluationContext, int, Counts)}: the same counts as
 * the one-off call, per-caller workspaces, the caller's executor, and (a behavior assertion, not a
 * timing one) next to no allocation once warmed up.
 */
class ReusableCountsTest {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final EvaluationContext LATER =
      EvaluationContext.at(AS_OF.plusSeconds(86_400L * 20));

  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("age", AttributeType.INTEGER)
          .attribute("balance", AttributeType.NUMBER)
          .attribute("country", AttributeType.STRING)
          .attribute("tags", AttributeType.STRING_SET)
          .eventType(EventType.of("buy", Attribute.number("amount"), Attribute.string("sku")))
          .build();

  private static final Catalog CATALOG =
      new Catalog(
          ImmutableList.of(
              Segment.of(
                  "nordic-adults",
                  new Compare("age", Operator.GE, 18L).and(In.of("country", "FI", "SE", "NO"))),
              Segment.of("not-nordic", new Not(In.of("country", "FI", "SE", "NO"))),
              Segment.of(
                  "wealthy-or-vip",
                  Or.of(
                      new Between("balance", 1000L, 1e6),
                      new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip")))),
              Segment.of(
                  "recent-big-buyers",
                  new EventCondition(
                      "buy",
                      new Compare("sku", Operator.EQ, "sku-1"),
                      EventWindow.last(30, WindowUnit.DAYS),
                      Aggregate.SUM,
                      "amount",
                      Operator.GE,
                      50.0))),
          null,
          null,
          null);

  private static final ColumnarCatalog COMPILED = ColumnarEngine.compile(CATALOG, SCHEMA);
  // Five chunks of rows, the last one partial.
  private static final CustomerTable TABLE = CustomerTable.of(SCHEMA, customers(4 * 4096 + 1000));

  private static List<SchemaCustomer> customers(int n) {
    Random random = new Random(18);
    String[] countries = {"FI", "SE", "NO", "DE", "FR"};
    List<SchemaCustomer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SchemaCustomer.Builder b = Customer.builder(SCHEMA, "c" + i);
      if (random.nextInt(10) != 0) {
        b.set("age", (long) random.nextInt(80));
      }
      if (random.nextInt(10) != 0) {
        b.set("balance", random.nextDouble() * 3000);
      }
      if (random.nextInt(10) != 0) {
        b.set("country", countries[random.nextInt(countries.length)]);
      }
      b.set("tags", random.nextInt(4) == 0 ? ImmutableSet.of("vip") : ImmutableSet.of("new"));
      for (int e = random.nextInt(4); e > 0; e--) {
        b.event(
            "buy",
            AS_OF.minusSeconds(random.nextInt(60) * 86_400L + 1),
            ImmutableMap.of(
                "amount", random.nextDouble() * 100, "sku", "sku-" + random.nextInt(3)));
      }
      out.add(b.build());
    }
    return out;
  }

  @Test
  void reusedCounts_equalTheOneOffCounts_acrossTablesContextsAndParallelism() {
    CustomerTable small = CustomerTable.of(SCHEMA, customers(300));
    Counts counts = COMPILED.newCounts();
    for (int round = 0; round < 2; round++) {
      for (CustomerTable table : List.of(TABLE, small)) {
        for (EvaluationContext ctx : List.of(CTX, LATER)) {
          for (int parallelism = 1; parallelism <= 3; parallelism++) {
            long[] expected = COMPILED.counts(table, ctx, parallelism);
            assertThat(COMPILED.counts(table, ctx, parallelism, counts).toArray())
                .as("%d rows, %s, %d threads", table.size(), ctx, parallelism)
                .containsExactly(expected);
            assertThat(COMPILED.counts(table, ctx, parallelism, counts).toArray())
                .as("again: %d rows, %s, %d threads", table.size(), ctx, parallelism)
                .containsExactly(expected);
          }
        }
      }
    }
    long[] expected = COMPILED.counts(TABLE, CTX, 1);
    for (long c : expected) {
      assertThat(c)
          .as("every segment has members and non-members")
          .isBetween(1L, TABLE.size() - 1L);
    }
    COMPILED.counts(TABLE, CTX, 2, counts);
    assertThat(counts.get("recent-big-buyers")).isEqualTo(expected[3]);
    long[] into = new long[counts.size()];
    counts.copyInto(into);
    assertThat(into).containsExactly(expected);
  }

  @Test
  void twoThreads_withTheirOwnCounts_getTheirOwnResults() throws Exception {
    long[] atCtx = COMPILED.counts(TABLE, CTX, 1);
    long[] atLater = COMPILED.counts(TABLE, LATER, 1);
    assertThat(atCtx).isNotEqualTo(atLater);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (EvaluationContext ctx : List.of(CTX, LATER)) {
        long[] expected = ctx == CTX ? atCtx : atLater;
        runs.add(
            threads.submit(
                () -> {
                  Counts own = COMPILED.newCounts();
                  for (int i = 0; i < 30; i++) {
                    if (!java.util.Arrays.equals(
                        COMPILED.counts(TABLE, ctx, 1 + i % 2, own).toArray(), expected)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void countsOfAnotherCatalog_areRefused() {
    Counts other = ColumnarEngine.compile(CATALOG, SCHEMA).newCounts();
    assertThatThrownBy(() -> COMPILED.counts(TABLE, CTX, 1, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newCounts");
    assertThatThrownBy(() -> COMPILED.counts(TABLE, CTX, 0, COMPILED.newCounts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism");
  }

  @Test
  void theCallersExecutor_runsTheHelpers_andADirectOneRunsOnTheCaller() throws Exception {
    long[] expected = COMPILED.counts(TABLE, CTX, 1);
    Counts counts = COMPILED.newCounts();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      AtomicInteger received = new AtomicInteger();
      for (int i = 0; i < 5; i++) {
        COMPILED.counts(
            TABLE,
            CTX,
            3,
            r -> {
              received.incrementAndGet();
              pool.execute(r);
            },
            counts);
        assertThat(counts.toArray()).containsExactly(expected);
      }
      // parallelism - 1 helpers per call (the first call binds the event filter too: one more run).
      assertThat(received.get()).isBetween(5 * 2, 6 * 2);
    } finally {
      pool.shutdown();
    }
    Thread caller = Thread.currentThread();
    AtomicInteger elsewhere = new AtomicInteger();
    AtomicInteger direct = new AtomicInteger();
    COMPILED.counts(
        TABLE,
        LATER,
        4,
        r -> {
          direct.incrementAndGet();
          if (Thread.currentThread() != caller) {
            elsewhere.incrementAndGet();
          }
          r.run();
        },
        counts);
    assertThat(counts.toArray()).containsExactly(COMPILED.counts(TABLE, LATER, 1));
    assertThat(direct.get()).isPositive();
    assertThat(elsewhere.get()).isZero();
  }

  @Test
  void aCountsInUse_isRefused_toASecondCall() {
    Counts counts = COMPILED.newCounts();
    List<Throwable> refused = new ArrayList<>();
    COMPILED.counts(
        TABLE,
        CTX,
        2,
        r -> {
          try {
            COMPILED.counts(TABLE, CTX, 1, counts); // while the outer call holds it
          } catch (IllegalStateException e) {
            refused.add(e);
          }
          r.run();
        },
        counts);
    assertThat(refused).isNotEmpty().allMatch(e -> e.getMessage().contains("one Counts per"));
    assertThat(counts.toArray()).containsExactly(COMPILED.counts(TABLE, CTX, 1));
  }

  @Test
  void anEmptyTable_countsZero_andTheCountsServeAnotherTableAfterwards() {
    Counts counts = COMPILED.newCounts();
    CustomerTable empty = CustomerTable.of(SCHEMA, List.of());
    assertThat(COMPILED.counts(empty, CTX, 2, counts).toArray()).containsOnly(0L);
    assertThat(COMPILED.counts(TABLE, CTX, 2, counts).toArray())
        .containsExactly(COMPILED.counts(TABLE, CTX, 2));
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void aWarmedUpCall_allocatesNextToNothing() {
    Counts counts = COMPILED.newCounts();
    long checksum = COMPILED.counts(TABLE, CTX, 1, counts).get(0); // binds and allocates buffers
    long before = allocatedBytes();
    checksum += COMPILED.counts(TABLE, CTX, 1, counts).get(0);
    long bytes = allocatedBytes() - before;
    assertThat(checksum).isPositive();
    assertThat(bytes).as("bytes allocated by a warmed-up counts call").isLessThan(4096);
  }

  @Test
  void theOneOffCall_allocatesItsBuffersEveryTime_whichIsWhatCountsSaves() {
    // The measurement behind the reusable form: the one-off call binds and allocates per call.
    COMPILED.counts(TABLE, CTX, 1);
    long before = allocatedBytes();
    long[] counts = COMPILED.counts(TABLE, CTX, 1);
    long bytes = allocatedBytes() - before;
    assertThat(counts).hasSize(4);
    System.out.println("one-off counts call allocated " + bytes + " bytes");
    assertThat(bytes).isGreaterThan(4096);
  }
}
