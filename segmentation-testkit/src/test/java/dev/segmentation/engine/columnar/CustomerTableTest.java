package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.RandomCatalogs;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTableTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("n", AttributeType.INTEGER)
          .attribute("s", AttributeType.STRING)
          .attribute("t", AttributeType.TIMESTAMP)
          .attribute("tags", AttributeType.STRING_SET)
          .attribute("d", AttributeType.DATE)
          .eventType(EventType.of("buy", Attribute.number("amount"), Attribute.date("on")))
          .build();

  private static CustomerTable table(int rows, int distinctStrings, int distinctTags, long big) {
    CustomerTable.Builder b = CustomerTable.builder(SCHEMA);
    for (int i = 0; i < rows; i++) {
      b.add(
          Customer.builder(SCHEMA, "id-" + i)
              .set("n", i == rows - 1 ? big : (long) i)
              .set("s", "v" + (i % distinctStrings))
              .set("tags", ImmutableSet.of("tag" + (i % distinctTags)))
              .set("t", Instant.ofEpochSecond(1_000_000L + i))
              .build());
    }
    return b.build();
  }

  private static Column column(CustomerTable table, String name) {
    return table.columns[table.schema().indexOf(name)];
  }

  @Test
  void columns_takeTheNarrowestFormThatHoldsTheirValues() {
    CustomerTable small = table(300, 200, 64, 7);
    assertThat(((PrimitiveColumns.IntegerColumn) column(small, "n")).ints).isNotNull();
    assertThat(((PrimitiveColumns.IntegerColumn) column(small, "n")).longs).isNull();
    assertThat(((DictionaryColumns.StringColumn) column(small, "s")).bytes).hasSize(300);
    assertThat(((DictionaryColumns.TagColumn) column(small, "tags")).masks).hasSize(300);
    assertThat(((PrimitiveColumns.TimestampColumn) column(small, "t")).nanos).isNull();

    CustomerTable wide = table(70_000, 66_000, 65, 1L << 40);
    assertThat(((PrimitiveColumns.IntegerColumn) column(wide, "n")).longs).isNotNull();
    assertThat(((PrimitiveColumns.IntegerColumn) column(wide, "n")).ints).isNull();
    assertThat(((DictionaryColumns.StringColumn) column(wide, "s")).ints).hasSize(70_000);
    assertThat(((DictionaryColumns.TagColumn) column(wide, "tags")).masks).isNull();
    assertThat(((DictionaryColumns.TagColumn) column(wide, "tags")).codes).hasSize(70_000);

    CustomerTable middle = table(1_000, 300, 3, 1);
    assertThat(((DictionaryColumns.StringColumn) column(middle, "s")).chars).hasSize(1_000);
  }

  @Test
  void memory_isTheArraysItHolds() {
    CustomerTable t = table(6_400, 10, 5, 3);
    // n: 4-byte ints + validity; s: 1-byte codes + validity + dictionary; t: 8-byte seconds;
    // tags: 8-byte masks; d: 4-byte days; each validity bitmap is 100 words.
    long dictionaries = 0;
    for (String s : ((DictionaryColumns.StringColumn) column(t, "s")).dictionary) {
      dictionaries += 8 + DictionaryColumns.STRING_OVERHEAD + s.length();
    }
    for (String s : ((DictionaryColumns.TagColumn) column(t, "tags")).dictionary) {
      dictionaries += 8 + DictionaryColumns.STRING_OVERHEAD + s.length();
    }
    long expected = 6_400L * (4 + 1 + 8 + 8 + 4) + 5 * 800 + dictionaries;
    assertThat(t.columnBytesPerCustomer()).isEqualTo((double) expected / 6_400);
    assertThat(t.bytesPerCustomer()).isGreaterThan(t.columnBytesPerCustomer());
  }

  @Test
  void everyRow_readsBackAsTheCustomerAdded() {
    for (long seed = 1; seed <= 5; seed++) {
      List<SchemaCustomer> customers = new RandomCatalogs(seed).customers(700);
      CustomerTable table = CustomerTable.of(RandomCatalogs.SCHEMA, customers);
      for (int r = 0; r < customers.size(); r++) {
        assertThat(table.customer(r)).isEqualTo(customers.get(r));
        assertThat(table.row(customers.get(r).id())).isEqualTo(r);
        assertThat(table.id(r)).isEqualTo(customers.get(r).id());
      }
      long purchases = customers.stream().mapToLong(c -> c.events("purchase").size()).sum();
      assertThat(table.eventCount("purchase")).isEqualTo(purchases);
    }
  }

  @Test
  void datesAndLongs_atTheEndsOfTheirRanges_readBack() {
    List<SchemaCustomer> customers = new ArrayList<>();
    LocalDate[] days = {LocalDate.MAX, LocalDate.MIN, LocalDate.EPOCH};
    long[] longs = {Long.MAX_VALUE, Long.MIN_VALUE, 0};
    for (int i = 0; i < 3; i++) {
      customers.add(
          Customer.builder(SCHEMA, "c" + i)
              .set("d", days[i])
              .set("n", longs[i])
              .set("t", Instant.MAX.minusNanos(i))
              .event("buy", Instant.MIN.plusNanos(i), ImmutableMap.of("on", days[i]))
              .build());
    }
    CustomerTable t = CustomerTable.of(SCHEMA, customers);
    assertThat(((PrimitiveColumns.DateColumn) column(t, "d")).longs).isNotNull();
    for (int r = 0; r < 3; r++) {
      assertThat(t.customer(r)).isEqualTo(customers.get(r));
    }
  }

  @Test
  void ids_indexEveryRow_andRejectDuplicates() {
    CustomerTable.Builder b = CustomerTable.builder(SCHEMA);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      String id = i % 3 == 0 ? "kunde-ä-" + i : "c" + i;
      ids.add(id);
      b.add(Customer.builder(SCHEMA, id).build());
    }
    assertThatThrownBy(() -> b.add(Customer.builder(SCHEMA, "c1").build()))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("c1")
        .hasMessageContaining("duplicate customer id");
    CustomerTable t = b.build();
    for (int i = 0; i < ids.size(); i++) {
      assertThat(t.row(ids.get(i))).isEqualTo(i);
    }
    assertThat(t.row("nobody")).isEqualTo(-1);
    assertThatThrownBy(() -> t.id(50_000)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void badRows_areRejectedWithTheirCustomer_andLeaveTheTableUnchanged() {
    CustomerTable.Builder b = CustomerTable.builder(SCHEMA);
    b.add(Customer.builder(SCHEMA, "good").set("n", 1L).build());
    Customer wrongType = CustomerViewOf.of("wrong", "n", "seven");
    Customer unsorted =
        new CustomerViewOf(
            "unsorted",
            ImmutableList.of(
                new Event("buy", Instant.parse("2026-01-02T00:00:00Z"), ImmutableMap.of()),
                new Event("buy", Instant.parse("2026-01-01T00:00:00Z"), ImmutableMap.of())));
    Customer nullEvent = new CustomerViewOf("null-event", java.util.Arrays.asList((Event) null));
    Customer nanAmount =
        new CustomerViewOf(
            "nan",
            ImmutableList.of(
                new Event(
                    "buy",
                    Instant.parse("2026-01-02T00:00:00Z"),
                    ImmutableMap.of("amount", Double.NaN))));
    for (Customer bad : List.of(wrongType, nullEvent, nanAmount)) {
      assertThatThrownBy(() -> b.add(bad))
          .isInstanceOf(InvalidDataException.class)
          .hasMessageContaining(bad.id());
      assertThat(b.size()).isEqualTo(1);
    }
    b.add(Customer.builder(SCHEMA, "after").set("n", 2L).build());
    b.add(unsorted); // events in any order are stored sorted by time
    CustomerTable t = b.build();
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.customer(1).value("n")).isEqualTo(2L);
    assertThat(t.eventCount("buy")).isEqualTo(2); // none of the rejected rows' events
    assertThat(t.customer(2).events("buy"))
        .extracting(Event::timestamp)
        .containsExactly(
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(t.row("wrong")).isEqualTo(-1);
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.add(Customer.builder(SCHEMA, "late").build()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void schemaCustomers_andAnyOtherCustomer_buildTheSameTable_withOrWithoutExpectedSize() {
    for (long seed = 1; seed <= 3; seed++) {
      List<SchemaCustomer> customers = new RandomCatalogs(seed).customers(500);
      CustomerTable checked = CustomerTable.of(RandomCatalogs.SCHEMA, customers);
      CustomerTable.Builder small = CustomerTable.builder(RandomCatalogs.SCHEMA).expectedSize(10);
      CustomerTable.Builder exact = CustomerTable.builder(RandomCatalogs.SCHEMA).expectedSize(500);
      for (SchemaCustomer c : customers) {
        small.add(new Wrapped(c)); // not a SchemaCustomer: read by name and checked
        exact.add(c);
      }
      for (CustomerTable t : List.of(small.build(), exact.build())) {
        assertThat(t.size()).isEqualTo(500);
        assertThat(t.bytes()).isEqualTo(checked.bytes());
        for (int r = 0; r < customers.size(); r++) {
          assertThat(t.customer(r)).isEqualTo(customers.get(r));
          assertThat(t.row(customers.get(r).id())).isEqualTo(r);
        }
      }
    }
  }

  @Test
  void addAll_inParallel_buildsTheTableAddBuilds_andStopsAtABadCustomer() {
    for (long seed = 1; seed <= 3; seed++) {
      List<SchemaCustomer> customers = new RandomCatalogs(seed).customers(900);
      CustomerTable one = CustomerTable.of(RandomCatalogs.SCHEMA, customers);
      List<Customer> mixed = new ArrayList<>(customers);
      mixed.set(300, new Wrapped(customers.get(300))); // read by name, between two parallel runs
      CustomerTable.Builder b = CustomerTable.builder(RandomCatalogs.SCHEMA);
      b.addAll(mixed.subList(0, 500), 3).addAll(mixed.subList(500, 900), 2);
      CustomerTable all = b.build();
      assertThat(all.bytes()).isEqualTo(one.bytes());
      for (int r = 0; r < customers.size(); r++) {
        assertThat(all.customer(r)).isEqualTo(customers.get(r));
        assertThat(all.row(customers.get(r).id())).isEqualTo(r);
      }
    }
    List<SchemaCustomer> customers = new RandomCatalogs(9).customers(10);
    List<Customer> withDuplicate = new ArrayList<>(customers);
    withDuplicate.add(7, customers.get(2));
    CustomerTable.Builder b = CustomerTable.builder(RandomCatalogs.SCHEMA);
    assertThatThrownBy(() -> b.addAll(withDuplicate, 2))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("duplicate customer id");
    assertThat(b.size()).isEqualTo(7);
    b.add(customers.get(7));
    CustomerTable t = b.build();
    for (int r = 0; r < 8; r++) {
      assertThat(t.customer(r)).isEqualTo(customers.get(r));
    }
  }

  @Test
  void schemaCustomerOfAnotherSchema_isReadByName() {
    Schema narrow = Schema.builder().attribute("n", AttributeType.INTEGER).build();
    CustomerTable t =
        CustomerTable.builder(SCHEMA)
            .add(Customer.builder(narrow, "a").set("n", 5L).build())
            .build();
    assertThat(t.customer(0).value("n")).isEqualTo(5L);
    assertThat(t.customer(0).value("s")).isNull();
  }

  @Test
  void rejectedCustomer_leavesItsIdFree() {
    CustomerTable.Builder b = CustomerTable.builder(SCHEMA);
    assertThatThrownBy(() -> b.add(CustomerViewOf.of("x", "n", "seven")))
        .isInstanceOf(InvalidDataException.class);
    b.add(Customer.builder(SCHEMA, "y").build());
    b.add(Customer.builder(SCHEMA, "x").set("n", 7L).build());
    assertThatThrownBy(() -> b.add(Customer.builder(SCHEMA, "x").build()))
        .hasMessageContaining("duplicate customer id");
    CustomerTable t = b.build();
    assertThat(t.row("x")).isEqualTo(1);
    assertThat(t.id(1)).isEqualTo("x");
    assertThat(t.customer(1).value("n")).isEqualTo(7L);
  }

  @Test
  void expectedSize_outOfRange_isRejected() {
    assertThatThrownBy(() -> CustomerTable.builder(SCHEMA).expectedSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedSize must be between 0 and 2^31 - 64, got -1");
  }

  /** Any customer that is not a {@code SchemaCustomer}: the builder reads it by name. */
  private record Wrapped(Customer c) implements Customer {
    @Override
    public String id() {
      return c.id();
    }

    @Override
    public Object value(String name) {
      return c.value(name);
    }

    @Override
    public List<Event> events(String type) {
      return c.events(type);
    }
  }

  /** A customer implementation returning raw values, as a user's own class could. */
  private static final class CustomerViewOf implements Customer {
    private final String id;
    private final String attribute;
    private final Object value;
    private final List<Event> buys;

    CustomerViewOf(String id, List<Event> buys) {
      this.id = id;
      this.attribute = null;
      this.value = null;
      this.buys = buys;
    }

    private CustomerViewOf(String id, String attribute, Object value) {
      this.id = id;
      this.attribute = attribute;
      this.value = value;
      this.buys = ImmutableList.of();
    }

    static CustomerViewOf of(String id, String attribute, Object value) {
      return new CustomerViewOf(id, attribute, value);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Object value(String name) {
      return name.equals(attribute) ? value : null;
    }

    @Override
    public List<Event> events(String type) {
      return type.equals("buy") ? buys : ImmutableList.of();
    }
  }
}
