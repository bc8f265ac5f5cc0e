package dev.segmentation.check;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.Kind;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A catalog that passed a check against a schema with no error: what the engines compile. The only
 * way to obtain one is {@link Checker#checked(Catalog, Schema)} (or {@link CheckResult#checked()}),
 * so an engine given a {@code CheckedCatalog} never checks again.
 *
 * <pre>{@code
 * CheckedCatalog checked = Checker.standard().checked(catalog, schema); // CheckException on errors
 * CompiledCatalog rows = RowEngine.compile(checked);
 * ColumnarCatalog batch = ColumnarEngine.compile(checked); // no second check
 * }</pre>
 *
 * Immutable and thread-safe (catalogs, schemas and limits are).
 */
public final class CheckedCatalog {
  private final Catalog catalog;
  private final Schema schema;
  private final Limits limits;
  private final ReferenceGraph references;
  private final ImmutableList<Issue> warnings;

  CheckedCatalog(
      Catalog catalog,
      Schema schema,
      Limits limits,
      ReferenceGraph references,
      ImmutableList<Issue> warnings) {
    this.catalog = catalog;
    this.schema = schema;
    this.limits = limits;
    this.references = references;
    this.warnings = warnings;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Schema schema() {
    return schema;
  }

  /** The limits it was checked with; they also bound compilation. */
  public Limits limits() {
    return limits;
  }

  /** The references among its segments, scores and tierings: the dependency order. */
  public ReferenceGraph references() {
    return references;
  }

  /**
   * The filters ({@code where}) of this catalog's conditions on events of {@code eventType} (which
   * read only property values: the check refuses segments, scores, tiers and events inside a
   * filter), as a checked catalog over the event type's properties: segment {@code i} is the {@code
   * i}th distinct filter in the order segments, score rules and tiers are written. Each filter was
   * checked as part of this catalog, so nothing is checked again; a backend that evaluates filters
   * over a table of events compiles this catalog. Empty when no condition filters that event type.
   *
   * @throws IllegalArgumentException when the schema has no such event type
   */
  public CheckedCatalog eventFilters(String eventType) {
    EventType type = schema.eventType(eventType);
    if (type == null) {
      throw new IllegalArgumentException("the schema has no event type \"" + eventType + "\"");
    }
    Set<Condition> filters = new LinkedHashSet<>();
    Deque<Condition> stack = new ArrayDeque<>();
    for (Condition root : roots()) {
      stack.push(root);
      while (!stack.isEmpty()) {
        Condition c = stack.pop();
        if (c.kind() == Kind.EVENT) {
          EventCondition e = (EventCondition) c;
          if (e.eventType().equals(eventType) && e.where().kind() != Kind.ALWAYS) {
            // The check refuses references and events inside a filter.
            assert readsOnlyValues(e.where()) : e.where();
            filters.add(e.where());
          }
        } else {
          List<Condition> operands = c.children();
          for (int i = operands.size() - 1; i >= 0; i--) {
            stack.push(operands.get(i));
          }
        }
      }
    }
    List<Segment> segments = new ArrayList<>();
    for (Condition where : filters) {
      segments.add(Segment.of("where-" + segments.size(), where));
    }
    Catalog filterCatalog = Catalog.of(segments.toArray(new Segment[0]));
    return new CheckedCatalog(
        filterCatalog,
        Schema.ofProperties(type),
        limits,
        ReferenceGraph.of(filterCatalog),
        ImmutableList.of());
  }

  /**
   * Whether a condition reads only attribute values (no segment, score, tier or event), so that it
   * can be evaluated over a table of event properties.
   */
  private static boolean readsOnlyValues(Condition c) {
    Deque<Condition> stack = new ArrayDeque<>();
    stack.push(c);
    while (!stack.isEmpty()) {
      Condition x = stack.pop();
      boolean onlyValues =
          switch (x.kind()) {
            case IN_SEGMENT, SCORE, IN_TIER, EVENT -> false;
            case AND, OR, NOT -> {
              x.children().forEach(stack::push);
              yield true;
            }
            case ALWAYS,
                NEVER,
                COMPARE,
                BETWEEN,
                IN,
                STRING_MATCH,
                TAG_MATCH,
                TAG_COUNT,
                PRESENCE,
                RELATIVE_TIME,
                CALENDAR_WINDOW,
                ANNIVERSARY,
                GEO_WITHIN ->
                true;
          };
      if (!onlyValues) {
        return false;
      }
    }
    return true;
  }

  /** Every condition as written: segments, then score rules, then tiers. */
  private List<Condition> roots() {
    List<Condition> roots = new ArrayList<>();
    catalog.segments().forEach(s -> roots.add(s.condition()));
    catalog.scores().forEach(m -> m.rules().forEach(r -> roots.add(r.condition())));
    catalog.tierings().forEach(t -> t.tiers().forEach(tier -> roots.add(tier.condition())));
    return roots;
  }

  /** What the check warned about (conditions that can never match, unused group caps, ...). */
  public List<Issue> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "CheckedCatalog["
        + catalog.segments().size()
        + " segments, "
        + warnings.size()
        + " warnings]";
  }
}
