package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Customer;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import dev.segmentation.testkit.RandomCatalogs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnarEngineTest {
  private static final Schema SCHEMA = RandomCatalogs.SCHEMA;
  private static final EvaluationContext CTX = RandomCatalogs.CTX;

  private static final Catalog NORDIC =
      Catalog.of(
          Segment.of(
              "nordic-adults",
              And.of(new Compare("age", Operator.GE, 18L), In.of("country", "FI", "SE", "NO"))),
          Segment.of("adults", new Compare("age", Operator.GE, 18L)),
          Segment.of("not-nordic-adults", new Not(new InSegment("nordic-adults"))));

  @Test
  void chunkBoundaries_sameMembersAsRowEngine() {
    for (int n : new int[] {0, 1, 63, 64, 65, 4095, 4096, 4097, 10_000}) {
      RandomCatalogs random = new RandomCatalogs(n);
      ColumnarDifferentialTest.compare(n, random.catalog(4), random.customers(n), CTX);
    }
  }

  @Test
  void parallelAndSingleThread_giveTheSameMembers_andCountsAgree() {
    RandomCatalogs random = new RandomCatalogs(7);
    Catalog catalog = random.catalog(6);
    CustomerTable table = CustomerTable.of(SCHEMA, random.customers(20_000));
    ColumnarCatalog compiled = ColumnarEngine.compile(catalog, SCHEMA);
    BatchResult one = compiled.evaluate(table, CTX, 1);
    BatchResult four = compiled.evaluate(table, CTX, 4);
    long[] counts = compiled.counts(table, CTX, 3);
    for (int s = 0; s < catalog.segments().size(); s++) {
      String name = catalog.segments().get(s).name();
      assertThat(four.members(name)).isEqualTo(one.members(name));
      assertThat(counts[s]).isEqualTo(one.count(name));
    }
  }

  @Test
  void overlaps_symmetric_diagonalIsCount_andShare() {
    CustomerTable table = CustomerTable.of(SCHEMA, new RandomCatalogs(3).customers(2_000));
    BatchResult r = ColumnarEngine.compile(NORDIC, SCHEMA).evaluate(table, CTX);
    long[][] o = r.overlaps();
    for (int i = 0; i < 3; i++) {
      assertThat(o[i][i]).isEqualTo(r.count(r.segmentNames().get(i)));
      for (int j = 0; j < 3; j++) {
        assertThat(o[i][j]).isEqualTo(o[j][i]);
      }
    }
    assertThat(o[0][1]).isEqualTo(r.count("nordic-adults")); // nordic adults are adults
    assertThat(o[0][2]).isZero();
    assertThat(r.share("adults")).isEqualTo((double) r.count("adults") / 2_000);
    List<String> ids = new ArrayList<>();
    r.memberIds("nordic-adults").forEach(ids::add);
    assertThat(ids).hasSize(r.count("nordic-adults"));
    for (String id : ids) {
      SchemaCustomer c = (SchemaCustomer) table.customer(table.row(id));
      assertThat((Long) c.value("age")).isGreaterThanOrEqualTo(18L);
    }
  }

  @Test
  void diff_byCustomerId_acrossTables() {
    Customer ann = Customer.builder(SCHEMA, "ann").set("age", 17L).set("country", "FI").build();
    Customer bob = Customer.builder(SCHEMA, "bob").set("age", 40L).set("country", "SE").build();
    Customer cid = Customer.builder(SCHEMA, "cid").set("age", 50L).set("country", "NO").build();
    ColumnarCatalog compiled = ColumnarEngine.compile(NORDIC, SCHEMA);
    BatchResult before = compiled.evaluate(CustomerTable.of(SCHEMA, List.of(ann, bob)), CTX);
    Customer annNow = Customer.builder(SCHEMA, "ann").set("age", 18L).set("country", "FI").build();
    BatchResult after = compiled.evaluate(CustomerTable.of(SCHEMA, List.of(cid, annNow)), CTX);
    MembershipDiff diff = after.diff(before);
    assertThat(diff.of("nordic-adults").entered()).containsExactly("cid", "ann");
    assertThat(diff.of("nordic-adults").exited()).containsExactly("bob");
    assertThatThrownBy(() -> diff.of("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void table_rejectsDuplicateIds_andStaysUnchanged() {
    CustomerTable.Builder b = CustomerTable.builder(SCHEMA);
    b.add(Customer.builder(SCHEMA, "a").set("age", 3L).build());
    assertThatThrownBy(() -> b.add(Customer.builder(SCHEMA, "a").build()))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("duplicate customer id");
    assertThat(b.build().size()).isEqualTo(1);
  }

  @Test
  void table_reportsItsMemory() {
    CustomerTable table = CustomerTable.of(SCHEMA, new RandomCatalogs(1).customers(10_000));
    assertThat(table.bytesPerCustomer()).isBetween(30.0, 2_000.0);
    assertThat(table.columnBytesPerCustomer()).isLessThan(table.bytesPerCustomer());
  }

  @Test
  void sharedSubConditions_areOneNode() {
    Catalog twice =
        new Catalog(
            ImmutableList.of(
                Segment.of(
                    "a", And.of(new Compare("age", Operator.GE, 18L), In.of("country", "FI"))),
                Segment.of(
                    "b", And.of(new Compare("age", Operator.GE, 18L), In.of("country", "SE")))),
            null,
            null,
            null);
    // age >= 18 is shared: 2 In leaves + 1 compare + 2 ands.
    assertThat(ColumnarEngine.compile(twice, SCHEMA).nodeCount()).isEqualTo(5);
  }

  @Test
  void timeWindowBoundaries_sameAsRowEngine() {
    java.time.Instant asOf = RandomCatalogs.AS_OF;
    java.time.Instant[] instants = {
      asOf.minus(java.time.Duration.ofDays(30)),
      asOf.minus(java.time.Duration.ofDays(30)).plusNanos(1),
      asOf.minus(java.time.Duration.ofDays(30)).minusNanos(1),
      asOf,
      asOf.plusNanos(1),
      java.time.Instant.parse("2026-11-01T00:00:00Z"),
      java.time.Instant.parse("2026-10-31T23:59:59.999999999Z"),
      java.time.Instant.parse("2026-11-30T23:59:59Z")
    };
    List<SchemaCustomer> customers = new ArrayList<>();
    for (int i = 0; i < instants.length; i++) {
      java.time.LocalDate day =
          java.time.LocalDate.ofInstant(instants[i], java.time.ZoneOffset.UTC);
      customers.add(
          Customer.builder(SCHEMA, "t" + i)
              .set("lastSeen", instants[i])
              .set("birthday", day)
              .build());
    }
    customers.add(Customer.builder(SCHEMA, "missing").build());
    List<Segment> segments = new ArrayList<>();
    for (String attribute : List.of("lastSeen", "birthday")) {
      for (dev.segmentation.condition.RelativeTime.Op op :
          dev.segmentation.condition.RelativeTime.Op.values()) {
        segments.add(
            Segment.of(
                attribute + "-" + op,
                new dev.segmentation.condition.RelativeTime(
                    attribute, op, 30, dev.segmentation.condition.WindowUnit.DAYS)));
      }
      for (dev.segmentation.condition.CalendarPeriod p :
          dev.segmentation.condition.CalendarPeriod.values()) {
        segments.add(
            Segment.of(
                attribute + "-" + p, new dev.segmentation.condition.CalendarWindow(attribute, p)));
      }
    }
    segments.add(Segment.of("eq", new Compare("lastSeen", Operator.EQ, asOf)));
    segments.add(Segment.of("ne", new Compare("lastSeen", Operator.NE, asOf)));
    segments.add(Segment.of("lt", new Compare("lastSeen", Operator.LT, asOf)));
    segments.add(Segment.of("ge", new Compare("lastSeen", Operator.GE, asOf)));
    Catalog catalog = new Catalog(ImmutableList.copyOf(segments), null, null, null);
    ColumnarDifferentialTest.compare(0, catalog, customers, CTX);
    ColumnarDifferentialTest.compare(
        1, catalog, customers, CTX.withZone(java.time.ZoneId.of("Europe/Helsinki")));
  }
}
