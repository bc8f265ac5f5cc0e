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

  /** A service's class with primitive fields and a flag for "no balance". */
  record Primitive(String id, long age, double balance, boolean hasBalance) {}

  private static final CustomerView<Primitive> PRIMITIVE =
      CustomerView.<Primitive>builder(CustomerTest.SCHEMA, Primitive::id)
          .longAttribute("age", Primitive::age)
          .doubleAttribute("balance", Primitive::balance, Primitive::hasBalance)
          .build();

  @Test
  void primitiveAccessors_readWithoutBoxing_andBoxedForValue() {
    Customer c = PRIMITIVE.reader().of(new Primitive("p1", 42, 2.5, true));
    int age = CustomerTest.SCHEMA.indexOf("age");
    int balance = CustomerTest.SCHEMA.indexOf("balance");
    assertThat(c.longValue(age, "age", -1)).isEqualTo(42);
    assertThat(c.doubleValue(balance, "balance", Double.NaN)).isEqualTo(2.5);
    assertThat(c.value("age")).isEqualTo(42L);
    assertThat(c.value(balance, "balance")).isEqualTo(2.5);
    assertThat(c.longValue(-1, "age", -1)).as("by name without a position").isEqualTo(42);

    Customer absent = PRIMITIVE.wrap(new Primitive("p2", 7, 99.0, false));
    assertThat(absent.doubleValue(balance, "balance", Double.NaN)).isNaN();
    assertThat(absent.value("balance")).isNull();
    assertThat(absent.longValue(balance, "balance", -1))
        .as("an integer read of a number is not answered: ask value()")
        .isEqualTo(-1);
  }

  @Test
  void primitiveAccessors_NaN_isRejectedWhenRead() {
    Customer c = PRIMITIVE.wrap(new Primitive("p3", 1, Double.NaN, true));
    assertThatThrownBy(() -> c.value("balance"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("p3")
        .hasMessageContaining("NaN");
  }

  @Test
  void primitiveAccessors_ofAnotherType_areRejected() {
    CustomerView.Builder<Primitive> b = CustomerView.builder(CustomerTest.SCHEMA, Primitive::id);
    assertThatThrownBy(() -> b.longAttribute("balance", Primitive::age))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute \"balance\" is a number, not an integer");
    assertThatThrownBy(() -> b.doubleAttribute("age", Primitive::balance))
        .hasMessage("attribute \"age\" is an integer, not a number");
  }

  /** A service's class with a date as an epoch day and a timestamp in epoch milliseconds. */
  record Dated(String id, long signupDay, long lastSeenMilli, boolean seen) {}

  private static final Schema DATED_SCHEMA =
      Schema.builder()
          .attribute(Attribute.date("signup"))
          .attribute(Attribute.timestamp("lastSeen"))
          .build();

  private static final CustomerView<Dated> DATED =
      CustomerView.<Dated>builder(DATED_SCHEMA, Dated::id)
          .epochDayAttribute("signup", Dated::signupDay, null)
          .epochMilliAttribute("lastSeen", Dated::lastSeenMilli, Dated::seen)
          .build();

  @Test
  void epochAccessors_readWithoutBoxing_andAsDatesAndInstantsForValue() {
    int signup = DATED_SCHEMA.indexOf("signup");
    int lastSeen = DATED_SCHEMA.indexOf("lastSeen");
    Customer c = DATED.reader().of(new Dated("d1", 20_000, 1_700_000_000_123L, true));
    assertThat(c.epochDayValue(signup, "signup", Long.MIN_VALUE)).isEqualTo(20_000);
    assertThat(c.epochMilliValue(lastSeen, "lastSeen", Long.MIN_VALUE))
        .isEqualTo(1_700_000_000_123L);
    assertThat(c.value("signup")).isEqualTo(java.time.LocalDate.ofEpochDay(20_000));
    assertThat(c.value(lastSeen, "lastSeen")).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(c.epochMilliValue(signup, "signup", -1))
        .as("a timestamp read of a date is not answered")
        .isEqualTo(-1);

    Customer unseen = DATED.wrap(new Dated("d2", 0, 5, false));
    assertThat(unseen.epochMilliValue(lastSeen, "lastSeen", Long.MIN_VALUE))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(unseen.value("lastSeen")).isNull();
    assertThat(unseen.epochDayValue(signup, "signup", Long.MIN_VALUE)).isZero();
  }

  @Test
  void epochDayAccessor_outsideLocalDate_isNotAnswered_andRejectedWhenRead() {
    int signup = DATED_SCHEMA.indexOf("signup");
    Customer c = DATED.wrap(new Dated("d3", Long.MAX_VALUE, 0, true));
    assertThat(c.epochDayValue(signup, "signup", Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    assertThatThrownBy(() -> c.value(signup, "signup"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("d3")
        .hasMessageContaining("signup")
        .hasMessageContaining("epoch day 9223372036854775807");
  }

  @Test
  void epochAccessors_ofAnotherType_areRejected() {
    CustomerView.Builder<Dated> b = CustomerView.builder(DATED_SCHEMA, Dated::id);
    assertThatThrownBy(() -> b.epochDayAttribute("lastSeen", Dated::signupDay, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute \"lastSeen\" is a timestamp, not a date");
    assertThatThrownBy(() -> b.epochMilliAttribute("signup", Dated::lastSeenMilli, null))
        .hasMessage("attribute \"signup\" is a date, not a timestamp");
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
