package dev.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A {@link CustomerView} answers a positional read ({@link ValueSource#value(int, String)}) as it
 * answers by name, for every attribute type, on random schemas whose attributes are in random
 * order; a hint that names another position is answered by name; and reading values (canonical or
 * converted) never calls the id accessor.
 */
class CustomerViewProperties {

  /** A user's object: one raw value per attribute of the schema it was generated for. */
  record Row(String id, Object[] raw) {}

  private enum Plan {
    GOLD
  }

  @Property(tries = 300)
  void positionalAndByNameReads_agree_andNeverComputeTheId(@ForAll long seed) {
    Random r = new Random(seed);
    AttributeType[] all = AttributeType.values();
    List<Attribute<?>> attributes = new ArrayList<>();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      attributes.add(Attribute.of("a" + i, all[r.nextInt(all.length)]));
    }
    Collections.shuffle(attributes, r);
    Schema.Builder sb = Schema.builder();
    attributes.forEach(sb::attribute);
    Schema schema = sb.build();

    AtomicInteger idCalls = new AtomicInteger();
    CustomerView.Builder<Row> b =
        CustomerView.builder(
            schema,
            row -> {
              idCalls.incrementAndGet();
              return row.id();
            });
    boolean[] viewed = new boolean[n];
    for (int p = 0; p < n; p++) {
      int position = p;
      viewed[p] = r.nextInt(6) > 0; // some attributes have no accessor: no value
      if (viewed[p]) {
        b.attribute(schema.attributeList().get(p).name(), row -> row.raw()[position]);
      }
    }
    CustomerView<Row> view = b.build();
    CustomerView.Reader<Row> reader = view.reader();

    for (int k = 0; k < 5; k++) {
      Object[] raw = new Object[n];
      for (int p = 0; p < n; p++) {
        raw[p] = raw(schema.attributeList().get(p).type(), r);
      }
      Row row = new Row("row-" + k, raw);
      Customer wrapped = view.wrap(row);
      Customer read = reader.of(row);
      for (int p = 0; p < n; p++) {
        Attribute<?> a = schema.attributeList().get(p);
        Object expected = viewed[p] ? Values.canonical(row.id(), a, raw[p]) : null;
        for (Customer c : List.of(wrapped, read)) {
          assertThat(c.value(p, a.name())).as("%s at %d", a, p).isEqualTo(expected);
          assertThat(c.value(a.name())).as("%s by name", a).isEqualTo(expected);
          // A name built afresh (not the schema's own String) is compared by equals.
          assertThat(c.value(p, new String(a.name()))).isEqualTo(expected);
          // Hints that name another attribute's position, or none, are answered by name.
          for (int q : new int[] {-1, (p + 1) % n, n, n + 7, Integer.MAX_VALUE}) {
            assertThat(c.value(q, a.name())).as("%s with hint %d", a, q).isEqualTo(expected);
          }
        }
      }
      assertThat(wrapped.value(0, "undeclared")).isNull();
      assertThat(read.value(-1, "undeclared")).isNull();
    }
    assertThat(idCalls).as("calls of the id accessor while reading values").hasValue(0);
  }

  /** A random value of the type: null, its canonical form, or another form the type accepts. */
  /** A value of {@code type}: canonical or one that converts to it. */
  static Object raw(AttributeType type, Random r) {
    if (r.nextInt(5) == 0) {
      return null;
    }
    boolean canonical = r.nextBoolean();
    return switch (type) {
      case STRING -> canonical ? "s" + r.nextInt(100) : Plan.GOLD;
      case INTEGER -> {
        long v = r.nextInt(2000) - 1000;
        yield canonical ? (Object) v : r.nextBoolean() ? (Object) (int) v : BigInteger.valueOf(v);
      }
      case NUMBER -> canonical ? (Object) (r.nextInt(1000) / 8.0) : (Object) r.nextInt(1000);
      case BOOLEAN -> r.nextBoolean();
      case DATE -> LocalDate.ofEpochDay(r.nextInt(30_000));
      case TIMESTAMP -> {
        Instant t = Instant.ofEpochSecond(r.nextInt(2_000_000_000));
        yield canonical ? t : OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(r.nextInt(10)));
      }
      case STRING_SET ->
          canonical ? ImmutableSet.of("t" + r.nextInt(4)) : List.of("x", "y" + r.nextInt(3));
      case GEO_POINT -> new GeoPoint(r.nextInt(90), r.nextInt(180));
    };
  }
}
