package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine reads a customer's attributes through {@link Customer#value(int, String)} with the
 * attribute's position in the compiled schema, and its name; the position is only a hint, so a
 * customer that follows another schema still gets the right answers.
 */
class PositionalReadTest {
  private static final Schema AGE_FIRST =
      Schema.of(Attribute.integer("age"), Attribute.string("country"));
  private static final Schema COUNTRY_FIRST =
      Schema.of(Attribute.string("country"), Attribute.integer("age"));

  private static final Compare ADULT = new Compare("age", Operator.GE, 18L);
  private static final Compare FINN = new Compare("country", Operator.EQ, "FI");

  /** Records the reads and answers by name. */
  private static final class Recording implements Customer {
    final List<String> reads = new ArrayList<>();

    @Override
    public String id() {
      return "r-1";
    }

    @Override
    public Object value(String attribute) {
      return attribute.equals("age") ? (Object) 30L : "FI";
    }

    @Override
    public Object value(int position, String attribute) {
      reads.add(attribute + "@" + position);
      return value(attribute);
    }
  }

  @Test
  void evaluate_passesThePositionInTheCompiledSchema() {
    Recording c = new Recording();
    RowEngine.compile(Segment.of("s", And.of(ADULT, FINN)), COUNTRY_FIRST).evaluate(0, c, CTX);
    assertThat(c.reads).containsExactly("age@1", "country@0");
  }

  @Test
  void schemaCustomer_ofAnotherSchema_isReadByName() {
    SchemaCustomer c =
        Customer.builder(AGE_FIRST, "c-1").set("age", 30L).set("country", "SE").build();
    assertThat(c.value(0, "age")).isEqualTo(30L);
    assertThat(c.value(1, "age")).isEqualTo(30L); // "country" is at 1: the name decides
    assertThat(c.value(5, "country")).isEqualTo("SE");
    assertThat(c.value(-1, "country")).isEqualTo("SE");
    CompiledCatalog other =
        RowEngine.compile(Segment.of("s", And.of(ADULT, FINN.negate())), COUNTRY_FIRST);
    assertThat(other.evaluate(0, c, CTX)).isEqualTo(Truth.TRUE);
    CompiledCatalog same = RowEngine.compile(Segment.of("s", ADULT), AGE_FIRST);
    assertThat(same.evaluate(0, c, CTX)).isEqualTo(Truth.TRUE);
  }

  @Test
  void eventProperties_areReadWithoutAPosition() {
    Recording c = new Recording();
    Schema schema = Fixtures.SCHEMA;
    EventCondition bought =
        new EventCondition(
            "purchase",
            new Compare("amount", Operator.GT, 10L),
            EventWindow.ever(),
            Aggregate.COUNT,
            null,
            Operator.GE,
            0L);
    RowEngine.compile(Segment.of("s", And.of(ADULT, bought)), schema).evaluate(0, c, CTX);
    assertThat(c.reads).containsExactly("age@" + schema.indexOf("age"));
  }
}
