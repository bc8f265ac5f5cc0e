package dev.segmentation.sql;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves generated customers into what the SQL layout holds, so that the row engine and the database
 * see the same data: dates and timestamps clamped to years 1 to 9999, timestamps cut to
 * microseconds, NUL removed from PostgreSQL text. The loader refuses the original values (tested
 * separately). Event amounts become multiples of 1/1024 within 2^32 (and integer properties within
 * 2^40): any order of adding up a customer's events then gives the same double, so sums, averages
 * and RFM monetary values compare exactly, without a tolerance, while the engines still add in
 * their own orders.
 */
public final class Holdable {
  private Holdable() {}

  /** The customer with every value moved into what {@code dialect}'s layout holds. */
  public static SchemaCustomer project(SchemaCustomer c, Schema schema, Dialect dialect) {
    SchemaCustomer.Builder b = Customer.builder(schema, text(c.id(), dialect));
    for (Attribute<?> a : schema.attributeList()) {
      Object v = c.value(a.name());
      if (v != null) {
        b.set(a.name(), value(v, dialect, false));
      }
    }
    for (EventType type : schema.eventTypes().values()) {
      List<Event> events = c.events(type.name());
      for (Event e : events) {
        Map<String, Object> props = new LinkedHashMap<>();
        e.properties().forEach((k, v) -> props.put(k, value(v, dialect, true)));
        b.event(new Event(e.type(), instant(e.timestamp()), ImmutableMap.copyOf(props)));
      }
    }
    return b.build();
  }

  private static Object value(Object v, Dialect dialect, boolean event) {
    if (v instanceof String s) {
      return text(s, dialect);
    }
    if (v instanceof ImmutableSet<?> set) {
      ImmutableSet.Builder<String> tags = ImmutableSet.builder();
      set.forEach(t -> tags.add(text((String) t, dialect)));
      return tags.build();
    }
    if (v instanceof LocalDate d) {
      return d.isBefore(Domain.MIN_DATE)
          ? Domain.MIN_DATE
          : d.isAfter(Domain.MAX_DATE) ? Domain.MAX_DATE : d;
    }
    if (v instanceof Instant t) {
      return instant(t);
    }
    if (event && v instanceof Double d) {
      double clamped = Math.max(-0x1p32, Math.min(0x1p32, d));
      return Math.rint(clamped * 1024) / 1024 + (d == 0 ? d : 0.0); // keeps -0.0
    }
    if (event && v instanceof Long l) {
      return Math.max(-(1L << 40), Math.min(1L << 40, l));
    }
    return v;
  }

  private static String text(String s, Dialect dialect) {
    return dialect.holdsNul() ? s : s.replace('\0', '0');
  }

  private static Instant instant(Instant t) {
    if (t.isBefore(Domain.MIN_INSTANT)) {
      return Domain.MIN_INSTANT;
    }
    if (t.isAfter(Domain.MAX_INSTANT)) {
      return Domain.MAX_INSTANT;
    }
    return t.minusNanos(t.getNano() % 1000);
  }
}
