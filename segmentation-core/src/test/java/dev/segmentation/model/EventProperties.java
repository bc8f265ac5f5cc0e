package dev.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * An event made from an array in its type's order ({@link Event#of(EventType, Instant, Object[])})
 * keeps {@link Event}'s contract: it equals, hashes and prints as the event made from a map of the
 * same values (listed in the type's order), its properties are unmodifiable, positional and by-name
 * reads agree, and a customer's builder takes it without converting it again.
 */
class EventProperties {

  @Property(tries = 500)
  void fromArray_sameEventAsFromMap(@ForAll long seed) {
    Random r = new Random(seed);
    AttributeType[] all = AttributeType.values();
    List<Attribute<?>> properties = new ArrayList<>();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      properties.add(Attribute.of("p" + i, all[r.nextInt(all.length)]));
    }
    Collections.shuffle(properties, r);
    EventType type = EventType.of("e", properties.toArray(new Attribute<?>[0]));
    Instant at = Instant.ofEpochSecond(r.nextInt(2_000_000_000));
    Object[] values = new Object[n];
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (r.nextInt(4) > 0) {
        values[i] = CustomerViewProperties.raw(properties.get(i).type(), r);
        map.put(properties.get(i).name(), values[i]);
      }
    }
    Event compact = Event.of(type, at, values.clone());
    Event fromMap = Event.of(type, at, map);

    assertThat(compact).isEqualTo(fromMap);
    assertThat(fromMap).isEqualTo(compact);
    assertThat(compact.hashCode()).isEqualTo(fromMap.hashCode());
    assertThat(compact.properties()).isEqualTo(fromMap.properties());
    assertThat(compact.properties().hashCode()).isEqualTo(fromMap.properties().hashCode());
    assertThat(compact.toString()).isEqualTo(fromMap.toString());
    assertThat(compact.properties().size()).isEqualTo(fromMap.properties().size());
    for (int i = 0; i < n; i++) {
      String name = properties.get(i).name();
      assertThat(compact.value(name)).isEqualTo(fromMap.value(name));
      assertThat(compact.value(i, name)).isEqualTo(fromMap.value(name));
      assertThat(compact.value((i + 1) % n, name)).isEqualTo(fromMap.value(name));
      assertThat(compact.properties().containsKey(name))
          .isEqualTo(fromMap.properties().containsKey(name));
    }
    assertThat(compact.value("nope")).isNull();
    assertThatThrownBy(() -> compact.properties().put("p0", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> compact.properties().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> compact.properties().remove("p0"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> compact.properties().entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);

    Schema schema = Schema.builder().eventType(type).build();
    SchemaCustomer a = Customer.builder(schema, "c").event(compact).build();
    SchemaCustomer b = Customer.builder(schema, "c").event(fromMap).build();
    assertThat(a).isEqualTo(b);
    assertThat(a.events("e").get(0)).isSameAs(compact); // taken as it is, not rebuilt
  }

  @Test
  void fromArray_wrongLengthOrBadValue_refused() {
    EventType type = EventType.of("purchase", Attribute.number("amount"));
    Instant at = Instant.EPOCH;
    assertThatThrownBy(() -> Event.of(type, at, new Object[2]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Event.of(type, at, new Object[] {"ten"}))
        .isInstanceOf(InvalidDataException.class);
    assertThatThrownBy(() -> Event.of(type, at, new Object[] {Double.NaN}))
        .isInstanceOf(InvalidDataException.class);
  }
}
