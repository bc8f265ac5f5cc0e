package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.testkit.RandomCatalogs;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * {@link CustomerTable#fromColumns}: the same table as row by row, and hostile columns rejected.
 */
class TableColumnsTest {
  private static final Schema SCHEMA = RandomCatalogs.SCHEMA;

  /**
   * The random customers' values as the columns a user would have, through every setter: primitive
   * arrays with absent bits, strings as arrays or dictionary codes, anything else as objects.
   */
  static TableColumns columns(List<SchemaCustomer> customers, boolean withIds, boolean codes) {
    TableColumns t = CustomerTable.fromColumns(SCHEMA, customers.size());
    for (Attribute<?> a : SCHEMA.attributeList()) {
      fill(t, a, codes, customers, c -> c.value(a.name()));
    }
    for (EventType type : SCHEMA.eventTypes().values()) {
      List<Event> all = new ArrayList<>();
      List<Integer> rows = new ArrayList<>();
      for (int r = 0; r < customers.size(); r++) {
        for (Event e : customers.get(r).events(type.name())) {
          all.add(e);
          rows.add(r);
        }
      }
      TableColumns.Events events =
          t.events(
              type.name(),
              rows.stream().mapToInt(Integer::intValue).toArray(),
              all.stream().mapToLong(e -> e.timestamp().toEpochMilli()).toArray());
      for (Attribute<?> p : type.properties().values()) {
        fill(events, p, codes, all, e -> e.properties().get(p.name()));
      }
    }
    if (withIds) {
      t.ids(customers.stream().map(Customer::id).toArray(String[]::new));
    }
    return t;
  }

  private static <T> void fill(
      ColumnValues<?> target,
      Attribute<?> a,
      boolean codes,
      List<T> items,
      Function<T, Object> value) {
    int n = items.size();
    Object[] values = new Object[n];
    BitSet absent = new BitSet();
    for (int r = 0; r < n; r++) {
      values[r] = value.apply(items.get(r));
      if (values[r] == null) {
        absent.set(r);
      }
    }
    String name = a.name();
    switch (a.type()) {
      case INTEGER -> target.longs(name, longs(values, v -> (Long) v), absent);
      case DATE -> target.epochDays(name, longs(values, v -> ((LocalDate) v).toEpochDay()), absent);
      case TIMESTAMP ->
          target.epochMillis(name, longs(values, v -> ((Instant) v).toEpochMilli()), absent);
      case NUMBER -> {
        double[] d = new double[n];
        for (int r = 0; r < n; r++) {
          d[r] = values[r] == null ? 0 : (Double) values[r];
        }
        target.doubles(name, d, absent);
      }
      case BOOLEAN -> {
        boolean[] b = new boolean[n];
        for (int r = 0; r < n; r++) {
          b[r] = values[r] != null && (Boolean) values[r];
        }
        target.booleans(name, b, absent);
      }
      case STRING -> {
        String[] s = Arrays.copyOf(values, n, String[].class);
        if (codes) {
          String[] dictionary =
              Arrays.stream(s).filter(x -> x != null).distinct().toArray(String[]::new);
          List<String> order = Arrays.asList(dictionary);
          int[] c = new int[n];
          for (int r = 0; r < n; r++) {
            c[r] = s[r] == null ? 0 : order.indexOf(s[r]);
          }
          target.codes(name, c, dictionary, absent);
        } else {
          target.strings(name, s);
        }
      }
      case STRING_SET, GEO_POINT -> target.values(name, Arrays.asList(values));
    }
  }

  private static long[] longs(Object[] values, java.util.function.ToLongFunction<Object> f) {
    long[] out = new long[values.length];
    for (int r = 0; r < values.length; r++) {
      out[r] = values[r] == null ? 0 : f.applyAsLong(values[r]);
    }
    return out;
  }

  @Property(tries = 60)
  void tableFromColumns_evaluatesExactlyAsTheTableBuiltRowByRow(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    RandomCatalogs random = new RandomCatalogs(seed);
    Catalog catalog = random.catalog(1 + (int) (seed % 6));
    List<SchemaCustomer> customers = random.customers(40 + (int) (seed % 7) * 30);
    boolean withIds = seed % 2 == 0;
    CustomerTable fromColumns = columns(customers, withIds, seed % 3 == 0).build();
    CustomerTable rowByRow = CustomerTable.of(SCHEMA, customers);

    assertThat(fromColumns.size()).isEqualTo(customers.size());
    assertThat(fromColumns.hasIds()).isEqualTo(withIds);
    for (int r = 0; r < customers.size(); r++) {
      Customer c = fromColumns.customer(r);
      assertThat(c.id()).isEqualTo(withIds ? customers.get(r).id() : "row " + r);
      for (Attribute<?> a : SCHEMA.attributeList()) {
        assertThat(c.value(a.name())).isEqualTo(customers.get(r).value(a.name()));
      }
      for (String type : SCHEMA.eventTypes().keySet()) {
        assertThat(c.events(type)).isEqualTo(customers.get(r).events(type));
      }
    }

    ColumnarCatalog columnar = ColumnarEngine.compile(catalog, SCHEMA);
    CompiledCatalog rows = RowEngine.compile(catalog, SCHEMA);
    BatchResult expected = columnar.evaluate(rowByRow, RandomCatalogs.CTX, 1);
    BatchResult actual = columnar.evaluate(fromColumns, RandomCatalogs.CTX, 1 + (int) (seed % 2));
    long[] counts = columnar.counts(fromColumns, RandomCatalogs.CTX, 2);
    for (int s = 0; s < catalog.segments().size(); s++) {
      String name = catalog.segments().get(s).name();
      RoaringBitmap truths = new RoaringBitmap();
      for (int r = 0; r < customers.size(); r++) {
        if (rows.evaluate(s, customers.get(r), RandomCatalogs.CTX) == Truth.TRUE) {
          truths.add(r);
        }
      }
      assertThat(actual.members(name)).isEqualTo(expected.members(name)).isEqualTo(truths);
      assertThat(counts[s]).isEqualTo(truths.getCardinality());
    }
  }

  // ----------------------------------------------------------------------- ids optional

  @Test
  void tableWithoutIds_answersCountsAndRows_andSaysWhatNeedsIds() {
    CustomerTable t =
        CustomerTable.fromColumns(SCHEMA, 2).longs("age", new long[] {40, 10}, null).build();
    String needs =
        " needs customer ids, and this table was built from columns without ids: give ids(...) to"
            + " CustomerTable.fromColumns, or use rows (members, counts)";
    assertThatThrownBy(() -> t.id(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("id(0)" + needs);
    assertThatThrownBy(() -> t.row("c-1")).hasMessage("row(\"c-1\")" + needs);
    Catalog adults =
        Catalog.of(
            dev.segmentation.segment.Segment.of(
                "adults", dev.segmentation.dsl.Rules.integer("age").ge(18)));
    ColumnarCatalog c = ColumnarEngine.compile(adults, SCHEMA);
    BatchResult result = c.evaluate(t, RandomCatalogs.CTX, 1);
    assertThat(result.count("adults")).isEqualTo(1);
    assertThat(result.members("adults")).isEqualTo(RoaringBitmap.bitmapOf(0));
    assertThatThrownBy(() -> result.memberIds("adults")).hasMessage("memberIds" + needs);
    assertThatThrownBy(() -> result.diff(result)).hasMessage("diff" + needs);
    assertThat(t.customer(1).id()).isEqualTo("row 1");
  }

  // ---------------------------------------------------------------------- hostile columns

  @Test
  void hostileColumns_areRejectedNamingColumnAndRow() {
    BitSet beyond = new BitSet();
    beyond.set(5);
    Map<String, Runnable> cases =
        Map.ofEntries(
            Map.entry(
                "column \"age\" has 2 values for 3 rows",
                () -> fresh().longs("age", new long[2], null)),
            Map.entry(
                "column \"agee\": the schema declares no such column",
                () -> fresh().longs("agee", new long[3], null)),
            Map.entry(
                "column \"balance\" is of type NUMBER, not INTEGER: longs(...) fills INTEGER"
                    + " columns only (values(...) takes any type)",
                () -> fresh().longs("balance", new long[3], null)),
            Map.entry(
                "column \"balance\", row 1: NaN is not a value (mark the row absent instead)",
                () -> fresh().doubles("balance", new double[] {1, Double.NaN, 2}, null)),
            Map.entry(
                "column \"birthday\", row 2: epoch day 9223372036854775807 is outside the dates"
                    + " LocalDate can hold",
                () -> fresh().epochDays("birthday", new long[] {0, 1, Long.MAX_VALUE}, null)),
            Map.entry(
                "column \"age\", row 5: marked absent, but there are only 3 rows",
                () -> fresh().longs("age", new long[3], beyond)),
            Map.entry(
                "column \"country\", row 0: code 2 is not in the dictionary of 2 entries",
                () ->
                    fresh().codes("country", new int[] {2, 0, 1}, new String[] {"FI", "SE"}, null)),
            Map.entry(
                "column \"country\": dictionary entries 0 and 1 are both \"FI\"",
                () -> fresh().codes("country", new int[3], new String[] {"FI", "FI"}, null)),
            Map.entry(
                "column \"tags\", row 1: expected a stringSet, got Double \"NaN\"",
                () -> fresh().values("tags", Arrays.asList(null, Double.NaN, null))),
            Map.entry(
                "column \"age\" is given twice",
                () -> fresh().longs("age", new long[3], null).longs("age", new long[3], null)),
            Map.entry(
                "ids, row 2: \"a\" is the id of row 0 too",
                () -> fresh().ids(new String[] {"a", "b", "a"})),
            Map.entry(
                "ids, row 1: a customer needs a non-empty id",
                () -> fresh().ids(new String[] {"a", "", "c"})),
            Map.entry(
                "events \"purchase\", event 1: row 3 is not one of the 3 rows",
                () -> fresh().events("purchase", new int[] {0, 3}, new long[2])),
            Map.entry(
                "events \"purchase\", event 2: comes before event 1 (row 1); list events by row,"
                    + " each customer's oldest first",
                () -> fresh().events("purchase", new int[] {0, 1, 0}, new long[3])),
            Map.entry(
                "events \"purchase\", event 1: comes before event 0 (row 1); list events by row,"
                    + " each customer's oldest first",
                () -> fresh().events("purchase", new int[] {1, 1}, new long[] {5, 4})),
            Map.entry(
                "the schema declares no event type \"refund\"",
                () -> fresh().events("refund", new int[0], new long[0])),
            Map.entry(
                "property \"amount\" of events \"purchase\", row 0: Infinity is not a value (mark"
                    + " the row absent instead)",
                () ->
                    fresh()
                        .events("purchase", new int[] {0}, new long[1])
                        .doubles("amount", new double[] {Double.POSITIVE_INFINITY}, null)));
    for (Map.Entry<String, Runnable> c : cases.entrySet()) {
      assertThatThrownBy(c.getValue()::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(c.getKey());
    }
  }

  @Test
  void rejectedColumn_leavesTheOthers_andCopiesAreKept() {
    TableColumns t = fresh();
    long[] ages = {1, 2, 3};
    t.longs("age", ages, null);
    assertThatThrownBy(() -> t.doubles("balance", new double[] {Double.NaN, 0, 0}, null))
        .isInstanceOf(IllegalArgumentException.class);
    t.doubles("balance", new double[] {1, 2, 3}, null);
    ages[0] = 99; // the table copied the array
    CustomerTable table = t.build();
    assertThat(table.customer(0).value("age")).isEqualTo(1L);
    assertThat(table.customer(2).value("balance")).isEqualTo(3.0);
    assertThat(table.customer(1).value("country")).isNull();
    assertThatThrownBy(t::build).isInstanceOf(IllegalStateException.class);
  }

  private static TableColumns fresh() {
    return CustomerTable.fromColumns(SCHEMA, 3);
  }
}
