package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.plan.eval.EvalAccess;
import dev.segmentation.segment.Segment;
import org.junit.jupiter.api.Test;

/**
 * {@link CompiledCatalog#evaluateBlock}: each customer's result is {@code evaluate}'s, at its
 * offset in {@code out}, for generated and interpreted segments; bad arguments are rejected with an
 * IllegalArgumentException before anything is evaluated.
 */
class EvaluateBlockTest {
  private static final Schema SCHEMA =
      Schema.of(Attribute.integer("age"), Attribute.string("country"));
  private static final Segment NORDIC_ADULTS =
      Segment.of(
          "s", And.of(new Compare("age", Operator.GE, 30L), In.of("country", "FI", "SE", "NO")));

  private static Customer customer(int k) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, "c" + k);
    if (k % 5 != 0) { // every fifth without an age: UNKNOWN unless the country decides
      b.set("age", (long) (20 + k % 20));
    }
    return b.set("country", k % 3 == 0 ? "FI" : "DE").build();
  }

  private static Customer[] customers(int n) {
    Customer[] cs = new Customer[n];
    for (int k = 0; k < n; k++) {
      cs[k] = customer(k);
    }
    return cs;
  }

  @Test
  void evaluateBlock_givesEvaluatesResultForEachCustomerInTheRange() {
    CompiledCatalog compiled = RowEngine.compile(NORDIC_ADULTS, SCHEMA);
    Customer[] cs = customers(40);
    assertBlockGivesEvaluatesResults(compiled, cs); // interpreted: evaluated too few times yet
    for (int k = 0; k < EvalAccess.generateAfter(); k++) {
      compiled.evaluate(0, cs[k % cs.length], CTX);
    }
    assertBlockGivesEvaluatesResults(compiled, cs); // generated: the block's own loop
  }

  private static void assertBlockGivesEvaluatesResults(CompiledCatalog compiled, Customer[] cs) {
    Truth[] out = new Truth[41];
    compiled.evaluateBlock(0, cs, 3, 40, CTX, out);
    for (int k = 3; k < 40; k++) {
      assertThat(out[k - 3]).as("customer %d", k).isEqualTo(compiled.evaluate(0, cs[k], CTX));
    }
    assertThat(out[37]).isNull();
    assertThat(out).contains(Truth.TRUE, Truth.FALSE, Truth.UNKNOWN);
  }

  @Test
  void evaluateBlock_ofAnEmptyRange_writesNothing() {
    Truth[] out = new Truth[1];
    RowEngine.compile(NORDIC_ADULTS, SCHEMA).evaluateBlock(0, customers(2), 1, 1, CTX, out);
    assertThat(out[0]).isNull();
  }

  @Test
  void evaluateBlock_rejectsBadArgumentsBeforeEvaluating() {
    CompiledCatalog compiled = RowEngine.compile(NORDIC_ADULTS, SCHEMA);
    Customer[] cs = customers(4);
    Truth[] out = new Truth[4];
    assertThatThrownBy(() -> compiled.evaluateBlock(1, cs, 0, 4, CTX, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> compiled.evaluateBlock(0, null, 0, 0, CTX, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> compiled.evaluateBlock(0, cs, 0, 4, CTX, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> compiled.evaluateBlock(0, cs, 3, 2, CTX, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not within");
    assertThatThrownBy(() -> compiled.evaluateBlock(0, cs, 0, 5, CTX, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not within");
    assertThatThrownBy(() -> compiled.evaluateBlock(0, cs, 0, 4, CTX, new Truth[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 4");
    assertThatThrownBy(() -> compiled.evaluateBlock(0, cs, 0, 4, null, out))
        .isInstanceOf(IllegalArgumentException.class);
    Customer[] withNull = {cs[0], null, cs[2]};
    assertThatThrownBy(() -> compiled.evaluateBlock(0, withNull, 0, 3, CTX, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customer 1");
    assertThat(out).containsOnlyNulls();
  }

  /**
   * The generated code passes attribute names as string constants of its class, which are interned:
   * an adapter that compares the name with its own literal by identity (the cheap first step of
   * {@code String.equals}) finds them identical even when the rule's name was built at run time, as
   * a parsed rule's is.
   */
  @Test
  void generatedReads_passTheInternedName() {
    String built = new String("age");
    boolean[] identical = {true};
    Customer c =
        new Customer() {
          @Override
          public String id() {
            return "c";
          }

          @Override
          public Object value(String attribute) {
            return attribute.equals("age") ? (Object) 40L : null;
          }

          @Override
          public long longValue(int position, String attribute, long ifAbsent) {
            identical[0] &= attribute == "age";
            return 40L;
          }
        };
    CompiledCatalog compiled =
        RowEngine.compile(Segment.of("s", new Compare(built, Operator.GE, 30L)), SCHEMA);
    assertThat(compiled.evaluate(0, c, CTX)).isEqualTo(Truth.TRUE);
    assertThat(identical[0]).isTrue();
  }
}
