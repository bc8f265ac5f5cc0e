package dev.segmentation.readme;

import static dev.segmentation.dsl.Rules.catalog;
import static dev.segmentation.dsl.Rules.events;
import static dev.segmentation.dsl.Rules.integer;
import static dev.segmentation.dsl.Rules.segment;
import static dev.segmentation.dsl.Rules.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.dsl.IntegerField;
import dev.segmentation.dsl.StringField;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.columnar.MembershipDiff;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** The Java example of docs/columnar.md is this test's code, and does what the page says. */
class ColumnarDocTest {

  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  private static List<Customer> customers(Schema schema, int day) {
    List<Customer> out = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      SchemaCustomer.Builder b =
          Customer.builder(schema, "c" + i)
              .set("age", (long) (16 + i % 60))
              .set("country", i % 3 == 0 ? "FI" : "DE");
      for (int k = 0; k < (i + day) % 5; k++) {
        b.event(
            "purchase", NOW.minusSeconds(86_400L * (10 + 7 * k)), ImmutableMap.of("amount", 20.0));
      }
      out.add(b.build());
    }
    return out;
  }

  static String example(List<Customer> yesterdaysCustomers, List<Customer> todaysCustomers) {
    // COLUMNAR:start
    IntegerField age = integer("age");
    StringField country = string("country");
    Schema schema =
        Schema.builder()
            .attribute(age.attribute())
            .attribute(country.attribute())
            .eventType(EventType.of("purchase", Attribute.number("amount")))
            .build();
    Catalog rules =
        catalog(
            segment("nordic-adults").where(age.ge(18).and(country.in("FI", "SE", "NO"))),
            segment("repeat-buyers")
                .where(events("purchase").inLast(90, WindowUnit.DAYS).count().ge(3)));
    ColumnarCatalog compiled = ColumnarEngine.compile(rules, schema); // checks, plans once

    CustomerTable.Builder builder = CustomerTable.builder(schema);
    todaysCustomers.forEach(builder::add); // any source: a file, a database cursor, a stream
    CustomerTable today = builder.build();
    EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));

    BatchResult result = compiled.evaluate(today, ctx); // every segment, on all cores
    int nordicAdults = result.count("nordic-adults");
    RoaringBitmap repeatRows = result.members("repeat-buyers"); // rows of the table
    long both = result.overlaps()[0][1]; // customers in both segments
    long[] counts = compiled.counts(today, ctx, 2); // counts only, no member sets

    BatchResult before = compiled.evaluate(CustomerTable.of(schema, yesterdaysCustomers), ctx);
    MembershipDiff diff = result.diff(before); // matched by customer id
    List<String> entered = diff.of("repeat-buyers").entered();
    List<String> exited = diff.of("repeat-buyers").exited();
    // COLUMNAR:end
    return nordicAdults
        + " "
        + repeatRows.getCardinality()
        + " "
        + both
        + " "
        + counts[1]
        + " "
        + entered.size()
        + " "
        + exited.size();
  }

  static long[] bulkExample(Schema schema, ColumnarCatalog compiled, EvaluationContext ctx) {
    long day = 86_400_000L;
    long[] purchaseMillis = {
      NOW.toEpochMilli() - 30 * day, NOW.toEpochMilli() - 20 * day,
      NOW.toEpochMilli() - 10 * day, NOW.toEpochMilli() - 5 * day
    };
    // BULK:start
    long[] ages = {34, 17, 52};
    BitSet noAge = new BitSet();
    noAge.set(2); // row 2 has no age
    CustomerTable table =
        CustomerTable.fromColumns(schema, 3) // 3 customers: each column has a value per row
            .longs("age", ages, noAge)
            .strings("country", new String[] {"FI", "SE", null}) // null: no value
            .events("purchase", new int[] {0, 0, 0, 1}, purchaseMillis) // by row, oldest first
            .doubles("amount", new double[] {20, 20, 5, 9.5}, null) // one per event
            .table() // back to the customers' columns
            .build(); // no ids(...): counts and member rows, no ids
    long[] bulkCounts = compiled.counts(table, ctx, 1); // nordic-adults 1, repeat-buyers 1
    // BULK:end
    return bulkCounts;
  }

  // The snippet between the markers `tag`:start and `tag`:end is the same in the doc and here.
  private static void assertDocShowsThisCode(String tag) throws IOException {
    Path doc =
        Files.exists(Path.of("../docs/columnar.md"))
            ? Path.of("../docs/columnar.md")
            : Path.of("docs/columnar.md");
    String source =
        Files.readString(Path.of("src/test/java/dev/segmentation/readme/ColumnarDocTest.java"));
    assertThat(Snippets.between(Files.readString(doc), tag))
        .isEqualTo(Snippets.between(source, tag));
  }

  private static Schema schema() {
    return Schema.builder()
        .attribute(Attribute.integer("age"))
        .attribute(Attribute.string("country"))
        .eventType(EventType.of("purchase", Attribute.number("amount")))
        .build();
  }

  @Test
  void bulkDocExample_isThisTestsCode_andCounts() throws IOException {
    assertDocShowsThisCode("BULK");
    Schema schema = schema();
    ColumnarCatalog compiled =
        ColumnarEngine.compile(
            catalog(
                segment("nordic-adults")
                    .where(integer("age").ge(18).and(string("country").in("FI", "SE", "NO"))),
                segment("repeat-buyers")
                    .where(events("purchase").inLast(90, WindowUnit.DAYS).count().ge(3))),
            schema);
    assertThat(bulkExample(schema, compiled, EvaluationContext.at(NOW))).containsExactly(1, 1);
  }

  @Test
  void columnarDocExample_isThisTestsCode_andComputesTheSegments() throws IOException {
    assertDocShowsThisCode("COLUMNAR");

    Schema schema = schema();
    String[] out = example(customers(schema, 0), customers(schema, 1)).split(" ");
    // Ages 16..75 repeat every 60 customers; every third is in Finland.
    long adultsInFinland = 0;
    long repeat = 0;
    for (int i = 0; i < 10_000; i++) {
      adultsInFinland += i % 3 == 0 && 16 + i % 60 >= 18 ? 1 : 0;
      repeat += (i + 1) % 5 >= 3 ? 1 : 0; // purchases 10, 17, 24, ... days ago: all in 90 days
    }
    assertThat(Long.parseLong(out[0])).isEqualTo(adultsInFinland);
    assertThat(Long.parseLong(out[1])).isEqualTo(repeat);
    assertThat(Long.parseLong(out[3])).isEqualTo(repeat);
    // Yesterday customer i had (i % 5) purchases, today (i + 1) % 5: 3 and 4 are repeat buyers.
    long entered = 0;
    long exited = 0;
    for (int i = 0; i < 10_000; i++) {
      boolean was = i % 5 >= 3;
      boolean is = (i + 1) % 5 >= 3;
      entered += is && !was ? 1 : 0;
      exited += was && !is ? 1 : 0;
    }
    assertThat(Long.parseLong(out[4])).isEqualTo(entered);
    assertThat(Long.parseLong(out[5])).isEqualTo(exited);
  }
}
