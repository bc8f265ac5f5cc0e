package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Lists;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.CustomerView;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@link CustomerView} in both engines: the same results as a copy of each customer, whatever
 * schema the view follows; a {@link CustomerView.Reader} never shows one object's events for
 * another and allocates (next to) nothing per evaluation.
 */
class CustomerViewEngineTest {

  /**
   * A service's own object: values by attribute name, in the forms a service holds (an int for an
   * integer, a list for tags, an offset date-time for an instant), and its events.
   */
  record Account(String id, Map<String, Object> values, List<Event> purchases) {}

  /** The customer's values as a service would hold them, and its purchases. */
  private static Account account(SchemaCustomer c) {
    Map<String, Object> values = new HashMap<>();
    for (Attribute<?> a : SCHEMA.attributeList()) {
      Object v = c.value(a.name());
      if (v instanceof Long l && l == l.intValue()) {
        v = l.intValue();
      } else if (v instanceof ImmutableSet<?> s) {
        v = new ArrayList<>(s);
      } else if (v instanceof Instant t) {
        v = OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(2));
      }
      if (v != null) {
        values.put(a.name(), v);
      }
    }
    return new Account(c.id(), values, c.events("purchase"));
  }

  /** A copy of the account as an immutable customer, checked against the schema. */
  private static Customer copy(Account a) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, a.id());
    a.values().forEach(b::set);
    for (Event e : a.purchases()) {
      b.event(e.type(), e.timestamp(), e.properties());
    }
    return b.build();
  }

  /** {@code schema}'s attributes and event types in reverse order. */
  private static Schema reversed(Schema schema) {
    Schema.Builder b = Schema.builder();
    for (Attribute<?> a : Lists.reverse(schema.attributeList())) {
      b.attribute(a);
    }
    for (EventType t : schema.eventTypes().values()) {
      b.eventType(t);
    }
    return b.build();
  }

  private static CustomerView<Account> view(Schema schema) {
    CustomerView.Builder<Account> b = CustomerView.builder(schema, Account::id);
    for (Attribute<?> a : schema.attributeList()) {
      String name = a.name();
      b.attribute(name, account -> account.values().get(name));
    }
    return b.events("purchase", Account::purchases).build();
  }

  @Test
  void viewOfEitherSchemaOrder_givesTheResultsOfACopy_inBothEngines() {
    CompiledCatalog row = Population.compiled();
    ColumnarCatalog columnar = ColumnarEngine.compile(Population.CATALOG, SCHEMA);
    List<Account> accounts = new ArrayList<>();
    List<Customer> copies = new ArrayList<>();
    for (SchemaCustomer c : Population.customers(7, 300)) {
      Account a = account(c);
      accounts.add(a);
      copies.add(copy(a));
    }
    BatchResult expected = columnar.evaluate(CustomerTable.of(SCHEMA, copies), CTX);
    int segments = row.segmentNames().size();
    for (Schema schema : List.of(SCHEMA, reversed(SCHEMA))) {
      CustomerView<Account> view = view(schema);
      CustomerView.Reader<Account> reader = view.reader();
      CustomerTable.Builder viewed = CustomerTable.builder(SCHEMA);
      for (int i = 0; i < accounts.size(); i++) {
        Account a = accounts.get(i);
        Customer copy = copies.get(i);
        Truth[] want = new Truth[segments];
        Truth[] wrapped = new Truth[segments];
        Truth[] read = new Truth[segments];
        row.evaluateAll(copy, CTX, want);
        row.evaluateAll(view.wrap(a), CTX, wrapped);
        row.evaluateAll(reader.of(a), CTX, read);
        assertThat(wrapped).as("%s wrapped", a.id()).containsExactly(want);
        assertThat(read).as("%s read", a.id()).containsExactly(want);
        assertThat(row.score("engagement", reader.of(a), CTX))
            .isEqualTo(row.score("engagement", copy, CTX));
        assertThat(row.tier("rfm", reader.of(a), CTX)).isEqualTo(row.tier("rfm", copy, CTX));
        viewed.add(reader.of(a));
      }
      BatchResult actual = columnar.evaluate(viewed.build(), CTX);
      for (String s : row.segmentNames()) {
        assertThat(actual.members(s)).as("%s, columnar", s).isEqualTo(expected.members(s));
      }
    }
  }

  @Test
  void evaluation_valueOfWrongType_namesTheCustomerAndAttribute() {
    Account a = new Account("acct-9", Map.of("age", "forty"), List.of());
    CompiledCatalog compiled =
        RowEngine.compile(Segment.of("adult", new Compare("age", Operator.GE, 18L)), SCHEMA);
    assertThatThrownBy(() -> compiled.evaluate(0, view(SCHEMA).reader().of(a), CTX))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage(
            "customer \"acct-9\", attribute \"age\": expected an integer, got String \"forty\"");
  }

  /**
   * A reader re-pointed while its customer is evaluated (here by an attribute accessor that
   * evaluates another account through the same reader) would let the inner evaluation see the outer
   * object's events, which the engine has cached for the evaluation: it throws instead.
   */
  @Test
  void reader_rePointedDuringAnEvaluation_neverShowsThePreviousObjectsEvents() {
    Schema schema =
        Schema.builder()
            .attribute(Attribute.string("partner"))
            .eventType(EventType.of("purchase"))
            .build();
    Catalog catalog =
        Catalog.of(
            Segment.of(
                "buyer",
                new EventCondition(
                    "purchase",
                    new Always(),
                    EventWindow.ever(),
                    Aggregate.COUNT,
                    null,
                    Operator.GE,
                    1L)),
            Segment.of("has-partner", Presence.isPresent("partner")));
    CompiledCatalog compiled = RowEngine.compile(catalog, schema);
    Map<String, Account> accounts = new HashMap<>();
    Truth[] partnerResults = new Truth[2];
    CustomerView.Reader<Account>[] reader = holder();
    CustomerView<Account> view =
        CustomerView.builder(schema, Account::id)
            .attribute(
                "partner",
                a -> {
                  Object partner = a.values().get("partner");
                  if (partner != null) { // what the javadoc forbids: the same reader, re-pointed
                    compiled.evaluateAll(reader[0].of(accounts.get(partner)), CTX, partnerResults);
                  }
                  return partner;
                })
            .events("purchase", Account::purchases)
            .build();
    reader[0] = view.reader();
    Event bought = new Event("purchase", CTX.asOf().minusSeconds(60), null);
    accounts.put("buyer", new Account("buyer", Map.of("partner", "idle"), List.of(bought)));
    accounts.put("idle", new Account("idle", Map.of(), List.of()));

    Truth[] out = new Truth[2];
    assertThatThrownBy(() -> compiled.evaluateAll(reader[0].of(accounts.get("buyer")), CTX, out))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("re-pointed during an evaluation");
    assertThat(partnerResults[0]).as("the inner evaluation gave no answer").isNull();

    // After the failure, and between evaluations, re-pointing is what the reader is for.
    compiled.evaluateAll(reader[0].of(accounts.get("idle")), CTX, out);
    assertThat(out).containsExactly(Truth.FALSE, Truth.FALSE);
    compiled.evaluate(0, reader[0].of(new Account("b2", Map.of(), List.of(bought))), CTX);
    compiled.evaluateAll(reader[0].of(accounts.get("idle")), CTX, out);
    assertThat(out).containsExactly(Truth.FALSE, Truth.FALSE);
  }

  @SuppressWarnings("unchecked")
  private static CustomerView.Reader<Account>[] holder() {
    return (CustomerView.Reader<Account>[]) new CustomerView.Reader<?>[1];
  }
}
