package dev.segmentation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.check.Issue;
import dev.segmentation.check.Limits;
import dev.segmentation.check.Printable;
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
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a parsed JSON tree into a rules document, collecting every structural problem with its JSON
 * Pointer. Recursion is bounded: the parser already refused JSON nested deeper than the limits
 * allow, and condition depth is checked here before descending.
 *
 * <p>Not thread-safe: one instance per document.
 */
final class TreeReader {

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
  private final List<Issue> problems = new ArrayList<>();
  private int nodes;
  private boolean nodeLimitReported;

  /** What a condition with a problem becomes inside a document (see {@link #condition}). */
  private static final Condition STAND_IN = new Always();

  private boolean standIns;

  // The original index of each element read into the document's lists (elements with a problem
  // that cannot be built at all are left out), and the names of those left out.
  private final Map<String, List<Integer>> indexes = new HashMap<>();
  private final Set<String> leftOutNames = new HashSet<>();

  TreeReader(Limits limits) {
    this.limits = limits;
  }

  /** The original index of the {@code i}-th element read from array {@code field}. */
  int originalIndex(String field, int i) {
    List<Integer> list = indexes.get(field);
    return list == null || i >= list.size() ? i : list.get(i);
  }

  /** Names of segments, scores, tierings and RFM models that could not be read at all. */
  Set<String> leftOutNames() {
    return leftOutNames;
  }

  List<Issue> problems() {
    return problems;
  }

  private void problem(String path, String message) {
    problems.add(Issue.error(path, message));
  }

  // ---------------------------------------------------------------- document

  /**
   * The document, or null when there was a problem that leaves nothing to check. After problems in
   * parts of the document, the rest: conditions with problems stand in as {@code always}, and
   * elements that cannot be built are left out (see {@link #originalIndex}), so that the checker
   * can find the other problems in the same pass.
   */
  RulesDocument document(JsonNode root) {
    standIns = true;
    if (!expectObject(root, "")) {
      return null;
    }
    fields(root, "", Set.of("format", "schema", "segments", "scores", "tierings", "rfm"));
    JsonNode format = root.get("format");
    if (format != null && !(format.isIntegralNumber() && format.asLong() == 1)) {
      problem("/format", "unsupported format " + format + "; this library reads format 1");
    }
    // A schema with problems still types the rest of the document, so that every problem of
    // the document is found in one pass.
    Schema schema = schema(root.get("schema"), "/schema");
    List<Segment> segments = list(root, "segments", "", (e, p) -> segment(e, p, schema));
    List<ScoreModel> scores = list(root, "scores", "", (e, p) -> score(e, p, schema));
    List<Tiering> tierings = list(root, "tierings", "", (e, p) -> tiering(e, p, schema));
    List<RfmModel> rfm = list(root, "rfm", "", this::rfm);
    Map<String, String> firstSegment = new HashMap<>();
    uniqueNames(root, "segments", "segment", firstSegment);
    uniqueNames(root, "scores", "score", new HashMap<>());
    Map<String, String> firstTiering = new HashMap<>();
    uniqueNames(root, "tierings", "tiering or RFM model", firstTiering);
    uniqueNames(root, "rfm", "tiering or RFM model", firstTiering);
    if (!problems.isEmpty()) {
      // Only what can be checked: elements with names defined twice are left out as well.
      segments = distinct(segments, Segment::name, "segments");
      scores = distinct(scores, ScoreModel::name, "scores");
      tierings = distinct(tierings, Tiering::name, "tierings");
      rfm = distinct(rfm, RfmModel::name, "rfm");
      Set<String> tieringNames = new HashSet<>();
      tierings.forEach(t -> tieringNames.add(t.name()));
      List<RfmModel> distinctRfm = new ArrayList<>();
      List<Integer> rfmIndexes = new ArrayList<>();
      for (int i = 0; i < rfm.size(); i++) {
        if (tieringNames.add(rfm.get(i).name())) {
          distinctRfm.add(rfm.get(i));
          rfmIndexes.add(originalIndex("rfm", i));
        }
      }
      indexes.put("rfm", rfmIndexes);
      rfm = distinctRfm;
    }
    List<Segment> segmentList = segments;
    List<ScoreModel> scoreList = scores;
    List<Tiering> tieringList = tierings;
    List<RfmModel> rfmList = rfm;
    return attempt(
        "",
        () ->
            new RulesDocument(
                schema,
                new Catalog(
                    ImmutableList.copyOf(segmentList),
                    ImmutableList.copyOf(scoreList),
                    ImmutableList.copyOf(tieringList),
                    ImmutableList.copyOf(rfmList))));
  }

  /**
   * Notes a second definition of a name at its own {@code name} field, pointing at the first;
   * {@code first} maps each name to the pointer of its first definition (shared by the kinds that
   * share a namespace).
   */
  private void uniqueNames(JsonNode root, String field, String what, Map<String, String> first) {
    JsonNode array = root.get(field);
    if (array == null || !array.isArray() || array.size() > limits.maxListSize()) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode name = array.get(i).get("name");
      if (name == null || !name.isTextual()) {
        continue;
      }
      String at = "/" + field + "/" + i;
      String previous = first.putIfAbsent(name.textValue(), at);
      if (previous != null) {
        problem(
            at + "/name",
            what
                + " \""
                + Printable.abbreviate(name.textValue())
                + "\" is defined twice (first at "
                + previous
                + ")");
      }
    }
  }

  /** {@code list} without a second element of the same name, with the original indexes kept. */
  private <T> List<T> distinct(List<T> list, Function<T, String> name, String field) {
    Set<String> seen = new HashSet<>();
    List<T> out = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (seen.add(name.apply(list.get(i)))) {
        out.add(list.get(i));
        kept.add(originalIndex(field, i));
      }
    }
    indexes.put(field, kept);
    return out;
  }

  private interface ElementReader<T> {
    T read(JsonNode element, String path);
  }

  /** The elements of an optional array field; null elements stand for problems already noted. */
  private <T> List<T> list(JsonNode parent, String field, String path, ElementReader<T> reader) {
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
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      T t = reader.read(array.get(i), arrayPath + "/" + i);
      if (t != null) {
        out.add(t);
        kept.add(i);
      } else if (path.isEmpty()) {
        JsonNode name = array.get(i).get("name");
        if (name != null && name.isTextual()) {
          leftOutNames.add(name.textValue());
        }
      }
    }
    if (path.isEmpty()) {
      indexes.put(field, kept);
    }
    return out;
  }

  // ---------------------------------------------------------------- schema

  /** The declared schema, without the declarations that have problems (which are noted). */
  Schema schema(JsonNode node, String path) {
    if (node == null) {
      problem(path, "\"schema\" is required: declare the attributes the rules use");
      return Schema.builder().build();
    }
    if (!expectObject(node, path)) {
      return Schema.builder().build();
    }
    fields(node, path, Set.of("attributes", "events"));
    Schema.Builder b = Schema.builder();
    JsonNode attributes = node.get("attributes");
    if (attributes != null && expectObject(attributes, path + "/attributes")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Attribute<?> a =
            attribute(e.getKey(), e.getValue(), path + "/attributes/" + escape(e.getKey()));
        if (a != null) {
          b.attribute(a);
        }
      }
    }
    JsonNode events = node.get("events");
    if (events != null && expectObject(events, path + "/events")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = events.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String eventPath = path + "/events/" + escape(e.getKey());
        if (!expectObject(e.getValue(), eventPath)) {
          continue;
        }
        List<Attribute<?>> properties = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext(); ) {
          Map.Entry<String, JsonNode> prop = p.next();
          Attribute<?> a =
              attribute(prop.getKey(), prop.getValue(), eventPath + "/" + escape(prop.getKey()));
          if (a != null) {
            properties.add(a);
          }
        }
        try {
          b.eventType(EventType.of(e.getKey(), properties.toArray(new Attribute<?>[0])));
        } catch (IllegalArgumentException ex) {
          problem(eventPath, ex.getMessage());
        }
      }
    }
    return b.build();
  }

  private Attribute<?> attribute(String name, JsonNode type, String path) {
    if (!type.isTextual()) {
      problem(path, "expected a type name such as \"integer\", got " + describe(type));
      return null;
    }
    AttributeType t = named(type, path, "type", "types", AttributeType.class);
    if (t == null) {
      return null;
    }
    return attempt(path, () -> Attribute.of(name, t));
  }

  /**
   * The value {@code make} builds, or null after noting at {@code path} why a record refused its
   * arguments (records validate in their constructors).
   */
  private <T> T attempt(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  // ---------------------------------------------------------------- catalog

  /** One segment outside a document (conditions with problems stand in, as in a document). */
  Segment segmentAlone(JsonNode node, String path, Schema schema) {
    standIns = true;
    return segment(node, path, schema);
  }

  private Segment segment(JsonNode node, String path, Schema schema) {
    if (!expectObject(node, path)) {
      return null;
    }
    fields(node, path, Set.of("name", "description", "where"), "name", "where");
    String name = text(node, "name", path);
    String description = optionalText(node, "description", path);
    Condition where = conditionField(node, "where", path, attributesOf(schema), schema);
    if (name == null || where == null) {
      return null;
    }
    return attempt(path + "/name", () -> new Segment(name, description, where));
  }

  private ScoreModel score(JsonNode node, String path, Schema schema) {
    if (!expectObject(node, path)) {
      return null;
    }
    fields(node, path, Set.of("name", "description", "rules", "groupCaps", "cap"), "name", "rules");
    String name = text(node, "name", path);
    String description = optionalText(node, "description", path);
    int before = problems.size();
    List<ScoreRule> rules =
        list(
            node,
            "rules",
            path,
            (e, p) -> {
              if (!expectObject(e, p)) {
                return null;
              }
              fields(e, p, Set.of("when", "points", "group"), "when", "points");
              Condition when = conditionField(e, "when", p, attributesOf(schema), schema);
              Double points = finiteNumber(e, "points", p);
              String group = optionalText(e, "group", p);
              if (when == null || points == null) {
                return null;
              }
              return new ScoreRule(when, points, group.isEmpty() ? null : group);
            });
    Map<String, Double> caps = new LinkedHashMap<>();
    JsonNode groupCaps = node.get("groupCaps");
    if (groupCaps != null && expectObject(groupCaps, path + "/groupCaps")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = groupCaps.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Double cap = finiteNumberValue(e.getValue(), path + "/groupCaps/" + escape(e.getKey()));
        if (cap != null) {
          caps.put(e.getKey(), cap);
        }
      }
    }
    Double cap = node.has("cap") ? finiteNumber(node, "cap", path) : null;
    if (name == null || problems.size() > before) {
      return null;
    }
    return attempt(
        path,
        () ->
            new ScoreModel(
                name, description, ImmutableList.copyOf(rules), ImmutableMap.copyOf(caps), cap));
  }

  private Tiering tiering(JsonNode node, String path, Schema schema) {
    if (!expectObject(node, path)) {
      return null;
    }
    fields(
        node,
        path,
        Set.of("name", "description", "tiers", "otherwise"),
        "name",
        "tiers",
        "otherwise");
    String name = text(node, "name", path);
    String description = optionalText(node, "description", path);
    String otherwise = text(node, "otherwise", path);
    int before = problems.size();
    List<Tier> tiers =
        list(
            node,
            "tiers",
            path,
            (e, p) -> {
              if (!expectObject(e, p)) {
                return null;
              }
              fields(e, p, Set.of("name", "when"), "name", "when");
              String tierName = text(e, "name", p);
              Condition when = conditionField(e, "when", p, attributesOf(schema), schema);
              if (tierName == null || when == null) {
                return null;
              }
              return attempt(p + "/name", () -> new Tier(tierName, when));
            });
    if (name == null || otherwise == null || problems.size() > before) {
      return null;
    }
    return attempt(
        path, () -> new Tiering(name, description, ImmutableList.copyOf(tiers), otherwise));
  }

  private RfmModel rfm(JsonNode node, String path) {
    if (!expectObject(node, path)) {
      return null;
    }
    Set<String> allowed =
        Set.of(
            "name",
            "description",
            "eventType",
            "money",
            "window",
            "recencyCuts",
            "frequencyCuts",
            "monetaryCuts");
    int before = problems.size();
    fields(
        node,
        path,
        allowed,
        "name",
        "eventType",
        "money",
        "window",
        "recencyCuts",
        "frequencyCuts",
        "monetaryCuts");
    String name = text(node, "name", path);
    String description = optionalText(node, "description", path);
    String eventType = text(node, "eventType", path);
    String money = text(node, "money", path);
    EventWindow window = node.has("window") ? window(node.get("window"), path + "/window") : null;
    ImmutableList<Double> r = cuts(node, "recencyCuts", path);
    ImmutableList<Double> f = cuts(node, "frequencyCuts", path);
    ImmutableList<Double> m = cuts(node, "monetaryCuts", path);
    if (problems.size() > before) {
      return null;
    }
    return attempt(path, () -> new RfmModel(name, description, eventType, money, window, r, f, m));
  }

  private ImmutableList<Double> cuts(JsonNode node, String field, String path) {
    JsonNode array = node.get(field);
    if (array == null) {
      return null;
    }
    if (!array.isArray() || array.size() != 4) {
      problem(path + "/" + field, "expected an array of 4 ascending numbers");
      return null;
    }
    ImmutableList.Builder<Double> b = ImmutableList.builder();
    for (int i = 0; i < 4; i++) {
      Double d = finiteNumberValue(array.get(i), path + "/" + field + "/" + i);
      if (d == null) {
        return null;
      }
      b.add(d);
    }
    return b.build();
  }

  // ---------------------------------------------------------------- conditions

  private static Function<String, AttributeType> attributesOf(Schema schema) {
    return name -> {
      Attribute<?> a = schema.attribute(name);
      return a == null ? null : a.type();
    };
  }

  private Condition conditionField(
      JsonNode parent,
      String field,
      String path,
      Function<String, AttributeType> types,
      Schema schema) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return null; // "required" already reported by fields()
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
      problem(path, "conditions are nested deeper than the limit of " + limits.maxDepth());
      return null;
    }
    if (++nodes > limits.maxNodes()) {
      if (!nodeLimitReported) {
        nodeLimitReported = true;
        problem(path, "the document has more than " + limits.maxNodes() + " conditions");
      }
      return null;
    }
    if (!expectObject(node, path)) {
      return null;
    }
    JsonNode opNode = node.get("op");
    if (opNode == null || !opNode.isTextual()) {
      problem(
          path,
          opNode == null
              ? "\"op\" is required: it names the operator, e.g. \"eq\" or \"and\""
              : "\"op\" must be a string, got " + describe(opNode));
      return null;
    }
    String op = opNode.textValue();
    int before = problems.size();
    try {
      Condition c = condition(op, node, path, types, schema, depth);
      // In a document, a node built from stand-ins is kept, so that its other operands are checked.
      return problems.size() > before && !standIns ? null : c;
    } catch (IllegalArgumentException e) {
      // A record refused its arguments (e.g. an amount out of range): report it where it is.
      problem(path, e.getMessage());
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
        fields(node, path, Set.of("op"));
        return new Always();
      case "never":
        fields(node, path, Set.of("op", "reason"));
        return new Never(optionalText(node, "reason", path));
      case "and":
      case "or":
        {
          fields(node, path, Set.of("op", "of"), "of");
          List<Condition> of =
              list(node, "of", path, (e, p) -> condition(e, p, types, schema, depth + 1));
          ImmutableList<Condition> operands = ImmutableList.copyOf(of);
          return op.equals("and") ? new And(operands) : new Or(operands);
        }
      case "not":
        {
          fields(node, path, Set.of("op", "of"), "of");
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
          fields(node, path, Set.of("op", "attribute", "value"), "attribute", "value");
          String attribute = text(node, "attribute", path);
          Object value = literalField(node, "value", path, typeOf(types, attribute));
          return attribute == null || value == null
              ? null
              : new Compare(attribute, Operator.fromExternalName(op), value);
        }
      case "between":
        {
          fields(node, path, Set.of("op", "attribute", "low", "high"), "attribute", "low", "high");
          String attribute = text(node, "attribute", path);
          AttributeType type = typeOf(types, attribute);
          Object low = literalField(node, "low", path, type);
          Object high = literalField(node, "high", path, type);
          return attribute == null || low == null || high == null
              ? null
              : new Between(attribute, low, high);
        }
      case "in":
        {
          fields(node, path, Set.of("op", "attribute", "values"), "attribute", "values");
          String attribute = text(node, "attribute", path);
          AttributeType type = typeOf(types, attribute);
          List<Object> values = list(node, "values", path, (e, p) -> literal(e, p, type));
          return attribute == null ? null : In.of(attribute, values);
        }
      case "startsWith":
      case "endsWith":
      case "contains":
      case "matches":
        {
          fields(
              node, path, Set.of("op", "attribute", "value", "ignoreCase"), "attribute", "value");
          String attribute = text(node, "attribute", path);
          String value = text(node, "value", path);
          boolean ignoreCase = bool(node, "ignoreCase", path);
          return attribute == null || value == null
              ? null
              : new StringMatch(attribute, StringMatch.Op.fromExternalName(op), value, ignoreCase);
        }
      case "containsAny":
      case "containsAll":
      case "containsNone":
        {
          fields(node, path, Set.of("op", "attribute", "values"), "attribute", "values");
          String attribute = text(node, "attribute", path);
          List<String> values = list(node, "values", path, this::textValue);
          return attribute == null
              ? null
              : new TagMatch(
                  attribute, TagMatch.Op.fromExternalName(op), ImmutableSet.copyOf(values));
        }
      case "tagCount":
        {
          fields(
              node,
              path,
              Set.of("op", "attribute", "compare", "value"),
              "attribute",
              "compare",
              "value");
          String attribute = text(node, "attribute", path);
          Operator compare = operator(node, path);
          Long count = wholeNumber(node, "value", path);
          return attribute == null || compare == null || count == null
              ? null
              : new TagCount(attribute, compare, count);
        }
      case "isPresent":
      case "isMissing":
        {
          fields(node, path, Set.of("op", "attribute"), "attribute");
          String attribute = text(node, "attribute", path);
          return attribute == null ? null : new Presence(attribute, op.equals("isPresent"));
        }
      case "withinLast":
      case "moreThanAgo":
        {
          fields(
              node,
              path,
              Set.of("op", "attribute", "amount", "unit"),
              "attribute",
              "amount",
              "unit");
          String attribute = text(node, "attribute", path);
          Long amount = wholeNumber(node, "amount", path);
          WindowUnit unit = unit(node.get("unit"), path + "/unit");
          return attribute == null || amount == null || unit == null
              ? null
              : new RelativeTime(attribute, RelativeTime.Op.fromExternalName(op), amount, unit);
        }
      case "inCalendar":
        {
          fields(node, path, Set.of("op", "attribute", "period"), "attribute", "period");
          String attribute = text(node, "attribute", path);
          CalendarPeriod period = period(node.get("period"), path + "/period");
          return attribute == null || period == null ? null : new CalendarWindow(attribute, period);
        }
      case "anniversary":
        {
          fields(node, path, Set.of("op", "attribute", "period"), "attribute", "period");
          String attribute = text(node, "attribute", path);
          String period = text(node, "period", path);
          Anniversary.Period p =
              period == null ? null : Anniversary.Period.fromExternalName(period);
          if (period != null && p == null) {
            problem(
                path + "/period", "unknown period \"" + period + "\"; use \"day\" or \"month\"");
          }
          return attribute == null || p == null ? null : new Anniversary(attribute, p);
        }
      case "withinDistance":
        {
          fields(
              node, path, Set.of("op", "attribute", "center", "km"), "attribute", "center", "km");
          String attribute = text(node, "attribute", path);
          GeoPoint center = node.has("center") ? geo(node.get("center"), path + "/center") : null;
          Double km = finiteNumber(node, "km", path);
          return attribute == null || center == null || km == null
              ? null
              : new GeoWithin(attribute, center, km);
        }
      case "inSegment":
        {
          fields(node, path, Set.of("op", "segment"), "segment");
          String segment = text(node, "segment", path);
          return segment == null ? null : new InSegment(segment);
        }
      case "score":
        {
          fields(
              node, path, Set.of("op", "score", "compare", "value"), "score", "compare", "value");
          String score = text(node, "score", path);
          Operator compare = operator(node, path);
          Number value = number(node, "value", path);
          return score == null || compare == null || value == null
              ? null
              : new ScoreCondition(score, compare, value);
        }
      case "inTier":
        {
          fields(node, path, Set.of("op", "tiering", "tier"), "tiering", "tier");
          String tiering = text(node, "tiering", path);
          String tier = text(node, "tier", path);
          return tiering == null || tier == null ? null : new InTier(tiering, tier);
        }
      case "event":
        return event(node, path, schema, depth);
      default:
        problem(
            path + "/op",
            "unknown operator \""
                + op
                + "\""
                + Spelling.didYouMeanAmong(op, OPERATORS, "operators"));
        return null;
    }
  }

  private Condition event(JsonNode node, String path, Schema schema, int depth) {
    fields(
        node,
        path,
        Set.of("op", "type", "where", "window", "aggregate", "property", "compare", "value"),
        "type",
        "window",
        "aggregate",
        "compare",
        "value");
    String type = text(node, "type", path);
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
        named(
            node.get("aggregate"), path + "/aggregate", "aggregate", "aggregates", Aggregate.class);
    String property = node.has("property") ? text(node, "property", path) : null;
    if (aggregate != null
        && aggregate.needsProperty()
        && property == null
        && !node.has("property")) {
      problem(path, "\"property\" is required for " + aggregate.externalName());
    }
    if (aggregate != null && !aggregate.needsProperty() && node.has("property")) {
      problem(path + "/property", aggregate.externalName() + " reads no property");
    }
    Operator compare = operator(node, path);
    Number value = number(node, "value", path);
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
      problem(
          path,
          "expected \"ever\", {\"last\": N, \"unit\": \"days\"}, {\"from\": ..., \"to\": ...} or"
              + " {\"calendar\": \"thisMonth\"}, got "
              + describe(node));
      return null;
    }
    if (node.has("last")) {
      fields(node, path, Set.of("last", "unit"), "unit");
      Long amount = wholeNumber(node, "last", path);
      WindowUnit unit = unit(node.get("unit"), path + "/unit");
      return amount == null || unit == null ? null : EventWindow.last(amount, unit);
    }
    if (node.has("from") || node.has("to")) {
      fields(node, path, Set.of("from", "to"), "from", "to");
      Instant from = instant(node.get("from"), path + "/from");
      Instant to = instant(node.get("to"), path + "/to");
      if (from == null || to == null) {
        return null;
      }
      if (!from.isBefore(to)) {
        problem(path, "\"from\" " + from + " must be before \"to\" " + to);
        return null;
      }
      return EventWindow.between(from, to);
    }
    if (node.has("calendar")) {
      fields(node, path, Set.of("calendar"));
      CalendarPeriod p = period(node.get("calendar"), path + "/calendar");
      return p == null ? null : EventWindow.in(p);
    }
    problem(path, "a window needs \"last\", \"from\"/\"to\" or \"calendar\" (or is \"ever\")");
    return null;
  }

  // ---------------------------------------------------------------- values

  private static AttributeType typeOf(Function<String, AttributeType> types, String attribute) {
    return attribute == null ? null : types.apply(attribute);
  }

  private Object literalField(JsonNode node, String field, String path, AttributeType type) {
    JsonNode v = node.get(field);
    return v == null ? null : literal(v, path + "/" + field, type);
  }

  /**
   * A literal for an attribute of {@code type} (null when the attribute is unknown). Strings of a
   * date or timestamp attribute are parsed; other mismatches are left for the checker, which names
   * the attribute and its type.
   */
  private Object literal(JsonNode v, String path, AttributeType type) {
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

  private Instant instant(JsonNode v, String path) {
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

  private GeoPoint geo(JsonNode v, String path) {
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
  private Number numberValue(JsonNode v, String path) {
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

  private Number number(JsonNode node, String field, String path) {
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

  private Double finiteNumber(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    return v == null ? null : finiteNumberValue(v, path + "/" + field);
  }

  private Double finiteNumberValue(JsonNode v, String path) {
    if (!v.isNumber()) {
      problem(path, "expected a number, got " + describe(v));
      return null;
    }
    Number n = numberValue(v, path);
    return n == null ? null : n.doubleValue();
  }

  private Long wholeNumber(JsonNode node, String field, String path) {
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

  private Operator operator(JsonNode node, String path) {
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

  private WindowUnit unit(JsonNode v, String path) {
    return named(v, path, "unit", "units", WindowUnit.class);
  }

  private CalendarPeriod period(JsonNode v, String path) {
    return named(v, path, "calendar period", "periods", CalendarPeriod.class);
  }

  /**
   * The constant whose external name is the text of {@code v}, or null after noting a problem that
   * lists the names (with a "did you mean").
   */
  private <E extends Enum<E> & ExternalName> E named(
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

  private String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    return v == null ? null : textValue(v, path + "/" + field);
  }

  private String optionalText(JsonNode node, String field, String path) {
    String s = text(node, field, path);
    return s == null ? "" : s;
  }

  private String textValue(JsonNode v, String path) {
    if (!v.isTextual()) {
      problem(path, "expected a string, got " + describe(v));
      return null;
    }
    return v.textValue();
  }

  private boolean bool(JsonNode node, String field, String path) {
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

  // ---------------------------------------------------------------- structure

  private boolean expectObject(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      problem(path, "expected an object, got " + describe(node));
      return false;
    }
    return true;
  }

  /** Notes unknown fields (with a suggestion) and missing required ones. */
  private void fields(JsonNode node, String path, Set<String> allowed, String... required) {
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
