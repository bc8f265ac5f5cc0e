package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
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
import dev.segmentation.condition.TimeUnit;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An interim reader of rules documents, so that the command line works before the DSL module's JSON
 * format lands; {@link Rules#read} is the one place that picks the reader. Conditions use the node
 * and field names of docs/architecture.md; every problem is collected with its JSON Pointer (syntax
 * errors with line and column) and reported together.
 *
 * <pre>{@code
 * {"format": 1,
 *  "schema": {"attributes": {"age": "integer"}, "events": {"purchase": {"amount": "number"}}},
 *  "segments": [{"name": "adults", "where": {"op": "ge", "attribute": "age", "value": 18}}],
 *  "scores": [], "tierings": [], "rfm": []}
 * }</pre>
 */
final class RulesFile {
  private static final int MAX_BYTES = 16 << 20;
  private static final ObjectMapper MAPPER =
      new ObjectMapper(JsonValues.FACTORY.copy())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final List<String> problems = new ArrayList<>();
  private Schema schema;

  private RulesFile() {}

  /** A document whose problems were all found; {@link #problems} lists them. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    final ImmutableList<String> problems;

    Invalid(Path file, List<String> problems) {
      super(file + ": " + String.join("\n" + file + ": ", problems));
      this.problems = ImmutableList.copyOf(problems);
    }
  }

  /** The schema and catalog of {@code file}, or {@link Invalid} with every problem. */
  static Rules.RulesDocument read(Path file) throws IOException, Invalid {
    if (Files.size(file) > MAX_BYTES) {
      throw new Invalid(file, List.of("the document is larger than " + MAX_BYTES + " bytes"));
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      String message = e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[");
      throw new Invalid(file, List.of(where + ": malformed JSON: " + message));
    }
    RulesFile r = new RulesFile();
    Rules.RulesDocument doc = r.document(root);
    if (!r.problems.isEmpty()) {
      throw new Invalid(file, r.problems);
    }
    return doc;
  }

  private void problem(String path, String message) {
    problems.add((path.isEmpty() ? "/" : path) + ": " + message);
  }

  private Rules.RulesDocument document(JsonNode root) {
    if (root == null || !root.isObject()) {
      problem("", "a rules document is a JSON object");
      return null;
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isInt() || format.asInt() != 1) {
      problem("/format", "expected format 1");
    }
    known(root, "", "format", "schema", "segments", "scores", "tierings", "rfm");
    schema = schema(root.get("schema"));
    if (schema == null) {
      return null;
    }
    List<Segment> segments = list(root, "", "segments", this::segment);
    List<ScoreModel> scores = list(root, "", "scores", this::score);
    List<Tiering> tierings = list(root, "", "tierings", this::tiering);
    List<RfmModel> rfm = list(root, "", "rfm", this::rfm);
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new Rules.RulesDocument(
          schema,
          new Catalog(
              ImmutableList.copyOf(segments),
              ImmutableList.copyOf(scores),
              ImmutableList.copyOf(tierings),
              ImmutableList.copyOf(rfm)));
    } catch (IllegalArgumentException e) {
      problem("", e.getMessage());
      return null;
    }
  }

  private interface Item<T> {
    T read(String path, JsonNode node);
  }

  /** The items of the array {@code field} of {@code parent}, which is at {@code base}. */
  private <T> List<T> list(JsonNode parent, String base, String field, Item<T> item) {
    List<T> out = new ArrayList<>();
    String path = base + "/" + field;
    JsonNode node = parent.get(field);
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      problem(path, "expected an array");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      T t = item.read(path + "/" + i, node.get(i));
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private void known(JsonNode node, String path, String... fields) {
    Iterator<String> names = node.fieldNames();
    List<String> allowed = List.of(fields);
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problem(
            path + "/" + escape(name),
            "unknown field \"" + name + "\"" + Suggestions.didYouMean(name, allowed));
      }
    }
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private Schema schema(JsonNode node) {
    if (node == null || !node.isObject()) {
      problem("/schema", "expected an object with \"attributes\" and \"events\"");
      return null;
    }
    known(node, "/schema", "attributes", "events");
    Schema.Builder b = Schema.builder();
    JsonNode attributes = node.get("attributes");
    if (attributes == null || !attributes.isObject()) {
      problem("/schema/attributes", "expected an object of attribute name to type");
      return null;
    }
    // A bad declaration is reported and left out, so that the rules are still checked.
    for (Map.Entry<String, JsonNode> e : iterable(attributes)) {
      Attribute<?> a = attribute("/schema/attributes/" + escape(e.getKey()), e);
      if (a != null) {
        b.attribute(a);
      }
    }
    JsonNode events = node.get("events");
    if (events != null) {
      if (!events.isObject()) {
        problem("/schema/events", "expected an object of event type name to properties");
      } else {
        for (Map.Entry<String, JsonNode> e : iterable(events)) {
          String path = "/schema/events/" + escape(e.getKey());
          if (!e.getValue().isObject()) {
            problem(path, "expected an object of property name to type");
            continue;
          }
          List<Attribute<?>> properties = new ArrayList<>();
          for (Map.Entry<String, JsonNode> p : iterable(e.getValue())) {
            Attribute<?> a = attribute(path + "/" + escape(p.getKey()), p);
            if (a != null) {
              properties.add(a);
            }
          }
          try {
            b.eventType(EventType.of(e.getKey(), properties.toArray(new Attribute<?>[0])));
          } catch (IllegalArgumentException ex) {
            problem(path, ex.getMessage());
          }
        }
      }
    }
    return b.build();
  }

  private Attribute<?> attribute(String path, Map.Entry<String, JsonNode> e) {
    if (!e.getValue().isTextual()) {
      problem(path, "expected a type name such as \"integer\"");
      return null;
    }
    try {
      return Attribute.of(e.getKey(), AttributeType.fromExternalName(e.getValue().asText()));
    } catch (IllegalArgumentException ex) {
      problem(path, ex.getMessage());
      return null;
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private String text(JsonNode node, String path, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problem(path + "/" + field, "is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      problem(path + "/" + field, "expected a string");
      return null;
    }
    return v.asText();
  }

  private Double number(JsonNode node, String path, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problem(path + "/" + field, "is required");
      }
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      problem(path + "/" + field, "expected a finite number");
      return null;
    }
    return v.asDouble();
  }

  private Segment segment(String path, JsonNode node) {
    if (!node.isObject()) {
      problem(path, "expected a segment object");
      return null;
    }
    known(node, path, "name", "description", "where");
    String name = text(node, path, "name", true);
    String description = text(node, path, "description", false);
    Condition where = condition(path + "/where", node.get("where"), schema.attributes());
    if (name == null || where == null) {
      return null;
    }
    try {
      return new Segment(name, description, where);
    } catch (IllegalArgumentException e) {
      problem(path + "/name", e.getMessage());
      return null;
    }
  }

  private ScoreModel score(String path, JsonNode node) {
    if (!node.isObject()) {
      problem(path, "expected a score object");
      return null;
    }
    known(node, path, "name", "description", "rules", "groupCaps", "totalCap");
    String name = text(node, path, "name", true);
    List<ScoreRule> rules =
        list(
            node,
            path,
            "rules",
            (at, n) -> {
              if (!n.isObject()) {
                problem(at, "expected a rule object");
                return null;
              }
              known(n, at, "when", "points", "group");
              Condition when = condition(at + "/when", n.get("when"), schema.attributes());
              Double points = number(n, at, "points", true);
              String group = text(n, at, "group", false);
              return when == null || points == null ? null : new ScoreRule(when, points, group);
            });
    ImmutableMap.Builder<String, Double> caps = ImmutableMap.builder();
    JsonNode groupCaps = node.get("groupCaps");
    if (groupCaps != null) {
      for (Map.Entry<String, JsonNode> e : iterable(groupCaps)) {
        Double cap = number(groupCaps, path + "/groupCaps", e.getKey(), true);
        if (cap != null) {
          caps.put(e.getKey(), cap);
        }
      }
    }
    Double totalCap = number(node, path, "totalCap", false);
    if (name == null) {
      return null;
    }
    try {
      return new ScoreModel(
          name,
          text(node, path, "description", false),
          ImmutableList.copyOf(rules),
          caps.build(),
          totalCap);
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  private Tiering tiering(String path, JsonNode node) {
    if (!node.isObject()) {
      problem(path, "expected a tiering object");
      return null;
    }
    known(node, path, "name", "description", "tiers", "otherwise");
    String name = text(node, path, "name", true);
    List<Tier> tiers =
        list(
            node,
            path,
            "tiers",
            (at, n) -> {
              if (!n.isObject()) {
                problem(at, "expected a tier object");
                return null;
              }
              known(n, at, "name", "when");
              String tier = text(n, at, "name", true);
              Condition when = condition(at + "/when", n.get("when"), schema.attributes());
              if (tier == null || when == null) {
                return null;
              }
              try {
                return new Tier(tier, when);
              } catch (IllegalArgumentException e) {
                problem(at + "/name", e.getMessage());
                return null;
              }
            });
    String otherwise = text(node, path, "otherwise", true);
    if (name == null || otherwise == null) {
      return null;
    }
    try {
      return new Tiering(
          name, text(node, path, "description", false), ImmutableList.copyOf(tiers), otherwise);
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  private RfmModel rfm(String path, JsonNode node) {
    if (!node.isObject()) {
      problem(path, "expected an RFM model object");
      return null;
    }
    known(
        node,
        path,
        "name",
        "description",
        "eventType",
        "moneyProperty",
        "window",
        "recencyCuts",
        "frequencyCuts",
        "monetaryCuts");
    String name = text(node, path, "name", true);
    String eventType = text(node, path, "eventType", true);
    String money = text(node, path, "moneyProperty", true);
    EventWindow window = window(path + "/window", node.get("window"));
    ImmutableList<Double> r = cuts(node, path, "recencyCuts");
    ImmutableList<Double> f = cuts(node, path, "frequencyCuts");
    ImmutableList<Double> m = cuts(node, path, "monetaryCuts");
    if (name == null || eventType == null || money == null || window == null) {
      return null;
    }
    if (r == null || f == null || m == null) {
      return null;
    }
    try {
      return new RfmModel(
          name, text(node, path, "description", false), eventType, money, window, r, f, m);
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  private ImmutableList<Double> cuts(JsonNode node, String path, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray() || v.size() != 4) {
      problem(path + "/" + field, "expected 4 ascending numbers");
      return null;
    }
    ImmutableList.Builder<Double> b = ImmutableList.builder();
    for (JsonNode n : v) {
      if (!n.isNumber()) {
        problem(path + "/" + field, "expected 4 ascending numbers");
        return null;
      }
      b.add(n.asDouble());
    }
    return b.build();
  }

  private EventWindow window(String path, JsonNode node) {
    if (node == null || !node.isObject()) {
      problem(
          path, "expected a window: {\"kind\": \"ever\" | \"last\" | \"between\" | \"calendar\"}");
      return null;
    }
    String kind = text(node, path, "kind", true);
    if (kind == null) {
      return null;
    }
    try {
      switch (kind) {
        case "ever":
          known(node, path, "kind");
          return EventWindow.ever();
        case "last":
          {
            known(node, path, "kind", "amount", "unit");
            Double amount = number(node, path, "amount", true);
            TimeUnit unit = unit(node, path);
            return amount == null || unit == null
                ? null
                : EventWindow.last(amount.longValue(), unit);
          }
        case "between":
          {
            known(node, path, "kind", "from", "to");
            Instant from = instant(node, path, "from");
            Instant to = instant(node, path, "to");
            return from == null || to == null ? null : EventWindow.between(from, to);
          }
        case "calendar":
          {
            known(node, path, "kind", "period");
            CalendarPeriod period = period(node, path);
            return period == null ? null : EventWindow.in(period);
          }
        default:
          problem(
              path + "/kind",
              "unknown window kind \"" + kind + "\"; expected ever, last, between or calendar");
          return null;
      }
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  private Instant instant(JsonNode node, String path, String field) {
    String text = text(node, path, field, true);
    if (text == null) {
      return null;
    }
    try {
      return TextValues.parseTimestamp(text);
    } catch (TextValues.BadValue e) {
      problem(path + "/" + field, e.getMessage());
      return null;
    }
  }

  private TimeUnit unit(JsonNode node, String path) {
    String text = text(node, path, "unit", true);
    TimeUnit unit = text == null ? null : TimeUnit.fromExternalName(text);
    if (text != null && unit == null) {
      problem(
          path + "/unit",
          "unknown unit \"" + text + "\"; expected minutes, hours, days, weeks, months or years");
    }
    return unit;
  }

  private CalendarPeriod period(JsonNode node, String path) {
    String text = text(node, path, "period", true);
    CalendarPeriod p = text == null ? null : CalendarPeriod.fromExternalName(text);
    if (text != null && p == null) {
      problem(path + "/period", "unknown calendar period \"" + text + "\"");
    }
    return p;
  }

  private Operator compare(JsonNode node, String path) {
    String text = text(node, path, "compare", true);
    Operator op = text == null ? null : Operator.fromExternalName(text);
    if (text != null && op == null) {
      problem(
          path + "/compare",
          "unknown comparison \"" + text + "\"; expected eq, ne, lt, le, gt or ge");
    }
    return op;
  }

  /** A literal for an attribute of {@code type}: dates and timestamps are read from strings. */
  private Object literal(JsonNode v, String path, AttributeType type) {
    if (v == null || v.isNull()) {
      problem(path, "is required");
      return null;
    }
    if (v.isTextual() && type == AttributeType.DATE) {
      try {
        return TextValues.parseDate(v.asText());
      } catch (TextValues.BadValue e) {
        problem(path, e.getMessage());
        return null;
      }
    }
    if (v.isTextual() && type == AttributeType.TIMESTAMP) {
      try {
        return TextValues.parseTimestamp(v.asText());
      } catch (TextValues.BadValue e) {
        problem(path, e.getMessage());
        return null;
      }
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isNumber() && Double.isFinite(v.asDouble())) {
      return v.asDouble();
    }
    problem(path, "expected a string, number or boolean");
    return null;
  }

  private Condition condition(String path, JsonNode node, Map<String, Attribute<?>> attributes) {
    if (node == null || !node.isObject()) {
      problem(path, "expected a condition object with an \"op\"");
      return null;
    }
    String op = text(node, path, "op", true);
    if (op == null) {
      return null;
    }
    int before = problems.size();
    try {
      Condition c = condition(path, node, op, attributes);
      return problems.size() == before ? c : null;
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  private AttributeType typeOf(Map<String, Attribute<?>> attributes, String name) {
    Attribute<?> a = name == null ? null : attributes.get(name);
    return a == null ? null : a.type();
  }

  private Condition condition(
      String path, JsonNode node, String op, Map<String, Attribute<?>> attributes) {
    String attribute;
    switch (op) {
      case "always":
        known(node, path, "op");
        return new Always();
      case "never":
        known(node, path, "op", "reason");
        return new Never(text(node, path, "reason", false));
      case "and":
      case "or":
        {
          known(node, path, "op", "of");
          List<Condition> of = list(node, path, "of", (p, n) -> condition(p, n, attributes));
          return op.equals("and")
              ? new And(ImmutableList.copyOf(of))
              : new Or(ImmutableList.copyOf(of));
        }
      case "not":
        {
          known(node, path, "op", "of");
          Condition of = condition(path + "/of", node.get("of"), attributes);
          return of == null ? null : new Not(of);
        }
      case "eq":
      case "ne":
      case "lt":
      case "le":
      case "gt":
      case "ge":
        {
          known(node, path, "op", "attribute", "value");
          attribute = text(node, path, "attribute", true);
          Object value = literal(node.get("value"), path + "/value", typeOf(attributes, attribute));
          return attribute == null || value == null
              ? null
              : new Compare(attribute, Operator.fromExternalName(op), value);
        }
      case "between":
        {
          known(node, path, "op", "attribute", "low", "high");
          attribute = text(node, path, "attribute", true);
          AttributeType type = typeOf(attributes, attribute);
          Object low = literal(node.get("low"), path + "/low", type);
          Object high = literal(node.get("high"), path + "/high", type);
          return attribute == null || low == null || high == null
              ? null
              : new Between(attribute, low, high);
        }
      case "in":
        {
          known(node, path, "op", "attribute", "values");
          attribute = text(node, path, "attribute", true);
          AttributeType type = typeOf(attributes, attribute);
          List<Object> values = list(node, path, "values", (p, n) -> literal(n, p, type));
          return attribute == null ? null : new In(attribute, ImmutableSet.copyOf(values));
        }
      case "startsWith":
      case "endsWith":
      case "contains":
      case "matches":
        {
          known(node, path, "op", "attribute", "value", "ignoreCase");
          attribute = text(node, path, "attribute", true);
          String value = text(node, path, "value", true);
          JsonNode ignoreCase = node.get("ignoreCase");
          return attribute == null || value == null
              ? null
              : new StringMatch(
                  attribute,
                  StringMatch.Op.fromExternalName(op),
                  value,
                  ignoreCase != null && ignoreCase.asBoolean());
        }
      case "containsAny":
      case "containsAll":
      case "containsNone":
        {
          known(node, path, "op", "attribute", "values");
          attribute = text(node, path, "attribute", true);
          List<String> values =
              list(
                  node,
                  path,
                  "values",
                  (p, n) -> {
                    if (!n.isTextual()) {
                      problem(p, "expected a string");
                      return null;
                    }
                    return n.asText();
                  });
          return attribute == null
              ? null
              : new TagMatch(
                  attribute, TagMatch.Op.fromExternalName(op), ImmutableSet.copyOf(values));
        }
      case "tagCount":
        {
          known(node, path, "op", "attribute", "compare", "value");
          attribute = text(node, path, "attribute", true);
          Operator cmp = compare(node, path);
          Double value = number(node, path, "value", true);
          return attribute == null || cmp == null || value == null
              ? null
              : new TagCount(attribute, cmp, value.longValue());
        }
      case "isPresent":
      case "isMissing":
        known(node, path, "op", "attribute");
        attribute = text(node, path, "attribute", true);
        return attribute == null ? null : new Presence(attribute, op.equals("isPresent"));
      case "withinLast":
      case "moreThanAgo":
        {
          known(node, path, "op", "attribute", "amount", "unit");
          attribute = text(node, path, "attribute", true);
          Double amount = number(node, path, "amount", true);
          TimeUnit unit = unit(node, path);
          return attribute == null || amount == null || unit == null
              ? null
              : new RelativeTime(
                  attribute, RelativeTime.Op.fromExternalName(op), amount.longValue(), unit);
        }
      case "inCalendar":
        {
          known(node, path, "op", "attribute", "period");
          attribute = text(node, path, "attribute", true);
          CalendarPeriod period = period(node, path);
          return attribute == null || period == null ? null : new CalendarWindow(attribute, period);
        }
      case "anniversary":
        {
          known(node, path, "op", "attribute", "period");
          attribute = text(node, path, "attribute", true);
          String period = text(node, path, "period", true);
          Anniversary.Period p =
              period == null ? null : Anniversary.Period.fromExternalName(period);
          if (period != null && p == null) {
            problem(path + "/period", "expected day or month");
          }
          return attribute == null || p == null ? null : new Anniversary(attribute, p);
        }
      case "withinDistance":
        {
          known(node, path, "op", "attribute", "center", "km");
          attribute = text(node, path, "attribute", true);
          JsonNode center = node.get("center");
          Double km = number(node, path, "km", true);
          if (center == null || !center.isObject()) {
            problem(path + "/center", "expected {\"lat\": .., \"lon\": ..}");
            return null;
          }
          Double lat = number(center, path + "/center", "lat", true);
          Double lon = number(center, path + "/center", "lon", true);
          return attribute == null || km == null || lat == null || lon == null
              ? null
              : new GeoWithin(attribute, new GeoPoint(lat, lon), km);
        }
      case "inSegment":
        {
          known(node, path, "op", "segment");
          String segment = text(node, path, "segment", true);
          return segment == null ? null : new InSegment(segment);
        }
      case "inTier":
        {
          known(node, path, "op", "tiering", "tier");
          String tiering = text(node, path, "tiering", true);
          String tier = text(node, path, "tier", true);
          return tiering == null || tier == null ? null : new InTier(tiering, tier);
        }
      case "score":
        {
          known(node, path, "op", "score", "compare", "value");
          String score = text(node, path, "score", true);
          Operator cmp = compare(node, path);
          Object value = literal(node.get("value"), path + "/value", AttributeType.NUMBER);
          if (value != null && !(value instanceof Number)) {
            problem(path + "/value", "expected a number");
            return null;
          }
          return score == null || cmp == null || value == null
              ? null
              : new ScoreCondition(score, cmp, (Number) value);
        }
      case "event":
        {
          known(
              node,
              path,
              "op",
              "type",
              "where",
              "window",
              "aggregate",
              "property",
              "compare",
              "value");
          String type = text(node, path, "type", true);
          EventType eventType = type == null ? null : schema.eventType(type);
          Map<String, Attribute<?>> properties =
              eventType == null ? ImmutableMap.of() : eventType.properties();
          Condition where =
              node.get("where") == null
                  ? null
                  : condition(path + "/where", node.get("where"), properties);
          EventWindow window = window(path + "/window", node.get("window"));
          String aggregateName = text(node, path, "aggregate", true);
          Aggregate aggregate =
              aggregateName == null ? null : Aggregate.fromExternalName(aggregateName);
          if (aggregateName != null && aggregate == null) {
            problem(path + "/aggregate", "unknown aggregate \"" + aggregateName + "\"");
          }
          String property = text(node, path, "property", false);
          Operator cmp = compare(node, path);
          Object value = literal(node.get("value"), path + "/value", AttributeType.NUMBER);
          if (value != null && !(value instanceof Number)) {
            problem(path + "/value", "expected a number");
            return null;
          }
          if (type == null || window == null || aggregate == null || cmp == null || value == null) {
            return null;
          }
          return new EventCondition(type, where, window, aggregate, property, cmp, (Number) value);
        }
      default:
        problem(
            path + "/op",
            "unknown operator \""
                + op
                + "\""
                + Suggestions.didYouMean(
                    op,
                    List.of(
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
                        "inTier",
                        "score",
                        "event")));
        return null;
    }
  }
}
