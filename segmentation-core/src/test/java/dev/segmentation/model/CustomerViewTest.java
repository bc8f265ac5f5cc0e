package dev.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Views over a service's own objects and maps, read on demand without copying. */
class CustomerViewTest {

  /** A service's own class. */
  static final class Account {
    final String id;
    Object age;
    final List<Event> purchases = new ArrayList<>();

    Account(String id, Object age) {
      this.id = id;
      this.age = age;
    }
  }

  private static final CustomerView<Account> VIEW =
      CustomerView.<Account>builder(CustomerTest.SCHEMA, a -> a.id)
          .attribute("age", a -> a.age)
          .events("purchase", a -> a.purchases)
          .build();

  @Test
  void wrap_readsThroughAccessorsOnDemand() {
    Account a = new Account("a1", 30);
    Customer c = VIEW.wrap(a);
    assertThat(c.id()).isEqualTo("a1");
    assertThat(c.value("age")).isEqualTo(30L);
    a.age = 31;
    assertThat(c.value("age")).isEqualTo(31L);
    a.age = null;
    assertThat(c.value("age")).isNull();
    assertThat(c.value("balance")).as("no accessor: no value").isNull();
  }

  @Test
  void wrap_valueOfWrongType_failsWhenReadNamingCustomerAndAttribute() {
    Customer c = VIEW.wrap(new Account("a2", "thirty"));
    assertThatThrownBy(() -> c.value("age"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("customer \"a2\", attribute \"age\"");
  }

  @Test
  void positionalRead_valueOfWrongType_namesCustomerAndAttribute() {
    Customer c = VIEW.wrap(new Account("a4", 2.5));
    int age = CustomerTest.SCHEMA.indexOf("age");
    assertThatThrownBy(() -> c.value(age, "age"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage(
            "customer \"a4\", attribute \"age\": expected a whole number, got Double \"2.5\"")
        .satisfies(
            e -> {
              assertThat(((InvalidDataException) e).customerId()).isEqualTo("a4");
              assertThat(((InvalidDataException) e).attribute()).isEqualTo("age");
            });
    Customer read = VIEW.reader().of(new Account("a5", Double.NaN));
    assertThatThrownBy(() -> read.value(age, "age"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("customer \"a5\", attribute \"age\": NaN is not a value");
  }

  /**
   * A tag set is read with one class check: an ImmutableSet as it is (as the row engine takes any
   * set, without checking its elements on every read); any other collection is converted, and
   * checked.
   */
  @Test
  void tags_immutableSetAsItIs_otherCollectionsConvertedAndChecked() {
    Object[] tags = new Object[1];
    CustomerView<Account> view =
        CustomerView.<Account>builder(CustomerTest.SCHEMA, a -> a.id)
            .attribute("tags", a -> tags[0])
            .build();
    Customer c = view.wrap(new Account("t1", null));
    ImmutableSet<String> set = ImmutableSet.of("vip");
    tags[0] = set;
    assertThat(c.value("tags")).isSameAs(set);
    tags[0] = List.of("vip", "new", "vip");
    assertThat(c.value("tags")).isEqualTo(ImmutableSet.of("vip", "new"));
    tags[0] = List.of("vip", 7);
    assertThatThrownBy(() -> c.value("tags"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("customer \"t1\", attribute \"tags\"");
  }

  @Test
  void reader_returnsOneCustomer_rePointedAtEachObject() {
    CustomerView.Reader<Account> reader = VIEW.reader();
    Account first = new Account("r1", 40);
    Account second = new Account("r2", 50);
    second.purchases.add(new Event("purchase", Instant.EPOCH, null));
    Customer c = reader.of(first);
    assertThat(c.id()).isEqualTo("r1");
    assertThat(c.value("age")).isEqualTo(40L);
    assertThat(c.events("purchase")).isEmpty();
    assertThat(reader.of(second)).isSameAs(c);
    assertThat(c.id()).isEqualTo("r2");
    assertThat(c.value(CustomerTest.SCHEMA.indexOf("age"), "age")).isEqualTo(50L);
    assertThat(c.events("purchase")).hasSize(1);
    assertThat(VIEW.reader().of(first)).as("each reader has its own").isNotSameAs(c);
    assertThatThrownBy(() -> reader.of(null)).hasMessageContaining("null object");
  }

  @Test
  void wrap_events_areReadThroughTheirAccessor() {
    Account a = new Account("a3", 1);
    Event e = new Event("purchase", Instant.EPOCH, null);
    a.purchases.add(e);
    assertThat(VIEW.wrap(a).events("purchase")).containsExactly(e);
    assertThat(VIEW.wrap(a).events("other")).isEmpty();
  }

  @Test
  void builder_unknownAttributeOrEventType_isRejected() {
    assertThatThrownBy(
            () ->
                CustomerView.<Account>builder(CustomerTest.SCHEMA, a -> a.id)
                    .attribute("agee", a -> a.age))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no attribute \"agee\"");
    assertThatThrownBy(
            () ->
                CustomerView.<Account>builder(CustomerTest.SCHEMA, a -> a.id)
                    .events("refund", a -> a.purchases))
        .hasMessageContaining("no event type \"refund\"");
    assertThatThrownBy(() -> VIEW.wrap(null)).hasMessageContaining("null object");
  }

  @Test
  void overMap_isALiveViewIgnoringUndeclaredKeys() {
    Map<String, Object> values = new HashMap<>(Map.of("age", 5, "shoeSize", 44));
    Customer c = CustomerView.overMap(CustomerTest.SCHEMA, "m1", values);
    assertThat(c.value("age")).isEqualTo(5L);
    values.put("age", 6);
    assertThat(c.value("age")).isEqualTo(6L);
    assertThat(c.value("shoeSize")).isNull();
    values.put("age", "x");
    assertThatThrownBy(() -> c.value("age"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("\"m1\"");
  }
}
