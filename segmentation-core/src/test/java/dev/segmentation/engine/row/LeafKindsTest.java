package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.Customer;
import dev.segmentation.model.InvalidDataException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The leaves with an evaluation of their own (strings in a hash set, booleans, numbers, tags,
 * prefixes, relative dates and timestamps) give the same result as their explanation, UNKNOWN
 * without a value, and an {@link InvalidDataException} naming customer and attribute for a value of
 * the wrong type.
 */
class LeafKindsTest {

  private static Truth eval(Condition c, String attribute, Object value) {
    CompiledCatalog compiled = Fixtures.compile(c);
    Customer customer = Fixtures.raw("raw-1", attribute, value);
    Truth t = compiled.evaluate(0, customer, CTX);
    assertThat(compiled.explain("s", customer, CTX).result()).isEqualTo(t);
    return t;
  }

  private static void assertWrongType(Condition c, String attribute, Object value) {
    CompiledCatalog compiled = Fixtures.compile(c);
    assertThatThrownBy(() -> compiled.evaluate(0, Fixtures.raw("raw-1", attribute, value), CTX))
        .isInstanceOf(InvalidDataException.class)
        .satisfies(
            e -> {
              assertThat(((InvalidDataException) e).customerId()).isEqualTo("raw-1");
              assertThat(((InvalidDataException) e).attribute()).isEqualTo(attribute);
            });
  }

  @Test
  void stringEqualsNotEqualsAndIn_testTheSetOfLiterals() {
    assertThat(eval(new Compare("country", Operator.EQ, "FI"), "country", "FI"))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(new Compare("country", Operator.EQ, "FI"), "country", "fi"))
        .isEqualTo(Truth.FALSE);
    assertThat(eval(new Compare("country", Operator.NE, "FI"), "country", "SE"))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(new Compare("country", Operator.NE, "FI"), "country", "FI"))
        .isEqualTo(Truth.FALSE);
    assertThat(eval(new Compare("country", Operator.NE, "FI"), "country", null))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(eval(In.of("country", "FI", "SE", "NO"), "country", "NO")).isEqualTo(Truth.TRUE);
    assertThat(eval(In.of("country", "FI", "SE", "NO"), "country", "DK")).isEqualTo(Truth.FALSE);
    assertThat(eval(In.of("country", "FI", "SE", "NO"), "country", null)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void stringIn_withEqualHashCodes_comparesTheCharacters() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Condition in = In.of("country", "Aa", "C");
    assertThat(eval(in, "country", "Aa")).isEqualTo(Truth.TRUE);
    assertThat(eval(in, "country", "BB")).isEqualTo(Truth.FALSE);
    assertThat(eval(In.of("country", "Aa", "BB"), "country", "BB")).isEqualTo(Truth.TRUE);
    assertThat(eval(In.of("country", "Aa", "BB"), "country", new String("BB")))
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void booleanEquality_isTrueOnlyForTheWantedValue() {
    assertThat(eval(new Compare("active", Operator.EQ, true), "active", true))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(new Compare("active", Operator.EQ, true), "active", false))
        .isEqualTo(Truth.FALSE);
    assertThat(eval(new Compare("active", Operator.EQ, false), "active", false))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(new Compare("active", Operator.NE, false), "active", true))
        .isEqualTo(Truth.TRUE);
    assertThat(eval(new Compare("active", Operator.NE, true), "active", true))
        .isEqualTo(Truth.FALSE);
    assertThat(eval(new Compare("active", Operator.EQ, true), "active", null))
        .isEqualTo(Truth.UNKNOWN);
    // A Boolean that is not one of the two canonical instances still counts by value.
    @SuppressWarnings({"deprecation", "removal", "BoxedPrimitiveConstructor"})
    Boolean copy = new Boolean(true);
    assertThat(eval(new Compare("active", Operator.EQ, true), "active", copy))
        .isEqualTo(Truth.TRUE);
  }

  @Test
  void valueOfTheWrongType_isInvalidDataNamingCustomerAndAttribute() {
    assertWrongType(new Compare("country", Operator.EQ, "FI"), "country", 3L);
    assertWrongType(In.of("country", "FI", "SE"), "country", 'F');
    assertWrongType(new Compare("active", Operator.EQ, true), "active", "true");
    assertWrongType(new Compare("balance", Operator.GT, 0L), "balance", "1");
    assertWrongType(new Compare("balance", Operator.GT, 0L), "balance", (1L << 53) + 1);
    assertWrongType(
        new Compare("age", Operator.GE, 18L), "age", java.math.BigInteger.ONE.shiftLeft(64));
    assertWrongType(In.of("age", 1L, 2L), "age", 1.5);
    assertWrongType(new StringMatch("email", StringMatch.Op.STARTS_WITH, "a", false), "email", 1L);
    assertWrongType(
        new TagMatch("tags", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("vip")), "tags", "vip");
    assertWrongType(
        new RelativeTime("birthday", RelativeTime.Op.WITHIN_LAST, 3, WindowUnit.DAYS),
        "birthday",
        CTX.asOf());
    assertWrongType(
        new RelativeTime("lastSeen", RelativeTime.Op.WITHIN_LAST, 3, WindowUnit.DAYS),
        "lastSeen",
        LocalDate.of(2026, 11, 21));
  }
}
