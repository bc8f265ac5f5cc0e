package dev.segmentation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.check.Issue;
import dev.segmentation.check.Limits;
import dev.segmentation.check.Printable;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a parsed JSON tree into a rules document, collecting every structural problem with its JSON
 * Pointer. Recursion is bounded: the parser already refused JSON nested deeper than the limits
 * allow, and condition depth is checked before descending. This class reads the document's
 * structure (schema, segments, scores, tierings, RFM models, names defined twice); {@link
 * ConditionReader} reads condition nodes and {@link ValueReader} values, and holds the problems.
 *
 * <p>Not thread-safe: one instance per document.
 */
final class TreeReader {

  private final Limits limits;
  private final ValueReader valueReader;
  private final ConditionReader conditions;
  // The original index of each element read into the document's lists (elements with a problem
  // that cannot be built at all are left out), and the names of those left out.
  private final Map<String, List<Integer>> indexes = new HashMap<>();
  private final Set<String> leftOutNames = new HashSet<>();

  TreeReader(Limits limits) {
    this.limits = limits;
    this.valueReader = new ValueReader(limits);
    this.conditions = new ConditionReader(limits, valueReader);
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
    return valueReader.problems();
  }

  /** A condition read on its own (see {@link ConditionReader#condition}). */
  Condition condition(
      JsonNode node, String path, Function<String, AttributeType> types, Schema schema, int depth) {
    return conditions.condition(node, path, types, schema, depth);
  }

  // ---------------------------------------------------------------- document

  /**
   * The document, or null when there was a problem that leaves nothing to check. After problems in
   * parts of the document, the rest: conditions with problems stand in as {@code always}, and
   * elements that cannot be built are left out (see {@link #originalIndex}), so that the checker
   * can find the other problems in the same pass.
   */
  RulesDocument document(JsonNode root) {
    conditions.useStandIns();
    if (!valueReader.expectObject(root, "")) {
      return null;
    }
    valueReader.fields(
        root, "", Set.of("format", "schema", "segments", "scores", "tierings", "rfm"));
    JsonNode format = root.get("format");
    if (format != null && !(format.isIntegralNumber() && format.asLong() == 1)) {
      valueReader.problem(
          "/format", "unsupported format " + format + "; this library reads format 1");
    }
    // A schema with problems still types the rest of the document, so that every problem of
    // the document is found in one pass.
    Schema schema = schema(root.get("schema"), "/schema");
    List<Segment> segments = topLevel(root, "segments", (e, p) -> segment(e, p, schema));
    List<ScoreModel> scores = topLevel(root, "scores", (e, p) -> score(e, p, schema));
    List<Tiering> tierings = topLevel(root, "tierings", (e, p) -> tiering(e, p, schema));
    List<RfmModel> rfm = topLevel(root, "rfm", this::rfm);
    Map<String, String> firstSegment = new HashMap<>();
    uniqueNames(root, "segments", "segment", firstSegment);
    uniqueNames(root, "scores", "score", new HashMap<>());
    Map<String, String> firstTiering = new HashMap<>();
    uniqueNames(root, "tierings", "tiering or RFM model", firstTiering);
    uniqueNames(root, "rfm", "tiering or RFM model", firstTiering);
    if (!valueReader.problems().isEmpty()) {
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
    return valueReader.attempt(
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
        valueReader.problem(
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

  /**
   * A top-level array of the document ({@code segments}, {@code scores}, ...): the elements that
   * could be read, with the original index of each kept and the names of those left out noted.
   */
  private <T> List<T> topLevel(JsonNode root, String field, ValueReader.ElementReader<T> reader) {
    JsonNode array = root.get(field);
    List<T> read = valueReader.elements(root, field, "", reader);
    List<T> out = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      T t = read.get(i);
      if (t != null) {
        out.add(t);
        kept.add(i);
      } else {
        JsonNode name = array.get(i).get("name");
        if (name != null && name.isTextual()) {
          leftOutNames.add(name.textValue());
        }
      }
    }
    indexes.put(field, kept);
    return out;
  }

  // ---------------------------------------------------------------- schema

  /** The declared schema, without the declarations that have problems (which are noted). */
  Schema schema(JsonNode node, String path) {
    if (node == null) {
      valueReader.problem(path, "\"schema\" is required: declare the attributes the rules use");
      return Schema.builder().build();
    }
    if (!valueReader.expectObject(node, path)) {
      return Schema.builder().build();
    }
    valueReader.fields(node, path, Set.of("attributes", "events"));
    Schema.Builder b = Schema.builder();
    JsonNode attributes = node.get("attributes");
    if (attributes != null && valueReader.expectObject(attributes, path + "/attributes")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Attribute<?> a =
            attribute(
                e.getKey(), e.getValue(), path + "/attributes/" + ValueReader.escape(e.getKey()));
        if (a != null) {
          b.attribute(a);
        }
      }
    }
    JsonNode events = node.get("events");
    if (events != null && valueReader.expectObject(events, path + "/events")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = events.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String eventPath = path + "/events/" + ValueReader.escape(e.getKey());
        if (!valueReader.expectObject(e.getValue(), eventPath)) {
          continue;
        }
        List<Attribute<?>> properties = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext(); ) {
          Map.Entry<String, JsonNode> prop = p.next();
          Attribute<?> a =
              attribute(
                  prop.getKey(),
                  prop.getValue(),
                  eventPath + "/" + ValueReader.escape(prop.getKey()));
          if (a != null) {
            properties.add(a);
          }
        }
        try {
          b.eventType(EventType.of(e.getKey(), properties.toArray(new Attribute<?>[0])));
        } catch (IllegalArgumentException ex) {
          valueReader.problem(eventPath, ex.getMessage());
        }
      }
    }
    return b.build();
  }

  private Attribute<?> attribute(String name, JsonNode type, String path) {
    if (!type.isTextual()) {
      valueReader.problem(
          path, "expected a type name such as \"integer\", got " + ValueReader.describe(type));
      return null;
    }
    AttributeType t = valueReader.named(type, path, "type", "types", AttributeType.class);
    if (t == null) {
      return null;
    }
    return valueReader.attempt(path, () -> Attribute.of(name, t));
  }

  // ---------------------------------------------------------------- catalog

  /** One segment outside a document (conditions with problems stand in, as in a document). */
  Segment segmentAlone(JsonNode node, String path, Schema schema) {
    conditions.useStandIns();
    return segment(node, path, schema);
  }

  private Segment segment(JsonNode node, String path, Schema schema) {
    if (!valueReader.expectObject(node, path)) {
      return null;
    }
    valueReader.fields(node, path, Set.of("name", "description", "where"), "name", "where");
    String name = valueReader.text(node, "name", path);
    String description = valueReader.optionalText(node, "description", path);
    Condition where =
        conditions.conditionField(
            node, "where", path, ConditionReader.attributesOf(schema), schema);
    if (name == null || where == null) {
      return null;
    }
    return valueReader.attempt(path + "/name", () -> new Segment(name, description, where));
  }

  private ScoreModel score(JsonNode node, String path, Schema schema) {
    if (!valueReader.expectObject(node, path)) {
      return null;
    }
    valueReader.fields(
        node, path, Set.of("name", "description", "rules", "groupCaps", "cap"), "name", "rules");
    String name = valueReader.text(node, "name", path);
    String description = valueReader.optionalText(node, "description", path);
    int before = valueReader.problems().size();
    List<ScoreRule> rules =
        valueReader.list(
            node,
            "rules",
            path,
            (e, p) -> {
              if (!valueReader.expectObject(e, p)) {
                return null;
              }
              valueReader.fields(e, p, Set.of("when", "points", "group"), "when", "points");
              Condition when =
                  conditions.conditionField(
                      e, "when", p, ConditionReader.attributesOf(schema), schema);
              Double points = valueReader.finiteNumber(e, "points", p);
              String group = valueReader.optionalText(e, "group", p);
              if (when == null || points == null) {
                return null;
              }
              return new ScoreRule(when, points, group.isEmpty() ? null : group);
            });
    Map<String, Double> caps = new LinkedHashMap<>();
    JsonNode groupCaps = node.get("groupCaps");
    if (groupCaps != null && valueReader.expectObject(groupCaps, path + "/groupCaps")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = groupCaps.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Double cap =
            valueReader.finiteNumberValue(
                e.getValue(), path + "/groupCaps/" + ValueReader.escape(e.getKey()));
        if (cap != null) {
          caps.put(e.getKey(), cap);
        }
      }
    }
    Double cap = node.has("cap") ? valueReader.finiteNumber(node, "cap", path) : null;
    if (name == null || valueReader.problems().size() > before) {
      return null;
    }
    return valueReader.attempt(
        path,
        () ->
            new ScoreModel(
                name, description, ImmutableList.copyOf(rules), ImmutableMap.copyOf(caps), cap));
  }

  private Tiering tiering(JsonNode node, String path, Schema schema) {
    if (!valueReader.expectObject(node, path)) {
      return null;
    }
    valueReader.fields(
        node,
        path,
        Set.of("name", "description", "tiers", "otherwise"),
        "name",
        "tiers",
        "otherwise");
    String name = valueReader.text(node, "name", path);
    String description = valueReader.optionalText(node, "description", path);
    String otherwise = valueReader.text(node, "otherwise", path);
    int before = valueReader.problems().size();
    List<Tier> tiers =
        valueReader.list(
            node,
            "tiers",
            path,
            (e, p) -> {
              if (!valueReader.expectObject(e, p)) {
                return null;
              }
              valueReader.fields(e, p, Set.of("name", "when"), "name", "when");
              String tierName = valueReader.text(e, "name", p);
              Condition when =
                  conditions.conditionField(
                      e, "when", p, ConditionReader.attributesOf(schema), schema);
              if (tierName == null || when == null) {
                return null;
              }
              return valueReader.attempt(p + "/name", () -> new Tier(tierName, when));
            });
    if (name == null || otherwise == null || valueReader.problems().size() > before) {
      return null;
    }
    return valueReader.attempt(
        path, () -> new Tiering(name, description, ImmutableList.copyOf(tiers), otherwise));
  }

  private RfmModel rfm(JsonNode node, String path) {
    if (!valueReader.expectObject(node, path)) {
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
    int before = valueReader.problems().size();
    valueReader.fields(
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
    String name = valueReader.text(node, "name", path);
    String description = valueReader.optionalText(node, "description", path);
    String eventType = valueReader.text(node, "eventType", path);
    String money = valueReader.text(node, "money", path);
    EventWindow window =
        node.has("window") ? conditions.window(node.get("window"), path + "/window") : null;
    ImmutableList<Double> r = cuts(node, "recencyCuts", path);
    ImmutableList<Double> f = cuts(node, "frequencyCuts", path);
    ImmutableList<Double> m = cuts(node, "monetaryCuts", path);
    if (valueReader.problems().size() > before) {
      return null;
    }
    return valueReader.attempt(
        path, () -> new RfmModel(name, description, eventType, money, window, r, f, m));
  }

  private ImmutableList<Double> cuts(JsonNode node, String field, String path) {
    JsonNode array = node.get(field);
    if (array == null) {
      return null;
    }
    if (!array.isArray() || array.size() != 4) {
      valueReader.problem(path + "/" + field, "expected an array of 4 ascending numbers");
      return null;
    }
    ImmutableList.Builder<Double> b = ImmutableList.builder();
    for (int i = 0; i < 4; i++) {
      Double d = valueReader.finiteNumberValue(array.get(i), path + "/" + field + "/" + i);
      if (d == null) {
        return null;
      }
      b.add(d);
    }
    return b.build();
  }
}
