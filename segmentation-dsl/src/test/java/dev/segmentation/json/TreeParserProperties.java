package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link TreeParser} builds the tree {@code ObjectMapper.readTree} builds with the rules reader's
 * former settings: the same node classes, values and texts, on documents of every JSON value and
 * numbers of every size and form.
 */
class TreeParserProperties {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER =
      new ObjectMapper(FACTORY).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final String[] NUMBERS = {
    "0",
    "-0",
    "1",
    "-1",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "0.0",
    "-0.0",
    "1.0",
    "1.50",
    "1.500",
    "100",
    "1e2",
    "1E2",
    "1.0e2",
    "1e-2",
    "2.5e+3",
    "10.00",
    "0.000",
    "1e400",
    "-1e400",
    "1e-400",
    "4.9e-324",
    "1.7976931348623157e308",
    "0.1",
    "29.76",
    "1e999999",
    "0e5",
    "12345678901234567890.5"
  };

  @Property(tries = 500)
  void read_randomDocuments_asReadTree(@ForAll long seed) throws IOException {
    Random r = new Random(seed);
    String json = value(r, 0);
    JsonNode expected;
    try (JsonParser p = FACTORY.createParser(json)) {
      expected = MAPPER.readTree(p);
    }
    JsonNode actual;
    try (JsonParser p = FACTORY.createParser(json)) {
      actual = TreeParser.read(p);
      assertThat(p.nextToken()).isNull(); // the whole value consumed
    }
    assertThat(actual).as(json).isEqualTo(expected);
    assertThat(actual.toString()).as(json).isEqualTo(expected.toString());
    assertNodeClasses(actual, expected, json);
  }

  @Property(tries = 1)
  void read_noValue_isNull() throws IOException {
    try (JsonParser p = FACTORY.createParser("  ")) {
      assertThat(TreeParser.read(p)).isNull();
    }
  }

  private static void assertNodeClasses(JsonNode actual, JsonNode expected, String json) {
    assertThat(actual.getClass()).as(json).isEqualTo(expected.getClass());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.isObject() ? expected.get(names(expected)[i]) : expected.get(i);
      JsonNode a = expected.isObject() ? actual.get(names(expected)[i]) : actual.get(i);
      assertNodeClasses(a, e, json);
    }
  }

  private static String[] names(JsonNode object) {
    java.util.List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names.toArray(new String[0]);
  }

  private static String value(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 5 : 7);
    switch (kind) {
      case 0:
        return NUMBERS[r.nextInt(NUMBERS.length)];
      case 1:
        return "\"" + (r.nextBoolean() ? "text" : "t\\u00e9xt \\\"q\\\"") + "\"";
      case 2:
        return r.nextBoolean() ? "true" : "false";
      case 3:
        return "null";
      case 4:
        return String.valueOf(r.nextLong());
      case 5:
        {
          StringBuilder b = new StringBuilder("[");
          for (int i = r.nextInt(4); i > 0; i--) {
            b.append(b.length() > 1 ? "," : "").append(value(r, depth + 1));
          }
          return b.append("]").toString();
        }
      default:
        {
          StringBuilder b = new StringBuilder("{");
          for (int i = r.nextInt(4); i > 0; i--) {
            b.append(b.length() > 1 ? "," : "")
                .append("\"k")
                .append(i)
                .append("\":")
                .append(value(r, depth + 1));
          }
          return b.append("}").toString();
        }
    }
  }
}
