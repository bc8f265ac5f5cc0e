package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.AttributeType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON values of customer data with Jackson's streaming parser and converts them to attribute
 * values: strings, integers, numbers and booleans as JSON has them; dates and timestamps as ISO
 * strings; tag sets as arrays of strings; geo points as {@code {"lat": .., "lon": ..}} or {@code
 * "lat,lon"}.
 */
final class JsonValues {
  private JsonValues() {}

  /** Rejects duplicate keys; limits nesting so a hostile line cannot exhaust the stack. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(400).build())
          .build();

  /**
   * A JSON value as plain Java: String, Long, BigInteger, BigDecimal (every number with a fraction
   * or an exponent, read exactly; but -0.0 as a Double), Boolean, null, List or Map.
   */
  static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return p.getBigIntegerValue();
        }
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        {
          BigDecimal d;
          try {
            d = p.getDecimalValue();
          } catch (NumberFormatException e) {
            throw new OutOfRange(p); // an exponent beyond 32 bits, which no BigDecimal holds
          }
          // A BigDecimal has no negative zero; a double does, and -0.0 must read back as written.
          return d.signum() == 0 && p.getText().startsWith("-") ? (Object) (-0.0) : d;
        }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(read(p));
          }
          return list;
        }
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (map.containsKey(name)) {
              // Only for parsers without Jackson's duplicate detection (JsonlFastPath's).
              throw new JsonParseException(p, "duplicate field \"" + name + "\"");
            }
            map.put(name, read(p));
          }
          return map;
        }
      default:
        throw new IOException("unexpected JSON token " + t);
    }
  }

  /**
   * The character column of a JSON syntax error: its own location or, for the limits on lengths and
   * depth (which report none), where the parser stopped.
   */
  static int errorColumn(JsonProcessingException e, JsonParser p) {
    JsonLocation at = e.getLocation();
    if (at == null && p != null) {
      at = p.currentTokenLocation();
    }
    return at == null ? 0 : at.getColumnNr();
  }

  /** The field of a limit error (which has no location of its own), else null. */
  static String errorField(JsonProcessingException e, JsonParser p) {
    return e.getLocation() == null && p != null ? p.getParsingContext().getCurrentName() : null;
  }

  /** A JSON syntax error's message, without the names of Jackson's settings. */
  static String errorMessage(JsonProcessingException e) {
    if (e instanceof OutOfRange) {
      return e.getOriginalMessage();
    }
    return "malformed JSON: " + e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
  }

  /** A well-formed number that no value can hold, at the column where it starts. */
  static final class OutOfRange extends JsonParseException {
    private static final long serialVersionUID = 1L;

    OutOfRange(JsonParser p) throws IOException {
      super(
          p,
          "the number " + TextValues.abbreviate(p.getText()) + " is out of range",
          p.currentTokenLocation());
    }
  }

  /** Converts a plain JSON value to the canonical value of {@code type}; null stays null. */
  static Object convert(AttributeType type, Object raw) throws TextValues.BadValue {
    if (raw == null) {
      return null;
    }
    switch (type) {
      case STRING:
        if (raw instanceof String) {
          return raw;
        }
        break;
      case INTEGER:
        if (raw instanceof Long) {
          return raw;
        }
        if (raw instanceof BigInteger) {
          throw new TextValues.BadValue("integer " + raw + " is out of range (64-bit)");
        }
        if (raw instanceof BigDecimal d) {
          return exactLong(d);
        }
        if (raw instanceof Double d && d == 0) {
          return 0L; // -0.0
        }
        break;
      case NUMBER:
        if (raw instanceof Number n) {
          double d = n.doubleValue();
          if (Double.isInfinite(d)) {
            throw new TextValues.BadValue("number " + raw + " is out of range");
          }
          return d;
        }
        break;
      case BOOLEAN:
        if (raw instanceof Boolean) {
          return raw;
        }
        break;
      case DATE:
        if (raw instanceof String s) {
          return TextValues.parseDate(s);
        }
        break;
      case TIMESTAMP:
        if (raw instanceof String s) {
          return TextValues.parseTimestamp(s);
        }
        break;
      case STRING_SET:
        if (raw instanceof List<?> list) {
          ImmutableSet.Builder<String> b = ImmutableSet.builder();
          for (Object o : list) {
            if (!(o instanceof String s)) {
              throw new TextValues.BadValue(
                  "expected an array of strings, got an element " + describe(o));
            }
            b.add(s);
          }
          return b.build();
        }
        break;
      case GEO_POINT:
        if (raw instanceof String s) {
          return TextValues.parse(type, s);
        }
        if (raw instanceof Map<?, ?> map
            && map.size() == 2
            && map.get("lat") instanceof Number lat
            && map.get("lon") instanceof Number lon) {
          return TextValues.geo(lat.doubleValue(), lon.doubleValue());
        }
        throw new TextValues.BadValue(
            "expected a point {\"lat\": 60.17, \"lon\": 24.94}, got " + describe(raw));
    }
    throw new TextValues.BadValue("expected " + expected(type) + ", got " + describe(raw));
  }

  /**
   * An integer written with a fraction or an exponent ({@code 12.0}, {@code 1e3}) as its exact
   * value: {@code 9007199254740993.0} is 9007199254740993, not the nearest double.
   */
  private static Long exactLong(BigDecimal d) throws TextValues.BadValue {
    if (d.signum() == 0) {
      return 0L;
    }
    if (d.stripTrailingZeros().scale() > 0) {
      throw new TextValues.BadValue("expected an integer, got " + describe(d));
    }
    // Digits before the point; checked before any expansion, so 1e999999999 costs nothing.
    if ((long) d.precision() - d.scale() > 19) {
      throw new TextValues.BadValue("integer " + describe(d) + " is out of range (64-bit)");
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw new TextValues.BadValue("integer " + describe(d) + " is out of range (64-bit)");
    }
  }

  private static String expected(AttributeType type) {
    switch (type) {
      case STRING:
      case INTEGER:
      case NUMBER:
        return type.inWords();
      case BOOLEAN:
        return "true or false";
      case DATE:
        return "a date string like \"2026-11-01\"";
      case TIMESTAMP:
        return "a timestamp string like \"2026-11-01T08:30:00Z\"";
      case STRING_SET:
        return "an array of strings";
      case GEO_POINT:
        return "a point";
    }
    throw new AssertionError(type);
  }

  /** A value as it appeared, for messages: {@code "thirty"}, {@code 42}, {@code an array}. */
  static String describe(Object raw) {
    if (raw == null) {
      return "null";
    }
    if (raw instanceof String s) {
      return TextValues.quote(s);
    }
    if (raw instanceof List) {
      return "an array";
    }
    if (raw instanceof Map) {
      return "an object";
    }
    return String.valueOf(raw);
  }
}
