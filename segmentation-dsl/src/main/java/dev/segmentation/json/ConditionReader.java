package dev.segmentation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.check.Limits;
import dev.segmentation.check.Spelling;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.ExternalName;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the condition nodes of a rules document ({@code {"op": "and", "of": [...]}} and every other
 * operator), for {@link TreeReader}: node limits (depth, count), operators, and the stand-ins that
 * let a document with problems still be checked in one pass. Values and structure are read by
 * {@link ValueReader}, which also collects the problems.
 *
 * <p>Not thread-safe: one instance per document.
 */
final class ConditionReader {

  /** Every condition operator name, in the order of the format documentation. */
  static final ImmutableList<String> OPERATORS =
      ImmutableList.of(
          "always",
          "never",
          "and",
          "or",
          "not",
          "eq",
          "ne",
          "lt",
          "le",
          "gt",
          "ge",
          "between",
          "in",
          "startsWith",
          "endsWith",
          "contains",
          "matches",
          "containsAny",
          "containsAll",
          "containsNone",
          "tagCount",
          "isPresent",
          "isMissing",
          "withinLast",
          "moreThanAgo",
          "inCalendar",
          "anniversary",
          "withinDistance",
          "inSegment",
          "event",
          "score",
          "inTier");

  private final Limits limits;
  private final ValueReader valueReader;
  private int nodes;
  private boolean nodeLimitReported;

  /** What a condition with a problem becomes inside a document (see {@link #condition}). */
  private static final Condition STAND_IN = new Always();

  private boolean standIns;

  ConditionReader(Limits limits, ValueReader valueReader) {
    this.limits = limits;
    this.valueReader = valueReader;
  }

  /**
   * From now on, a condition with a problem becomes a stand-in ({@code always}) instead of null, so
   * that the rest of a document is still built and checked (see {@link #condition}).
   */
  void useStandIns() {
    standIns = true;
  }

  static Function<String, AttributeType> attributesOf(Schema schema) {
    return name -> {
      Attribute<?> a = schema.attribute(name);
      return a == null ? null : a.type();
    };
  }

  Condition conditionField(
      JsonNode parent,
      String field,
      String path,
      Function<String, AttributeType> types,
      Schema schema) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return null; // "required" already reported by valueReader.fields()
    }
    return condition(node, path + "/" + field, types, schema, 1);
  }

  /**
   * A condition; after noting a problem, null, or in a document a stand-in ({@code always}) so that
   * the rest of the document is still built and checked, and every problem found in one pass.
   */
  Condition condition(
      JsonNode node, String path, Function<String, AttributeType> types, Schema schema, int depth) {
    Condition c = conditionOrNull(node, path, types, schema, depth);
    return c == null && standIns ? STAND_IN : c;
  }

  private Condition conditionOrNull(
      JsonNode node, String path, Function<String, AttributeType> types, Schema schema, int depth) {
    if (depth > limits.maxDepth()) {
      valueReader.problem(
          path, "conditions are nested deeper than the limit of " + limits.maxDepth());
      return null;
    }
    if (++nodes > limits.maxNodes()) {
      if (!nodeLimitReported) {
        nodeLimitReported = true;
        valueReader.problem(
            path, "the document has more than " + limits.maxNodes() + " conditions");
      }
      return null;
    }
    if (!valueReader.expectObject(node, path)) {
      return null;
    }
    JsonNode opNode = node.get("op");
    if (opNode == null || !opNode.isTextual()) {
      valueReader.problem(
          path,
          opNode == null
              ? "\"op\" is required: it names the operator, e.g. \"eq\" or \"and\""
              : "\"op\" must be a string, got " + ValueReader.describe(opNode));
      return null;
    }
    String op = opNode.textValue();
    int before = valueReader.problems().size();
    try {
      Condition c = condition(op, node, path, types, schema, depth);
      // In a document, a node built from stand-ins is kept, so that its other operands are checked.
      return valueReader.problems().size() > before && !standIns ? null : c;
    } catch (IllegalArgumentException e) {
      // A record refused its arguments (e.g. an amount out of range): report it where it is.
      valueReader.problem(path, e.getMessage());
      return null;
    }
  }

  private Condition condition(
      String op,
      JsonNode node,
      String path,
      Function<String, AttributeType> types,
      Schema schema,
      int depth) {
    switch (op) {
      case "always":
        valueReader.fields(node, path, Set.of("op"));
        return new Always();
      case "never":
        valueReader.fields(node, path, Set.of("op", "reason"));
        return new Never(valueReader.optionalText(node, "reason", path));
      case "and":
      case "or":
        {
          valueReader.fields(node, path, Set.of("op", "of"), "of");
          List<Condition> of =
              valueReader.list(
                  node, "of", path, (e, p) -> condition(e, p, types, schema, depth + 1));
          ImmutableList<Condition> operands = ImmutableList.copyOf(of);
          return op.equals("and") ? new And(operands) : new Or(operands);
        }
      case "not":
        {
          valueReader.fields(node, path, Set.of("op", "of"), "of");
          JsonNode of = node.get("of");
          Condition c = of == null ? null : condition(of, path + "/of", types, schema, depth + 1);
          return c == null ? null : new Not(c);
        }
      case "eq":
      case "ne":
      case "lt":
      case "le":
      case "gt":
      case "ge":
        {
          valueReader.fields(node, path, Set.of("op", "attribute", "value"), "attribute", "value");
          String attribute = valueReader.text(node, "attribute", path);
          Object value = valueReader.literalField(node, "value", path, typeOf(types, attribute));
          return attribute == null || value == null
              ? null
              : new Compare(attribute, Operator.fromExternalName(op), value);
        }
      case "between":
        {
          valueReader.fields(
              node, path, Set.of("op", "attribute", "low", "high"), "attribute", "low", "high");
          String attribute = valueReader.text(node, "attribute", path);
          AttributeType type = typeOf(types, attribute);
          Object low = valueReader.literalField(node, "low", path, type);
          Object high = valueReader.literalField(node, "high", path, type);
          return attribute == null || low == null || high == null
              ? null
              : new Between(attribute, low, high);
        }
      case "in":
        {
          valueReader.fields(
              node, path, Set.of("op", "attribute", "values"), "attribute", "values");
          String attribute = valueReader.text(node, "attribute", path);
          AttributeType type = typeOf(types, attribute);
          List<Object> values =
              valueReader.list(node, "values", path, (e, p) -> valueReader.literal(e, p, type));
          return attribute == null ? null : In.of(attribute, values);
        }
      case "startsWith":
      case "endsWith":
      case "contains":
      case "matches":
        {
          valueReader.fields(
              node, path, Set.of("op", "attribute", "value", "ignoreCase"), "attribute", "value");
          String attribute = valueReader.text(node, "attribute", path);
          String value = valueReader.text(node, "value", path);
          boolean ignoreCase = valueReader.bool(node, "ignoreCase", path);
          return attribute == null || value == null
              ? null
              : new StringMatch(attribute, StringMatch.Op.fromExternalName(op), value, ignoreCase);
        }
      case "containsAny":
      case "containsAll":
      case "containsNone":
        {
          valueReader.fields(
              node, path, Set.of("op", "attribute", "values"), "attribute", "values");
          String attribute = valueReader.text(node, "attribute", path);
          List<String> values = valueReader.list(node, "values", path, valueReader::textValue);
          return attribute == null
              ? null
              : new TagMatch(
                  attribute, TagMatch.Op.fromExternalName(op), ImmutableSet.copyOf(values));
        }
      case "tagCount":
        {
          valueReader.fields(
              node,
              path,
              Set.of("op", "attribute", "compare", "value"),
              "attribute",
              "compare",
              "value");
          String attribute = valueReader.text(node, "attribute", path);
          Operator compare = valueReader.operator(node, path);
          Long count = valueReader.wholeNumber(node, "value", path);
          return attribute == null || compare == null || count == null
              ? null
              : new TagCount(attribute, compare, count);
        }
      case "isPresent":
      case "isMissing":
        {
          valueReader.fields(node, path, Set.of("op", "attribute"), "attribute");
          String attribute = valueReader.text(node, "attribute", path);
          return attribute == null ? null : new Presence(attribute, op.equals("isPresent"));
        }
      case "withinLast":
      case "moreThanAgo":
        {
          valueReader.fields(
              node,
              path,
              Set.of("op", "attribute", "amount", "unit"),
              "attribute",
              "amount",
              "unit");
          String attribute = valueReader.text(node, "attribute", path);
          Long amount = valueReader.wholeNumber(node, "amount", path);
          WindowUnit unit = valueReader.unit(node.get("unit"), path + "/unit");
          return attribute == null || amount == null || unit == null
              ? null
              : new RelativeTime(attribute, RelativeTime.Op.fromExternalName(op), amount, unit);
        }
      case "inCalendar":
        {
          valueReader.fields(
              node, path, Set.of("op", "attribute", "period"), "attribute", "period");
          String attribute = valueReader.text(node, "attribute", path);
          CalendarPeriod period = valueReader.period(node.get("period"), path + "/period");
          return attribute == null || period == null ? null : new CalendarWindow(attribute, period);
        }
      case "anniversary":
        {
          valueReader.fields(
              node, path, Set.of("op", "attribute", "period"), "attribute", "period");
          String attribute = valueReader.text(node, "attribute", path);
          String period = valueReader.text(node, "period", path);
          Anniversary.Period p =
              period == null ? null : Anniversary.Period.fromExternalName(period);
          if (period != null && p == null) {
            valueReader.problem(
                path + "/period",
                "unknown period \""
                    + period
                    + "\"; use "
                    + Spelling.either(
                        ExternalName.names(Anniversary.Period.class).stream()
                            .map(n -> "\"" + n + "\"")
                            .toList()));
          }
          return attribute == null || p == null ? null : new Anniversary(attribute, p);
        }
      case "withinDistance":
        {
          valueReader.fields(
              node, path, Set.of("op", "attribute", "center", "km"), "attribute", "center", "km");
          String attribute = valueReader.text(node, "attribute", path);
          GeoPoint center =
              node.has("center") ? valueReader.geo(node.get("center"), path + "/center") : null;
          Double km = valueReader.finiteNumber(node, "km", path);
          return attribute == null || center == null || km == null
              ? null
              : new GeoWithin(attribute, center, km);
        }
      case "inSegment":
        {
          valueReader.fields(node, path, Set.of("op", "segment"), "segment");
          String segment = valueReader.text(node, "segment", path);
          return segment == null ? null : new InSegment(segment);
        }
      case "score":
        {
          valueReader.fields(
              node, path, Set.of("op", "score", "compare", "value"), "score", "compare", "value");
          String score = valueReader.text(node, "score", path);
          Operator compare = valueReader.operator(node, path);
          Number value = valueReader.number(node, "value", path);
          return score == null || compare == null || value == null
              ? null
              : new ScoreCondition(score, compare, value);
        }
      case "inTier":
        {
          valueReader.fields(node, path, Set.of("op", "tiering", "tier"), "tiering", "tier");
          String tiering = valueReader.text(node, "tiering", path);
          String tier = valueReader.text(node, "tier", path);
          return tiering == null || tier == null ? null : new InTier(tiering, tier);
        }
      case "event":
        return event(node, path, schema, depth);
      default:
        valueReader.problem(
            path + "/op",
            "unknown operator \""
                + op
                + "\""
                + Spelling.didYouMeanAmong(op, OPERATORS, "operators"));
        return null;
    }
  }

  private Condition event(JsonNode node, String path, Schema schema, int depth) {
    valueReader.fields(
        node,
        path,
        Set.of("op", "type", "where", "window", "aggregate", "property", "compare", "value"),
        "type",
        "window",
        "aggregate",
        "compare",
        "value");
    String type = valueReader.text(node, "type", path);
    EventType eventType = type == null || schema == null ? null : schema.eventType(type);
    Function<String, AttributeType> propertyTypes =
        name -> {
          Attribute<?> a = eventType == null ? null : eventType.property(name);
          return a == null ? null : a.type();
        };
    Condition where = new Always();
    if (node.has("where")) {
      where = condition(node.get("where"), path + "/where", propertyTypes, null, depth + 1);
    }
    EventWindow window = node.has("window") ? window(node.get("window"), path + "/window") : null;
    Aggregate aggregate =
        valueReader.named(
            node.get("aggregate"), path + "/aggregate", "aggregate", "aggregates", Aggregate.class);
    String property = node.has("property") ? valueReader.text(node, "property", path) : null;
    if (aggregate != null
        && aggregate.needsProperty()
        && property == null
        && !node.has("property")) {
      valueReader.problem(path, "\"property\" is required for " + aggregate.externalName());
    }
    if (aggregate != null && !aggregate.needsProperty() && node.has("property")) {
      valueReader.problem(path + "/property", aggregate.externalName() + " reads no property");
    }
    Operator compare = valueReader.operator(node, path);
    Number value = valueReader.number(node, "value", path);
    if (type == null
        || where == null
        || window == null
        || aggregate == null
        || compare == null
        || value == null) {
      return null;
    }
    return new EventCondition(type, where, window, aggregate, property, compare, value);
  }

  EventWindow window(JsonNode node, String path) {
    if (node.isTextual() && node.textValue().equals("ever")) {
      return EventWindow.ever();
    }
    if (!node.isObject()) {
      valueReader.problem(
          path,
          "expected \"ever\", {\"last\": N, \"unit\": \"days\"}, {\"from\": ..., \"to\": ...} or"
              + " {\"calendar\": \"thisMonth\"}, got "
              + ValueReader.describe(node));
      return null;
    }
    if (node.has("last")) {
      valueReader.fields(node, path, Set.of("last", "unit"), "unit");
      Long amount = valueReader.wholeNumber(node, "last", path);
      WindowUnit unit = valueReader.unit(node.get("unit"), path + "/unit");
      return amount == null || unit == null ? null : EventWindow.last(amount, unit);
    }
    if (node.has("from") || node.has("to")) {
      valueReader.fields(node, path, Set.of("from", "to"), "from", "to");
      Instant from = valueReader.instant(node.get("from"), path + "/from");
      Instant to = valueReader.instant(node.get("to"), path + "/to");
      if (from == null || to == null) {
        return null;
      }
      if (!from.isBefore(to)) {
        valueReader.problem(path, "\"from\" " + from + " must be before \"to\" " + to);
        return null;
      }
      return EventWindow.between(from, to);
    }
    if (node.has("calendar")) {
      valueReader.fields(node, path, Set.of("calendar"));
      CalendarPeriod p = valueReader.period(node.get("calendar"), path + "/calendar");
      return p == null ? null : EventWindow.in(p);
    }
    valueReader.problem(
        path, "a window needs \"last\", \"from\"/\"to\" or \"calendar\" (or is \"ever\")");
    return null;
  }

  private static AttributeType typeOf(Function<String, AttributeType> types, String attribute) {
    return attribute == null ? null : types.apply(attribute);
  }
}
