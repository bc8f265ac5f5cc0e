package dev.segmentation.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentation.check.Issue;
import dev.segmentation.check.Limits;
import dev.segmentation.check.Printable;
import dev.segmentation.check.Spelling;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.ExternalName;
import dev.segmentation.model.GeoPoint;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the values and the structure of a rules document, for {@link TreeReader} and {@link
 * ConditionReader}: literals, numbers, texts, timestamps, names from fixed sets, arrays within the
 * limits and objects with their allowed fields; and collects every problem with its JSON Pointer.
 *
 * <p>Not thread-safe: one instance per document.
 */
final class ValueReader {

  private final Limits limits;
  private final List<Issue> problems = new ArrayList<>();

  ValueReader(Limits limits) {
    this.limits = limits;
  }

  /** Every problem noted so far, in the order found; callers may add their own. */
  List<Issue> problems() {
    return problems;
  }

  void problem(String path, String message) {
    problems.add(Issue.error(path, message));
  }

  interface ElementReader<T> {
    T read(JsonNode element, String path);
  }

  /** The elements of an optional array field; null elements stand for problems already noted. */
  <T> List<T> list(JsonNode parent, String field, String path, ElementReader<T> reader) {
    List<T> out = new ArrayList<>();
    for (T t : elements(parent, field, path, reader)) {
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Every element of an optional array field as read, null for an element with a problem (noted);
   * empty when the field is missing or is not an array within the limits (noted).
   */
  <T> List<T> elements(JsonNode parent, String field, String path, ElementReader<T> reader) {
    JsonNode array = parent.get(field);
    String arrayPath = path + "/" + field;
    List<T> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    if (!array.isArray()) {
      problem(arrayPath, "expected an array, got " + describe(array));
      return out;
    }
    if (array.size() > limits.maxListSize()) {
      problem(arrayPath, "has " + array.size() + " entries, more than " + limits.maxListSize());
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      out.add(reader.read(array.get(i), arrayPath + "/" + i));
    }
    return out;
  }

  /**
   * The value {@code make} builds, or null after noting at {@code path} why a record refused its
   * arguments (records validate in their constructors).
   */
  <T> T attempt(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  Object literalField(JsonNode node, String field, String path, AttributeType type) {
    JsonNode v = node.get(field);
    return v == null ? null : literal(v, path + "/" + field, type);
  }

  /**
   * A literal for an attribute of {@code type} (null when the attribute is unknown). Strings of a
   * date or timestamp attribute are parsed; other mismatches are left for the checker, which names
   * the attribute and its type.
   */
  Object literal(JsonNode v, String path, AttributeType type) {
    if (v.isTextual()) {
      String s = v.textValue();
      if (type == AttributeType.DATE) {
        try {
          return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
          problem(
              path, "expected a date like \"2024-05-31\", got \"" + Printable.abbreviate(s) + "\"");
          return null;
        }
      }
      if (type == AttributeType.TIMESTAMP) {
        return instant(v, path);
      }
      return s;
    }
    if (v.isNumber()) {
      return numberValue(v, path);
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isObject() && type == AttributeType.GEO_POINT) {
      return geo(v, path);
    }
    problem(path, "expected a string, number or boolean, got " + describe(v));
    return null;
  }

  Instant instant(JsonNode v, String path) {
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      problem(path, "expected a timestamp like \"2024-05-31T12:00:00Z\", got " + describe(v));
      return null;
    }
    String s = v.textValue();
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_INSTANT.parse(s);
      if (parsed.query(DateTimeFormatter.parsedLeapSecond())) {
        // Instant.parse would quietly make it 23:59:59; the data readers refuse it, and so do we.
        problem(
            path,
            "\""
                + Printable.abbreviate(s)
                + "\" is a leap second, which timestamps cannot hold; use 23:59:59 or the next"
                + " second");
        return null;
      }
      return Instant.from(parsed);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        problem(
            path,
            "expected a timestamp like \"2024-05-31T12:00:00Z\", got \""
                + Printable.abbreviate(s)
                + "\"");
        return null;
      }
    }
  }

  GeoPoint geo(JsonNode v, String path) {
    if (!expectObject(v, path)) {
      return null;
    }
    fields(v, path, Set.of("lat", "lon"), "lat", "lon");
    Double lat = finiteNumber(v, "lat", path);
    Double lon = finiteNumber(v, "lon", path);
    if (lat == null || lon == null) {
      return null;
    }
    return attempt(path, () -> new GeoPoint(lat, lon));
  }

  /** A Long for integral JSON numbers, a Double for others; null after a problem. */
  Number numberValue(JsonNode v, String path) {
    if (v.isIntegralNumber()) {
      if (v.canConvertToLong()) {
        return v.longValue();
      }
      BigInteger big = v.bigIntegerValue();
      problem(
          path,
          "the number " + Printable.abbreviate(big.toString()) + " is outside the 64-bit range");
      return null;
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      problem(path, "the number " + Printable.abbreviate(v.asText()) + " is too large");
      return null;
    }
    if (d == 0.0 && v.decimalValue().signum() != 0) {
      // Rounding to zero would change the literal: 1e-400 would match 0.
      problem(
          path,
          "the number "
              + Printable.abbreviate(v.asText())
              + " is too small to be held by a double (the smallest is 4.9E-324)");
      return null;
    }
    return d + 0.0;
  }

  Number number(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      problem(path + "/" + field, "expected a number, got " + describe(v));
      return null;
    }
    return numberValue(v, path + "/" + field);
  }

  Double finiteNumber(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    return v == null ? null : finiteNumberValue(v, path + "/" + field);
  }

  Double finiteNumberValue(JsonNode v, String path) {
    if (!v.isNumber()) {
      problem(path, "expected a number, got " + describe(v));
      return null;
    }
    Number n = numberValue(v, path);
    return n == null ? null : n.doubleValue();
  }

  Long wholeNumber(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      problem(path + "/" + field, "expected a whole number, got " + describe(v));
      return null;
    }
    long n = v.longValue();
    if (n < 0) {
      problem(path + "/" + field, "must be at least 0, got " + n);
      return null;
    }
    return n;
  }

  Operator operator(JsonNode node, String path) {
    String name = text(node, "compare", path);
    if (name == null) {
      return null;
    }
    Operator op = Operator.fromExternalName(name);
    if (op == null) {
      problem(
          path + "/compare",
          "unknown comparison \""
              + name
              + "\"; use one of "
              + String.join(", ", ExternalName.names(Operator.class)));
    }
    return op;
  }

  WindowUnit unit(JsonNode v, String path) {
    return named(v, path, "unit", "units", WindowUnit.class);
  }

  CalendarPeriod period(JsonNode v, String path) {
    return named(v, path, "calendar period", "periods", CalendarPeriod.class);
  }

  /**
   * The constant whose external name is the text of {@code v}, or null after noting a problem that
   * lists the names (with a "did you mean").
   */
  <E extends Enum<E> & ExternalName> E named(
      JsonNode v, String path, String what, String plural, Class<E> type) {
    if (v == null) {
      return null;
    }
    String name = textValue(v, path);
    if (name == null) {
      return null;
    }
    E found = ExternalName.find(type, name);
    if (found == null) {
      problem(
          path,
          "unknown "
              + what
              + " \""
              + name
              + "\""
              + Spelling.didYouMeanAmong(name, ExternalName.names(type), plural));
    }
    return found;
  }

  String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    return v == null ? null : textValue(v, path + "/" + field);
  }

  String optionalText(JsonNode node, String field, String path) {
    String s = text(node, field, path);
    return s == null ? "" : s;
  }

  String textValue(JsonNode v, String path) {
    if (!v.isTextual()) {
      problem(path, "expected a string, got " + describe(v));
      return null;
    }
    return v.textValue();
  }

  boolean bool(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      problem(path + "/" + field, "expected true or false, got " + describe(v));
      return false;
    }
    return v.booleanValue();
  }

  boolean expectObject(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      problem(path, "expected an object, got " + describe(node));
      return false;
    }
    return true;
  }

  /** Notes unknown fields (with a suggestion) and missing required ones. */
  void fields(JsonNode node, String path, Set<String> allowed, String... required) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        problem(
            path + "/" + escape(name),
            "unknown field \""
                + Printable.abbreviate(name)
                + "\""
                + Spelling.didYouMean(name, allowed));
      }
    }
    for (String r : required) {
      if (!node.has(r)) {
        problem(path, "\"" + r + "\" is required");
      }
    }
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "\"" + Printable.abbreviate(node.textValue()) + "\"";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return Printable.abbreviate(node.asText());
  }

  /** Escapes a JSON Pointer reference token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
