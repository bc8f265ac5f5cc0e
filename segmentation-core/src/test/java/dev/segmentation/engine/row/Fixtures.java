package dev.segmentation.engine.row;

import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.Condition;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.plan.eval.EvalAccess;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.Map;

/** A schema with one attribute of every type and two event types, and a fixed evaluation time. */
final class Fixtures {
  private Fixtures() {}

  /** Sunday 22 November 2026, noon UTC. */
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  static final EvaluationContext CTX = EvaluationContext.at(AS_OF);

  static final Schema SCHEMA =
      Schema.builder()
          .attribute("age", AttributeType.INTEGER)
          .attribute("balance", AttributeType.NUMBER)
          .attribute("country", AttributeType.STRING)
          .attribute("email", AttributeType.STRING)
          .attribute("active", AttributeType.BOOLEAN)
          .attribute("birthday", AttributeType.DATE)
          .attribute("lastSeen", AttributeType.TIMESTAMP)
          .attribute("tags", AttributeType.STRING_SET)
          .attribute("location", AttributeType.GEO_POINT)
          .attribute("employees", AttributeType.INTEGER)
          .attribute("revenue", AttributeType.NUMBER)
          .attribute("industry", AttributeType.STRING)
          .eventType(
              EventType.of(
                  "purchase",
                  Attribute.number("amount"),
                  Attribute.string("category"),
                  Attribute.integer("quantity")))
          .eventType(EventType.of("page_view", Attribute.string("path")))
          .eventType(EventType.of("email_open", Attribute.string("campaign")))
          .build();

  static SchemaCustomer.Builder customer(String id) {
    return Customer.builder(SCHEMA, id);
  }

  static SchemaCustomer customer(String id, Map<String, ?> values) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, id);
    values.forEach(b::set);
    return b.build();
  }

  static SchemaCustomer customer(String id, String attribute, Object value) {
    return customer(id, value == null ? ImmutableMap.of() : ImmutableMap.of(attribute, value));
  }

  /**
   * A user's customer implementation with one attribute whose value is returned as given, whatever
   * its class (a Long or a Double for either numeric type, or a value of the wrong type).
   */
  static Customer raw(String id, String attribute, Object value) {
    return new Customer() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Object value(String name) {
        return name.equals(attribute) ? value : null;
      }
    };
  }

  /** A catalog of the one segment "s", compiled by {@link #compileUnchecked}. */
  static CompiledCatalog compile(Condition condition) {
    return compileUnchecked(Catalog.of(Segment.of("s", condition)));
  }

  /**
   * Rewrites and compiles without running the checker: tests of the engine's semantics use rules a
   * checker may warn about or reject by policy (an {@code in} list that can never match, an empty
   * tag list), and must not depend on that policy.
   */
  static CompiledCatalog compileUnchecked(Catalog catalog) {
    return new CompiledCatalog(EvalAccess.unchecked(catalog, SCHEMA));
  }

  static Instant daysAgo(double days) {
    return AS_OF.minusSeconds(Math.round(days * 86_400));
  }
}
