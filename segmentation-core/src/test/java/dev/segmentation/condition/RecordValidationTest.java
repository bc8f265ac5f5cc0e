package dev.segmentation.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Condition records reject bad arguments with an IllegalArgumentException that says what is wrong.
 */
class RecordValidationTest {

  @Test
  void compare_nullParts_rejectedByName() {
    assertThatThrownBy(() -> new Compare(null, Operator.EQ, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute");
    assertThatThrownBy(() -> new Compare("age", null, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operator");
    assertThatThrownBy(() -> new Compare("age", Operator.EQ, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value must not be null");
  }

  @Test
  void compare_nanOrInfinity_rejected() {
    assertThatThrownBy(() -> new Compare("score", Operator.GT, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite number");
    assertThatThrownBy(() -> new Between("score", 1.0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("high must be a finite number");
  }

  @Test
  void compare_unsupportedLiteralType_namesTheType() {
    assertThatThrownBy(() -> new Compare("age", Operator.EQ, new StringBuilder("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.StringBuilder")
        .hasMessageContaining("use String, Long, Double");
  }

  @Test
  void literals_normalized_integralToLong_negativeZeroToZero() {
    assertThat(new Compare("age", Operator.EQ, 30).value()).isEqualTo(30L);
    assertThat(new Compare("x", Operator.EQ, -0.0).value()).isEqualTo(0.0);
  }

  @Test
  void in_nullElement_rejected() {
    List<Object> values = Arrays.asList("a", null);
    assertThatThrownBy(() -> In.of("country", values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("element");
  }

  @Test
  void and_nullOperand_rejected() {
    assertThatThrownBy(() -> And.of(new Always(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operands of and");
    assertThatThrownBy(() -> Or.of(new Never(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operands of or");
    assertThatThrownBy(() -> new Not(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
