package dev.segmentation.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Builds the tree of the JSON value at a parser's position straight from its tokens, the same tree
 * as {@code ObjectMapper.readTree} with {@code USE_BIG_DECIMAL_FOR_FLOATS} gives (integers as int,
 * long or big-integer nodes by size, other numbers as big decimals without trailing zeros, {@link
 * JsonNodeFactory}'s nodes throughout), without an {@code ObjectMapper}: constructing one took
 * about 150 ms at a CLI's start, where building this tree takes a few. {@code TreeParserProperties}
 * checks it against {@code readTree}.
 */
final class TreeParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TreeParser() {}

  /**
   * The value at the parser's current token (or its next one, when it has none yet), its last token
   * consumed; null when the text has no value. Duplicate names and nesting limits are the parser's
   * to refuse; the depth is bounded by its {@code StreamReadConstraints}.
   */
  static JsonNode read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken() != null ? p.currentToken() : p.nextToken();
    return t == null ? null : value(p, t);
  }

  /** A big decimal as readTree keeps it: trailing zeros stripped (1.50 is 1.5, 0.0 is 0). */
  private static JsonNode decimal(BigDecimal d) {
    try {
      d = d.stripTrailingZeros();
    } catch (ArithmeticException e) {
      // a scale beyond an int: kept as read
    }
    return NODES.numberNode(d);
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
          String name = p.currentName();
          object.set(name, value(p, p.nextToken()));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
          array.add(value(p, n));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return p.isNaN() ? NODES.numberNode(p.getDoubleValue()) : decimal(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IllegalStateException("unexpected token " + t);
    }
  }
}
