package dev.segmentation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.model.Attribute;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes rules as canonical JSON trees: fields in a fixed order per node kind, optional fields
 * omitted when they have their default, integers as integers, dates and timestamps in ISO-8601.
 */
final class TreeWriter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TreeWriter() {}

  static ObjectNode document(RulesDocument doc) {
    ObjectNode root = F.objectNode();
    root.put("format", 1);
    root.set("schema", schema(doc.schema()));
    catalog(root, doc.catalog());
    return root;
  }

  /** A catalog's lists, as a document holds them (no format, no schema). */
  static ObjectNode catalog(Catalog c) {
    return catalog(F.objectNode(), c);
  }

  private static ObjectNode catalog(ObjectNode root, Catalog c) {
    if (!c.segments().isEmpty()) {
      ArrayNode a = root.putArray("segments");
      for (Segment s : c.segments()) {
        a.add(segment(s));
      }
    }
    if (!c.scores().isEmpty()) {
      ArrayNode a = root.putArray("scores");
      for (ScoreModel s : c.scores()) {
        a.add(score(s));
      }
    }
    if (!c.tierings().isEmpty()) {
      ArrayNode a = root.putArray("tierings");
      for (Tiering t : c.tierings()) {
        a.add(tiering(t));
      }
    }
    if (!c.rfmModels().isEmpty()) {
      ArrayNode a = root.putArray("rfm");
      for (RfmModel m : c.rfmModels()) {
        a.add(rfm(m));
      }
    }
    return root;
  }

  static ObjectNode schema(Schema schema) {
    ObjectNode node = F.objectNode();
    ObjectNode attributes = node.putObject("attributes");
    for (Attribute<?> a : schema.attributes().values()) {
      attributes.put(a.name(), a.type().externalName());
    }
    if (!schema.eventTypes().isEmpty()) {
      ObjectNode events = node.putObject("events");
      for (EventType e : schema.eventTypes().values()) {
        ObjectNode properties = events.putObject(e.name());
        for (Attribute<?> p : e.properties().values()) {
          properties.put(p.name(), p.type().externalName());
        }
      }
    }
    return node;
  }

  static ObjectNode segment(Segment s) {
    ObjectNode node = F.objectNode();
    node.put("name", s.name());
    if (!s.description().isEmpty()) {
      node.put("description", s.description());
    }
    node.set("where", condition(s.condition()));
    return node;
  }

  private static ObjectNode score(ScoreModel s) {
    ObjectNode node = F.objectNode();
    node.put("name", s.name());
    if (!s.description().isEmpty()) {
      node.put("description", s.description());
    }
    ArrayNode rules = node.putArray("rules");
    for (ScoreRule r : s.rules()) {
      ObjectNode rule = rules.addObject();
      rule.set("when", condition(r.condition()));
      rule.put("points", r.points());
      if (r.group() != null) {
        rule.put("group", r.group());
      }
    }
    if (!s.groupCaps().isEmpty()) {
      ObjectNode caps = node.putObject("groupCaps");
      for (Map.Entry<String, Double> e : s.groupCaps().entrySet()) {
        caps.put(e.getKey(), e.getValue());
      }
    }
    if (s.totalCap() != null) {
      node.put("cap", s.totalCap());
    }
    return node;
  }

  private static ObjectNode tiering(Tiering t) {
    ObjectNode node = F.objectNode();
    node.put("name", t.name());
    if (!t.description().isEmpty()) {
      node.put("description", t.description());
    }
    ArrayNode tiers = node.putArray("tiers");
    for (Tier tier : t.tiers()) {
      ObjectNode n = tiers.addObject();
      n.put("name", tier.name());
      n.set("when", condition(tier.condition()));
    }
    node.put("otherwise", t.otherwise());
    return node;
  }

  private static ObjectNode rfm(RfmModel m) {
    ObjectNode node = F.objectNode();
    node.put("name", m.name());
    if (!m.description().isEmpty()) {
      node.put("description", m.description());
    }
    node.put("eventType", m.eventType());
    node.put("money", m.moneyProperty());
    node.set("window", window(m.window()));
    cuts(node.putArray("recencyCuts"), m.recencyCuts());
    cuts(node.putArray("frequencyCuts"), m.frequencyCuts());
    cuts(node.putArray("monetaryCuts"), m.monetaryCuts());
    return node;
  }

  private static void cuts(ArrayNode array, List<Double> cuts) {
    for (Double d : cuts) {
      array.add(d);
    }
  }

  /**
   * The JSON of a condition tree. Iterative over And/Or/Not so that a deep tree built in Java
   * cannot overflow the stack; event filters recurse once per event level, which the checker
   * bounds.
   */
  static ObjectNode condition(Condition root) {
    ObjectNode rootNode = F.objectNode();
    Deque<Object[]> work = new ArrayDeque<>();
    work.push(new Object[] {root, rootNode});
    while (!work.isEmpty()) {
      Object[] item = work.pop();
      Condition c = (Condition) item[0];
      ObjectNode node = (ObjectNode) item[1];
      Kind kind = c.kind();
      Runnable write =
          switch (kind) {
            case ALWAYS ->
                () -> {
                  node.put("op", "always");
                };
            case NEVER ->
                () -> {
                  node.put("op", "never");
                  if (!((Never) c).reason().isEmpty()) {
                    node.put("reason", ((Never) c).reason());
                  }
                };
            case AND, OR ->
                () -> {
                  node.put("op", kind == Kind.AND ? "and" : "or");
                  ArrayNode of = node.putArray("of");
                  for (Condition child : c.children()) {
                    work.push(new Object[] {child, of.addObject()});
                  }
                };
            case NOT ->
                () -> {
                  node.put("op", "not");
                  work.push(new Object[] {((Not) c).of(), node.putObject("of")});
                };
            case COMPARE ->
                () -> {
                  Compare x = (Compare) c;
                  node.put("op", x.op().externalName());
                  node.put("attribute", x.attribute());
                  node.set("value", literal(x.value()));
                };
            case BETWEEN ->
                () -> {
                  Between x = (Between) c;
                  node.put("op", "between");
                  node.put("attribute", x.attribute());
                  node.set("low", literal(x.low()));
                  node.set("high", literal(x.high()));
                };
            case IN ->
                () -> {
                  In x = (In) c;
                  node.put("op", "in");
                  node.put("attribute", x.attribute());
                  ArrayNode values = node.putArray("values");
                  for (Object v : x.values()) {
                    values.add(literal(v));
                  }
                };
            case STRING_MATCH ->
                () -> {
                  StringMatch x = (StringMatch) c;
                  node.put("op", x.op().externalName());
                  node.put("attribute", x.attribute());
                  node.put("value", x.value());
                  if (x.ignoreCase()) {
                    node.put("ignoreCase", true);
                  }
                };
            case TAG_MATCH ->
                () -> {
                  TagMatch x = (TagMatch) c;
                  node.put("op", x.op().externalName());
                  node.put("attribute", x.attribute());
                  ArrayNode values = node.putArray("values");
                  for (String v : x.values()) {
                    values.add(v);
                  }
                };
            case TAG_COUNT ->
                () -> {
                  TagCount x = (TagCount) c;
                  node.put("op", "tagCount");
                  node.put("attribute", x.attribute());
                  node.put("compare", x.op().externalName());
                  node.put("value", x.count());
                };
            case PRESENCE ->
                () -> {
                  Presence x = (Presence) c;
                  node.put("op", x.present() ? "isPresent" : "isMissing");
                  node.put("attribute", x.attribute());
                };
            case RELATIVE_TIME ->
                () -> {
                  RelativeTime x = (RelativeTime) c;
                  node.put("op", x.op().externalName());
                  node.put("attribute", x.attribute());
                  node.put("amount", x.amount());
                  node.put("unit", x.unit().externalName());
                };
            case CALENDAR_WINDOW ->
                () -> {
                  CalendarWindow x = (CalendarWindow) c;
                  node.put("op", "inCalendar");
                  node.put("attribute", x.attribute());
                  node.put("period", x.period().externalName());
                };
            case ANNIVERSARY ->
                () -> {
                  Anniversary x = (Anniversary) c;
                  node.put("op", "anniversary");
                  node.put("attribute", x.attribute());
                  node.put("period", x.period().externalName());
                };
            case GEO_WITHIN ->
                () -> {
                  GeoWithin x = (GeoWithin) c;
                  node.put("op", "withinDistance");
                  node.put("attribute", x.attribute());
                  node.set("center", geo(x.center()));
                  node.put("km", x.kilometers());
                };
            case IN_SEGMENT ->
                () -> {
                  node.put("op", "inSegment");
                  node.put("segment", ((InSegment) c).segment());
                };
            case EVENT ->
                () -> {
                  EventCondition x = (EventCondition) c;
                  node.put("op", "event");
                  node.put("type", x.eventType());
                  if (x.where().kind() != Kind.ALWAYS) {
                    work.push(new Object[] {x.where(), node.putObject("where")});
                  }
                  node.set("window", window(x.window()));
                  node.put("aggregate", x.aggregate().externalName());
                  if (x.property() != null) {
                    node.put("property", x.property());
                  }
                  node.put("compare", x.op().externalName());
                  node.set("value", literal(x.value()));
                };
            case SCORE ->
                () -> {
                  ScoreCondition x = (ScoreCondition) c;
                  node.put("op", "score");
                  node.put("score", x.score());
                  node.put("compare", x.op().externalName());
                  node.set("value", literal(x.value()));
                };
            case IN_TIER ->
                () -> {
                  InTier x = (InTier) c;
                  node.put("op", "inTier");
                  node.put("tiering", x.tiering());
                  node.put("tier", x.tier());
                };
          };
      write.run();
    }
    return rootNode;
  }

  static JsonNode window(EventWindow w) {
    if (w instanceof EventWindow.Ever) {
      return F.textNode("ever");
    }
    ObjectNode node = F.objectNode();
    if (w instanceof EventWindow.Last last) {
      node.put("last", last.amount());
      node.put("unit", last.unit().externalName());
    } else if (w instanceof EventWindow.Between between) {
      node.put("from", between.from().toString());
      node.put("to", between.to().toString());
    } else if (w instanceof EventWindow.InCalendar calendar) {
      node.put("calendar", calendar.period().externalName());
    }
    return node;
  }

  private static ObjectNode geo(GeoPoint p) {
    ObjectNode node = F.objectNode();
    node.put("lat", p.latitude());
    node.put("lon", p.longitude());
    return node;
  }

  static JsonNode literal(Object v) {
    if (v instanceof Long l) {
      return F.numberNode(l);
    }
    if (v instanceof Double d) {
      return F.numberNode(d + 0.0);
    }
    if (v instanceof String s) {
      return F.textNode(s);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof LocalDate || v instanceof Instant) {
      return F.textNode(v.toString());
    }
    if (v instanceof GeoPoint p) {
      return geo(p);
    }
    throw new IllegalArgumentException("cannot write a literal of type " + v.getClass().getName());
  }
}
