package dev.segmentation.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import dev.segmentation.check.Issue;
import dev.segmentation.check.Printable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parser that turns the numbers {@link BigDecimal} cannot hold (an exponent beyond the 32-bit
 * range, such as {@code 1e999999999999}, which Jackson reports as a raw NumberFormatException) into
 * problems at their JSON Pointer. A zero mantissa is exactly zero whatever its exponent; any other
 * such number is too large or too small for a double. The tree gets zero in its place, and the
 * reader drops what it would say at the same pointer.
 */
final class NumberGuard extends JsonParserDelegate {
  private final Map<String, Issue> problems = new LinkedHashMap<>();

  NumberGuard(JsonParser parser) {
    super(parser);
  }

  /** The refused numbers, by pointer, in document order. */
  Map<String, Issue> problems() {
    return problems;
  }

  @Override
  public BigDecimal getDecimalValue() throws IOException {
    try {
      return super.getDecimalValue();
    } catch (NumberFormatException e) {
      String text = getText();
      if (!zeroMantissa(text)) {
        String pointer = getParsingContext().pathAsPointer().toString();
        boolean negativeExponent = text.matches("(?s).*[eE]-.*");
        problems.putIfAbsent(
            pointer,
            Issue.error(
                pointer,
                "the number "
                    + Printable.abbreviate(text)
                    + (negativeExponent
                        ? " is too small to be held by a double (the smallest is 4.9E-324)"
                        : " is too large")));
      }
      return BigDecimal.ZERO;
    }
  }

  private static boolean zeroMantissa(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        return true;
      }
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
  }
}
