package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.internal.NumericLiteral;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Values;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Comparisons of numbers compile to exact long and double intervals ({@link NumberRange}); on
 * values and literals around the places where a slip would show (2^53, 2^63, -0.0, halves, the
 * neighbours of each double), they agree with {@link NumericLiteral}, the exact comparison of
 * {@link dev.segmentation.model.Values#compare}, for integer and number attributes, Long and Double
 * values, and every operator.
 */
class NumberComparisonProperties {

  private static final long TWO_53 = 1L << 53;

  @Provide
  Arbitrary<Number> numbers() {
    List<Number> edges = new ArrayList<>();
    long[] longs = {0, 1, -1, 2, 30, TWO_53, -TWO_53, Long.MAX_VALUE, Long.MIN_VALUE};
    for (long l : longs) {
      for (long delta = -2; delta <= 2; delta++) {
        long x = l + delta; // wraps around at the ends of the range, which adds more edges
        edges.add(x);
        double d = x;
        edges.add(d);
        edges.add(Math.nextUp(d));
        edges.add(Math.nextDown(d));
        edges.add(d + 0.5);
        edges.add(d - 0.5);
      }
    }
    edges.add(-0.0);
    edges.add(Double.MIN_VALUE);
    edges.add(-Double.MIN_VALUE);
    edges.add(Double.MAX_VALUE);
    edges.add(-Double.MAX_VALUE);
    edges.add(0x1p63);
    edges.add(-0x1p63);
    return Arbitraries.oneOf(
        Arbitraries.of(edges),
        Arbitraries.longs().map(l -> (Number) l),
        Arbitraries.doubles().map(d -> (Number) d));
  }

  @Provide
  Arbitrary<String> attributes() {
    return Arbitraries.of("age", "balance"); // integer and number
  }

  /** The oracle itself, on doubles: the exact comparison, equal values and -0.0 included. */
  @Property(tries = 3000)
  void numericLiteral_comparesDoublesExactly(
      @ForAll("numbers") Number literal, @ForAll("numbers") Number value) {
    double x = value.doubleValue();
    assertThat(Integer.signum(NumericLiteral.of(literal).compareWith(x)))
        .as("%s against %s", x, literal)
        .isEqualTo(Integer.signum(Values.compareLiterals(x, literal)));
    if (literal instanceof Double) { // NaN is never a value; a Double literal says it is above
      assertThat(NumericLiteral.of(literal).compareWith(Double.NaN)).isEqualTo(1);
    }
  }

  @Property(tries = 3000)
  void compare_agreesWithExactComparison(
      @ForAll("attributes") String attribute,
      @ForAll Operator op,
      @ForAll("numbers") Number literal,
      @ForAll("numbers") Number value) {
    boolean expected = op.test(NumericLiteral.of(literal).compareWith(value));
    check(new Compare(attribute, op, literal), attribute, value, expected);
  }

  @Provide
  Arbitrary<List<Number>> bounds() {
    return Combinators.combine(numbers(), numbers())
        .as((a, b) -> NumericLiteral.of(a).compareWith(b) <= 0 ? List.of(b, a) : List.of(a, b));
  }

  @Property(tries = 2000)
  void between_agreesWithExactComparison(
      @ForAll("attributes") String attribute,
      @ForAll("bounds") List<Number> lowHigh,
      @ForAll("numbers") Number value) {
    Number low = lowHigh.get(0);
    Number high = lowHigh.get(1);
    boolean expected =
        NumericLiteral.of(low).compareWith(value) >= 0
            && NumericLiteral.of(high).compareWith(value) <= 0;
    check(new Between(attribute, low, high), attribute, value, expected);
  }

  /**
   * The result is {@code expected} when the value fits its attribute by the one conversion rule
   * (converting it exactly, so the comparison is unchanged); otherwise the engine refuses it as the
   * rule does (a fraction for an integer, a long a double cannot hold for a number).
   */
  private static void check(Condition c, String attribute, Number value, boolean expected) {
    AttributeType type = attribute.equals("age") ? AttributeType.INTEGER : AttributeType.NUMBER;
    try {
      Values.canonical("c", null, attribute, type, value);
    } catch (InvalidDataException refused) {
      assertThatThrownBy(() -> eval(c, attribute, value))
          .isInstanceOf(InvalidDataException.class)
          .hasMessage(refused.getMessage());
      return;
    }
    assertThat(eval(c, attribute, value)).as("%s for %s", c, value).isEqualTo(Truth.of(expected));
  }

  // Long and Double values on both attribute types exercise both forms of the interval.
  private static Truth eval(Condition c, String attribute, Object v) {
    Customer customer = Fixtures.raw("c", attribute, v);
    CompiledCatalog compiled = Fixtures.compile(c);
    Truth t = compiled.evaluate(0, customer, CTX);
    assertThat(compiled.explain("s", customer, CTX).result()).isEqualTo(t);
    return t;
  }
}
