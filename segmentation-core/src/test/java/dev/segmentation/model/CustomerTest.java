package dev.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The immutable schema customer and the map view. */
class CustomerTest {
  static final Schema SCHEMA =
      Schema.builder()
          .attribute(Attribute.integer("age"))
          .attribute(Attribute.number("balance"))
          .attribute(Attribute.stringSet("tags"))
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  @Test
  void builder_convertsToCanonicalValues() {
    SchemaCustomer c =
        Customer.builder(SCHEMA, "c1")
            .set("age", 30)
            .set("balance", 5L)
            .set("tags", List.of("a"))
            .build();
    assertThat(c.value("age")).isEqualTo(30L);
    assertThat(c.value("balance")).isEqualTo(5.0);
    assertThat(c.value("tags")).isEqualTo(ImmutableSet.of("a"));
    assertThat(c.value("nope")).isNull();
    assertThat(c.get(Attribute.integer("age"))).isEqualTo(30L);
  }

  @Test
  void builder_unknownAttributeWrongTypeOrNaN_namesCustomerAndAttribute() {
    assertThatThrownBy(() -> Customer.builder(SCHEMA, "c1").set("agee", 3))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("customer \"c1\", attribute \"agee\": the schema has no such attribute");
    assertThatThrownBy(() -> Customer.builder(SCHEMA, "c1").set("age", "old"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("customer \"c1\", attribute \"age\"");
    assertThatThrownBy(() -> Customer.builder(SCHEMA, "c1").set("balance", Double.NaN))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("\"balance\": NaN is not a value");
  }

  @Test
  void builder_emptyId_isRejected() {
    assertThatThrownBy(() -> Customer.builder(SCHEMA, ""))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("non-empty id");
  }

  @Test
  void events_areSortedByTimeStably() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    SchemaCustomer c =
        Customer.builder(SCHEMA, "c1")
            .event("purchase", t0.plusSeconds(10), Map.of("amount", 1))
            .event("purchase", t0, Map.of("amount", 2))
            .event("purchase", t0.plusSeconds(10), Map.of("amount", 3))
            .build();
    assertThat(c.events("purchase"))
        .extracting(e -> e.value("amount"))
        .containsExactly(2.0, 1.0, 3.0);
    assertThat(c.events("none")).isEmpty();
  }

  @Test
  void events_badPropertyOrType_namesCustomer() {
    Instant t = Instant.EPOCH;
    assertThatThrownBy(() -> Customer.builder(SCHEMA, "c1").event("refund", t, Map.of()))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("no event type \"refund\"");
    assertThatThrownBy(
            () -> Customer.builder(SCHEMA, "c1").event("purchase", t, Map.of("amount", "x")))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("customer \"c1\", attribute \"amount\"");
  }

  @Test
  void ofMap_copiesAndChecksNow() {
    Map<String, Object> values = new HashMap<>(Map.of("age", 40));
    Customer c = Customer.ofMap(SCHEMA, "c1", values);
    values.put("age", 41);
    assertThat(c.value("age")).isEqualTo(40L);
    assertThatThrownBy(() -> Customer.ofMap(SCHEMA, "c1", Map.of("age", 1.5)))
        .isInstanceOf(InvalidDataException.class);
  }
}
