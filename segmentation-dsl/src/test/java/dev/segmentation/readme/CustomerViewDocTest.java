package dev.segmentation.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.CustomerView;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples in {@link CustomerView}'s javadoc are this test's code, and they run. */
class CustomerViewDocTest {

  record Address(String country) {}

  record Order(Instant placedAt, double total) {}

  record Account(String id, int age, Address address, List<Order> orders) {}

  static final Schema SCHEMA =
      Schema.builder()
          .attribute(Attribute.integer("age"))
          .attribute(Attribute.string("country"))
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  /** "vip": in Finland, with purchases of 500 or more in the last 90 days. */
  static final CompiledCatalog VIP =
      RowEngine.compile(
          Catalog.of(
              Segment.of(
                  "vip",
                  And.of(
                      new Compare("country", Operator.EQ, "FI"),
                      new EventCondition(
                          "purchase",
                          new Always(),
                          EventWindow.last(90, WindowUnit.DAYS),
                          Aggregate.SUM,
                          "amount",
                          Operator.GE,
                          500L)))),
          SCHEMA);

  static final EvaluationContext CTX = EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));

  static boolean example(Account account) {
    Schema schema = SCHEMA;
    EventType purchase = schema.eventType("purchase");
    CompiledCatalog compiled = VIP;
    EvaluationContext ctx = CTX;

    // CustomerView:start
    CustomerView<Account> view =
        CustomerView.builder(schema, Account::id)
            .attribute("age", Account::age) // an int is read as an integer
            .attribute("country", a -> a.address().country())
            .events(
                "purchase",
                a ->
                    a.orders().stream()
                        .map(o -> Event.of(purchase, o.placedAt(), Map.of("amount", o.total())))
                        .toList()) // newest first is fine
            .build();
    boolean vip = compiled.matches("vip", view.wrap(account), ctx);
    // CustomerView:end
    List<Account> accounts = List.of(account);
    // CustomerViewReader:start
    CustomerView.Reader<Account> reader = view.reader(); // one per thread
    Truth[] out = new Truth[compiled.segmentNames().size()];
    for (Account a : accounts) {
      compiled.evaluateAll(reader.of(a), ctx, out);
    }
    // CustomerViewReader:end
    assertThat(out[0] == Truth.TRUE).as("the reader agrees with wrap").isEqualTo(vip);
    return vip;
  }

  /** The README's example, whose accounts hold their purchases as events. */
  static final class Readme {
    record Account(String id, int age, Address address, List<Event> purchases) {}

    static Truth[] example(Schema schema, CompiledCatalog compiled, EvaluationContext ctx) {
      Account account =
          new Account(
              "ann",
              34,
              new Address("FI"),
              List.of(new Event("purchase", ctx.asOf().minusSeconds(60), Map.of("amount", 600.0))));
      List<Account> accounts =
          List.of(account, new Account("bob", 34, new Address("SE"), List.of()));
      Truth[] out = new Truth[1];
      Truth[] all = new Truth[accounts.size()];
      int i = 0;
      // CustomerViewReadme:start
      CustomerView<Account> view =
          CustomerView.builder(schema, Account::id)
              .attribute("age", Account::age) // an int: read as a Long
              .attribute("country", a -> a.address().country())
              .events("purchase", Account::purchases) // the Events it holds, in any order
              .build();
      boolean vip = compiled.matches("vip", view.wrap(account), ctx); // one small object per call
      CustomerView.Reader<Account> reader = view.reader(); // one per thread
      for (Account a : accounts) {
        compiled.evaluateAll(reader.of(a), ctx, out); // allocates nothing
        // CustomerViewReadme:end
        all[i++] = out[0];
      }
      assertThat(vip).isTrue();
      return all;
    }
  }

  @Test
  void customerViewReadmeExample_isThisTestsCode_andReadsEachAccount() throws IOException {
    String markdown = Files.readString(Path.of("../README.md"));
    String source =
        Files.readString(Path.of("src/test/java/dev/segmentation/readme/CustomerViewDocTest.java"));
    assertThat(Snippets.between(markdown, "CustomerViewReadme"))
        .isEqualTo(Snippets.between(source, "CustomerViewReadme") + " }");
    assertThat(Readme.example(SCHEMA, VIP, CTX)).containsExactly(Truth.TRUE, Truth.FALSE);
  }

  @Test
  void customerViewJavadocExample_isThisTestsCode_andAnswersFromTheUsersObjects()
      throws IOException {
    String javadoc =
        Files.readString(
            Path.of("../segmentation-core/src/main/java/dev/segmentation/model/CustomerView.java"));
    String source =
        Files.readString(Path.of("src/test/java/dev/segmentation/readme/CustomerViewDocTest.java"));
    assertThat(Snippets.inJavadoc(javadoc, "CustomerView"))
        .isEqualTo(Snippets.between(source, "CustomerView"));
    assertThat(Snippets.inJavadoc(javadoc, "CustomerViewReader"))
        .isEqualTo(Snippets.between(source, "CustomerViewReader"));

    List<Order> newestFirst =
        List.of(
            new Order(Instant.parse("2026-11-20T09:00:00Z"), 320.0),
            new Order(Instant.parse("2026-10-01T09:00:00Z"), 180.0),
            new Order(Instant.parse("2024-01-01T09:00:00Z"), 900.0));
    assertThat(example(new Account("ann", 34, new Address("FI"), newestFirst))).isTrue();
    assertThat(example(new Account("bob", 34, new Address("SE"), newestFirst))).isFalse();
    assertThat(example(new Account("cid", 34, new Address("FI"), newestFirst.subList(1, 3))))
        .isFalse();
  }
}
