package dev.segmentation.check;

import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.ExternalName;
import dev.segmentation.model.Schema;
import dev.segmentation.model.Values;
import dev.segmentation.rewrite.Rewriter;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tiering;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One check of one condition or catalog: walks the trees without recursion, noting issues. */
final class Walk {
  private final Schema schema;
  private final Catalog catalog;
  private final Limits limits;
  private final List<Issue> issues = new ArrayList<>();
  private final Literals literals;
  private int nodes;
  private boolean nodeLimitNoted;

  Walk(Schema schema, Catalog catalog, Limits limits) {
    this.schema = schema;
    this.catalog = catalog;
    this.limits = limits;
    this.literals = new Literals(limits, issues);
  }

  List<Issue> issues() {
    return issues;
  }

  // Names of the catalog, built once per walk on first use: a reference is a hash look-up, so a
  // catalog of 100,000 segments is checked in near-linear time.
  private Spelling.Index segmentNames;
  private Spelling.Index scoreNames;
  private Spelling.Index tieringNames;
  private Map<String, Tiering> tieringsByName;
  private Map<String, RfmModel> rfmByName;
  private final Map<Tiering, Spelling.Index> tierNames = new IdentityHashMap<>();

  private Spelling.Index segmentNames() {
    if (segmentNames == null) {
      segmentNames = new Spelling.Index(catalog.segments().stream().map(Segment::name).toList());
    }
    return segmentNames;
  }

  private Spelling.Index scoreNames() {
    if (scoreNames == null) {
      scoreNames = new Spelling.Index(catalog.scores().stream().map(ScoreModel::name).toList());
    }
    return scoreNames;
  }

  private Spelling.Index tieringNames() {
    if (tieringNames == null) {
      List<String> names = new ArrayList<>(tieringsByName().keySet());
      names.addAll(rfmByName().keySet());
      tieringNames = new Spelling.Index(names);
    }
    return tieringNames;
  }

  private Map<String, Tiering> tieringsByName() {
    if (tieringsByName == null) {
      tieringsByName = new LinkedHashMap<>();
      catalog.tierings().forEach(t -> tieringsByName.putIfAbsent(t.name(), t));
    }
    return tieringsByName;
  }

  private Map<String, RfmModel> rfmByName() {
    if (rfmByName == null) {
      rfmByName = new LinkedHashMap<>();
      catalog.rfmModels().forEach(m -> rfmByName.putIfAbsent(m.name(), m));
    }
    return rfmByName;
  }

  private void error(String path, String message) {
    issues.add(Issue.error(path, message));
  }

  private void warning(String path, String message) {
    issues.add(Issue.warning(path, message));
  }

  // ------------------------------------------------------------------ catalog

  void catalog() {
    for (int i = 0; i < catalog.segments().size(); i++) {
      condition(catalog.segments().get(i).condition(), "/segments/" + i + "/where");
    }
    for (int i = 0; i < catalog.scores().size(); i++) {
      ScoreModel s = catalog.scores().get(i);
      for (int j = 0; j < s.rules().size(); j++) {
        condition(s.rules().get(j).condition(), "/scores/" + i + "/rules/" + j + "/when");
      }
      Set<String> groups = new LinkedHashSet<>();
      s.rules().forEach(r -> groups.add(r.group()));
      for (String capped : s.groupCaps().keySet()) {
        if (!groups.contains(capped)) {
          warning(
              "/scores/" + i + "/groupCaps/" + capped,
              "no rule of score \"" + s.name() + "\" is in group \"" + capped + "\"");
        }
      }
    }
    for (int i = 0; i < catalog.tierings().size(); i++) {
      Tiering t = catalog.tierings().get(i);
      for (int j = 0; j < t.tiers().size(); j++) {
        condition(t.tiers().get(j).condition(), "/tierings/" + i + "/tiers/" + j + "/when");
      }
    }
    for (int i = 0; i < catalog.rfmModels().size(); i++) {
      rfm(catalog.rfmModels().get(i), "/rfm/" + i);
    }
    cycles();
  }

  private void rfm(RfmModel m, String path) {
    EventType type = schema.eventType(m.eventType());
    if (type == null) {
      error(
          path + "/eventType",
          "unknown event type \""
              + m.eventType()
              + "\""
              + Spelling.didYouMean(m.eventType(), schema.eventTypes().keySet()));
      return;
    }
    Attribute<?> money = type.property(m.moneyProperty());
    if (money == null) {
      error(
          path + "/money",
          "event type \""
              + type.name()
              + "\" has no property \""
              + m.moneyProperty()
              + "\""
              + Spelling.didYouMean(m.moneyProperty(), type.properties().keySet()));
    } else if (!money.type().isNumeric()) {
      error(
          path + "/money",
          "the money property \""
              + money.name()
              + "\" is "
              + money.type().inWords()
              + ", not a number");
    }
  }

  // ------------------------------------------------------------------ conditions

  /** One pending node: the condition, its path, depth, and the scope its attributes live in. */
  private record Pending(Condition c, String path, int depth, Scope scope) {}

  /** Attributes of the customer, or properties of one event type inside an event filter. */
  private record Scope(
      Function<String, Attribute<?>> lookup,
      Collection<String> names,
      String what,
      String owner,
      boolean eventFilter) {}

  void condition(Condition root, String rootPath) {
    Scope customer =
        new Scope(schema::attribute, schema.attributes().keySet(), "attribute", "", false);
    Deque<Pending> stack = new ArrayDeque<>();
    stack.push(new Pending(root, rootPath, 1, customer));
    int issuesBefore = issues.size();
    while (!stack.isEmpty()) {
      Pending p = stack.pop();
      if (p.depth() > limits.maxDepth()) {
        error(p.path(), "conditions are nested deeper than the limit of " + limits.maxDepth());
        continue;
      }
      if (++nodes > limits.maxNodes()) {
        if (!nodeLimitNoted) {
          nodeLimitNoted = true;
          error(p.path(), "the rules have more than " + limits.maxNodes() + " conditions");
        }
        return;
      }
      node(p, stack);
    }
    // Only a tree within the limits is analysed further: records hash and compare recursively.
    if (issues.size() == issuesBefore
        && (root.kind() == Kind.AND || root.kind() == Kind.OR || root.kind() == Kind.NOT)) {
      for (Rewriter.Finding f : Rewriter.neverMatches(root)) {
        warning(rootPath + f.path(), "can never match: " + f.reason());
      }
    }
  }

  private void node(Pending p, Deque<Pending> stack) {
    Condition c = p.c();
    String path = p.path();
    Scope scope = p.scope();
    Runnable check =
        switch (c.kind()) {
          case ALWAYS, NEVER -> () -> {};
          case AND, OR ->
              () -> {
                List<Condition> of = c.children();
                // Pushed in reverse so that issues come out in document order.
                for (int i = of.size() - 1; i >= 0; i--) {
                  stack.push(new Pending(of.get(i), path + "/of/" + i, p.depth() + 1, scope));
                }
              };
          case NOT ->
              () -> {
                stack.push(new Pending(c.children().get(0), path + "/of", p.depth() + 1, scope));
              };
          case COMPARE ->
              () -> {
                Compare x = (Compare) c;
                Attribute<?> a = attribute(scope, x.attribute(), path);
                if (a == null) {
                  return;
                }
                AttributeType t = a.type();
                if (t == AttributeType.STRING_SET || t == AttributeType.GEO_POINT) {
                  error(path + "/op", notFor(x.op().externalName(), a));
                } else if (x.op().isOrdering() && !t.isOrdered()) {
                  error(path + "/op", notFor(x.op().externalName(), a));
                } else {
                  literals.literal(a, x.value(), path + "/value");
                }
              };
          case BETWEEN ->
              () -> {
                Between x = (Between) c;
                Attribute<?> a = attribute(scope, x.attribute(), path);
                if (a == null) {
                  return;
                }
                if (!a.type().isOrdered()) {
                  error(path + "/op", notFor("between", a));
                  return;
                }
                boolean ok =
                    literals.literal(a, x.low(), path + "/low")
                        & literals.literal(a, x.high(), path + "/high");
                if (ok
                    && Values.comparableLiterals(x.low(), x.high())
                    && Values.compareLiterals(x.low(), x.high()) > 0) {
                  warning(
                      path,
                      "can never match: low " + x.low() + " is greater than high " + x.high());
                }
              };
          case IN ->
              () -> {
                In x = (In) c;
                Attribute<?> a = attribute(scope, x.attribute(), path);
                if (a == null) {
                  return;
                }
                if (a.type() == AttributeType.STRING_SET || a.type() == AttributeType.GEO_POINT) {
                  error(path + "/op", notFor("in", a));
                  return;
                }
                if (!literals.listSize(x.values().size(), path + "/values")) {
                  return;
                }
                int i = 0;
                for (Object v : x.values()) {
                  literals.literal(a, v, path + "/values/" + i++);
                }
              };
          case STRING_MATCH ->
              () -> {
                StringMatch x = (StringMatch) c;
                Attribute<?> a = attribute(scope, x.attribute(), path);
                if (a == null) {
                  return;
                }
                if (a.type() != AttributeType.STRING) {
                  error(path + "/op", notFor(x.op().externalName(), a));
                  return;
                }
                if (x.op() == StringMatch.Op.MATCHES) {
                  literals.pattern(x.value(), path + "/value");
                } else {
                  literals.string(x.value(), path + "/value");
                }
              };
          case TAG_MATCH ->
              () -> {
                TagMatch x = (TagMatch) c;
                Attribute<?> a = attribute(scope, x.attribute(), path);
                if (a != null && a.type() != AttributeType.STRING_SET) {
                  error(path + "/op", notFor(x.op().externalName(), a));
                } else if (a != null && literals.listSize(x.values().size(), path + "/values")) {
                  int i = 0;
                  for (String v : x.values()) {
                    literals.string(v, path + "/values/" + i++);
                  }
                }
              };
          case TAG_COUNT ->
              () -> {
                TagCount x = (TagCount) c;
                Attribute<?> a = attribute(scope, x.attribute(), path);
                if (a != null && a.type() != AttributeType.STRING_SET) {
                  error(path + "/op", notFor("tagCount", a));
                }
              };
          case PRESENCE ->
              () -> {
                attribute(scope, ((Presence) c).attribute(), path);
              };
          case RELATIVE_TIME ->
              () -> {
                RelativeTime x = (RelativeTime) c;
                Attribute<?> a = temporal(scope, x.attribute(), x.op().externalName(), path);
                if (a != null && a.type() == AttributeType.DATE && x.unit().isTimeOfDay()) {
                  error(
                      path + "/unit",
                      x.unit().externalName()
                          + " do not apply to date attribute \""
                          + a.name()
                          + "\"; use days or longer");
                }
              };
          case CALENDAR_WINDOW ->
              () -> {
                temporal(scope, ((CalendarWindow) c).attribute(), "inCalendar", path);
              };
          case ANNIVERSARY ->
              () -> {
                temporal(scope, ((Anniversary) c).attribute(), "anniversary", path);
              };
          case GEO_WITHIN ->
              () -> {
                GeoWithin x = (GeoWithin) c;
                Attribute<?> a = attribute(scope, x.attribute(), path);
                if (a != null && a.type() != AttributeType.GEO_POINT) {
                  error(path + "/op", notFor("withinDistance", a));
                }
              };
          case IN_SEGMENT ->
              () -> {
                String name = ((InSegment) c).segment();
                if (noCatalogReference(scope, "inSegment", path)) {
                  return;
                }
                Spelling.Index names = segmentNames();
                if (!names.contains(name)) {
                  error(
                      path + "/segment",
                      "unknown segment \"" + name + "\"" + names.didYouMean(name));
                }
              };
          case SCORE ->
              () -> {
                String name = ((ScoreCondition) c).score();
                if (noCatalogReference(scope, "score", path)) {
                  return;
                }
                Spelling.Index names = scoreNames();
                if (!names.contains(name)) {
                  error(path + "/score", "unknown score \"" + name + "\"" + names.didYouMean(name));
                }
              };
          case IN_TIER ->
              () -> {
                inTier((InTier) c, scope, path);
              };
          case EVENT ->
              () -> {
                event((EventCondition) c, p, stack);
              };
        };
    check.run();
  }

  private void inTier(InTier x, Scope scope, String path) {
    if (noCatalogReference(scope, "inTier", path)) {
      return;
    }
    Tiering t = tieringsByName().get(x.tiering());
    if (t != null) {
      Spelling.Index tiers = tierNames.computeIfAbsent(t, k -> new Spelling.Index(k.tierNames()));
      if (!tiers.contains(x.tier())) {
        List<String> names = t.tierNames();
        error(
            path + "/tier",
            "tiering \""
                + t.name()
                + "\" has no tier \""
                + x.tier()
                + "\""
                + tiers.didYouMean(x.tier())
                + Spelling.listing("tiers", names, 20));
      }
      return;
    }
    RfmModel m = rfmByName().get(x.tiering());
    if (m != null) {
      if (RfmSegment.fromExternalName(x.tier()) == null) {
        error(
            path + "/tier",
            "\""
                + x.tier()
                + "\" is not an RFM segment"
                + Spelling.didYouMeanAmong(
                    x.tier(), ExternalName.names(RfmSegment.class), "segments"));
      }
      return;
    }
    error(
        path + "/tiering",
        "unknown tiering or RFM model \""
            + x.tiering()
            + "\""
            + tieringNames().didYouMean(x.tiering()));
  }

  private void event(EventCondition x, Pending p, Deque<Pending> stack) {
    String path = p.path();
    if (p.scope().eventFilter()) {
      error(path, "an event condition cannot be used inside an event filter");
      return;
    }
    EventType type = schema.eventType(x.eventType());
    if (type == null) {
      error(
          path + "/type",
          "unknown event type \""
              + x.eventType()
              + "\""
              + Spelling.didYouMean(x.eventType(), schema.eventTypes().keySet()));
      return;
    }
    if (x.property() != null) {
      Attribute<?> property = type.property(x.property());
      if (property == null) {
        error(
            path + "/property",
            "event type \""
                + type.name()
                + "\" has no property \""
                + x.property()
                + "\""
                + Spelling.didYouMean(x.property(), type.properties().keySet()));
      } else if (x.aggregate() != Aggregate.DISTINCT_COUNT && !property.type().isNumeric()) {
        error(
            path + "/property",
            x.aggregate().externalName()
                + " needs a numeric property; \""
                + property.name()
                + "\" is "
                + property.type().inWords());
      }
    }
    Scope properties =
        new Scope(
            type::property,
            type.properties().keySet(),
            "property",
            " of event type \"" + type.name() + "\"",
            true);
    stack.push(new Pending(x.where(), path + "/where", p.depth() + 1, properties));
  }

  private boolean noCatalogReference(Scope scope, String op, String path) {
    if (scope.eventFilter()) {
      error(path, op + " cannot be used inside an event filter, which sees only event properties");
      return true;
    }
    if (catalog == null) {
      error(path, op + " refers to the catalog; check the whole catalog, not this condition alone");
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ leaves

  private Attribute<?> attribute(Scope scope, String name, String path) {
    Attribute<?> a = scope.lookup().apply(name);
    if (a == null) {
      error(
          path + "/attribute",
          "unknown "
              + scope.what()
              + " \""
              + name
              + "\""
              + scope.owner()
              + Spelling.didYouMean(name, scope.names()));
    }
    return a;
  }

  private Attribute<?> temporal(Scope scope, String name, String op, String path) {
    Attribute<?> a = attribute(scope, name, path);
    if (a != null && !a.type().isTemporal()) {
      error(path + "/op", notFor(op, a));
      return null;
    }
    return a;
  }

  private static String notFor(String op, Attribute<?> a) {
    return "\""
        + op
        + "\" does not apply to "
        + a.type().externalName()
        + " attribute \""
        + a.name()
        + "\"";
  }

  // ------------------------------------------------------------------ cycles

  private ReferenceGraph references;

  /** The catalog's reference graph (after {@link #catalog()}). */
  ReferenceGraph references() {
    return references;
  }

  /** Names each cycle among segments, scores and tierings once, where the search met it. */
  private void cycles() {
    references = ReferenceGraph.of(catalog);
    for (int[] cycle : references.cycles()) {
      error(references.path(cycle[0]), references.cycleMessage(cycle));
    }
  }
}
