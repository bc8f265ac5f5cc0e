package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import dev.segmentation.testkit.DifferentialCase;
import dev.segmentation.testkit.Reproducer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers that segmentation-testkit's differential test writes ({@code rules.json}, {@code
 * customers.jsonl}) read back through the command line's readers as the same case, so that the
 * commands in their README.txt show the case the test saw.
 */
class ReproducerReadBackTest {

  /** The schema, catalog and customers as read back by the command line's readers. */
  private record ReadBack(RulesDocument rules, List<SchemaCustomer> customers) {}

  private static ReadBack read(Path dir) throws IOException {
    RulesDocument rules = RulesJson.read(dir.resolve(Reproducer.RULES));
    List<SchemaCustomer> customers = new ArrayList<>();
    try (CustomerInput in =
        CustomerInput.open(
            dir.resolve(Reproducer.CUSTOMERS), rules.schema(), null, Dialect.WRITTEN)) {
      for (CustomerInput.Row row = in.next(); row != null; row = in.next()) {
        customers.add(row.customer());
      }
    } catch (DataException e) {
      throw new IllegalStateException("the command line cannot read a reproducer: " + e, e);
    }
    return new ReadBack(rules, customers);
  }

  @Test
  void reproducer_readsBackThroughRulesJsonAndTheCustomerReader_asTheSameCase(@TempDir Path tmp)
      throws IOException {
    for (long seed = 1; seed <= 80; seed++) {
      DifferentialCase c = DifferentialCase.generate(seed);
      if (c.customers().size() > 500) {
        c = c.withCustomers(c.customers().subList(0, 500));
      }
      Path dir = tmp.resolve(Long.toString(seed));
      Reproducer.writeData(dir, c);
      ReadBack read = read(dir);
      assertThat(read.rules().schema()).as("seed %d", seed).isEqualTo(c.schema());
      assertThat(read.rules().catalog()).as("seed %d", seed).isEqualTo(c.catalog());
      assertThat(read.customers()).as("seed %d", seed).isEqualTo(c.customers());
    }
  }

  @Test
  void reproducer_keepsBoundaryValuesExactly(@TempDir Path tmp) throws IOException {
    Schema schema =
        Schema.builder()
            .attribute("n", AttributeType.INTEGER)
            .attribute("x", AttributeType.NUMBER)
            .attribute("s", AttributeType.STRING)
            .attribute("b", AttributeType.BOOLEAN)
            .attribute("d", AttributeType.DATE)
            .attribute("t", AttributeType.TIMESTAMP)
            .attribute("tags", AttributeType.STRING_SET)
            .attribute("at", AttributeType.GEO_POINT)
            .eventType(
                EventType.of(
                    "buy",
                    Attribute.number("amount"),
                    Attribute.integer("qty"),
                    Attribute.timestamp("shipped"),
                    Attribute.stringSet("labels"),
                    Attribute.geoPoint("where")))
            .build();
    Object[][] rows = {
      {Long.MAX_VALUE, -0.0, "a\u0000b\n\"ø\uD83D\uDE00", true, LocalDate.MIN, Instant.MAX},
      {Long.MIN_VALUE, 1e17, "", false, LocalDate.MAX, Instant.MIN},
      {(1L << 53) + 1, 0x1p53 + 2, "İSTANBUL", true, LocalDate.of(2024, 2, 29), nanos()},
      {-((1L << 53) + 1), Double.MIN_VALUE, " ", false, LocalDate.of(-5000, 1, 1), Instant.EPOCH},
      {0L, -Double.MAX_VALUE, "ß", true, LocalDate.of(1, 1, 1), nanos().minusNanos(999)},
      {1L, 999_999_999_999_999.5, "e\u0301", null, null, null},
    };
    List<SchemaCustomer> customers = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      Map<String, Object> values = new LinkedHashMap<>();
      String[] names = {"n", "x", "s", "b", "d", "t"};
      for (int k = 0; k < names.length; k++) {
        values.put(names[k], rows[i][k]);
      }
      SchemaCustomer.Builder b = Customer.builder(schema, "c" + i);
      values.forEach(b::set);
      b.set("tags", i % 2 == 0 ? ImmutableSet.of() : ImmutableSet.of("VIP", "vip", "ø"));
      b.set("at", i % 2 == 0 ? new GeoPoint(-0.0, 180) : new GeoPoint(89.999999999, -179.5));
      b.event("buy", nanos(), ImmutableMap.of("amount", -0.0, "labels", ImmutableSet.of()));
      b.event(
          "buy",
          nanos(), // the same instant: order of insertion is kept
          ImmutableMap.of(
              "qty", Long.MIN_VALUE, "shipped", Instant.MAX, "where", new GeoPoint(0.1, 0.2)));
      b.event("buy", Instant.MIN, ImmutableMap.of("amount", 1e17));
      customers.add(b.build());
    }
    DifferentialCase c =
        new DifferentialCase(
            0,
            schema,
            Catalog.of(Segment.of("all", new dev.segmentation.condition.Always())),
            customers,
            EvaluationContext.at(nanos()));
    Reproducer.writeData(tmp, c);
    ReadBack read = read(tmp);
    assertThat(read.rules().schema()).isEqualTo(schema);
    assertThat(read.customers()).isEqualTo(customers);
  }

  private static Instant nanos() {
    return Instant.parse("2026-11-22T12:00:00.123456789Z");
  }
}
