package dev.segmentation.engine.columnar;

import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.internal.DoubleHashSet;
import dev.segmentation.internal.LongHashSet;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.plan.AttributeSlot;
import dev.segmentation.plan.Plan;
import dev.segmentation.plan.PlanNode;
import dev.segmentation.plan.eval.PlanEvaluator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the leaves of a plan to one table and one evaluation context: picks for each leaf the
 * kernel over its column's actual representation (long or int integers, byte/char/int dictionary
 * codes, tag masks or lists, timestamps with or without nanoseconds), with time bounds resolved
 * once. Columns, types and literals come from the plan node's resolved form ({@link
 * PlanNode#attribute()}, {@link PlanNode#literals()}, {@link PlanNode#property()}): the table
 * follows the plan's schema (the customers', or an event type's properties for a filter plan), so a
 * slot's position is its column. A leaf no kernel covers (anniversaries, a few rare forms) is
 * evaluated row by row through the plan-node evaluator, which is exact for every kind.
 */
final class Binding {
  private final Schema schema;
  private final CustomerTable table;
  private final EvaluationContext ctx;
  private final Plan plan;
  private final PlanEvaluator rows;

  Binding(
      Schema schema, CustomerTable table, EvaluationContext ctx, Plan plan, PlanEvaluator rows) {
    this.schema = schema;
    this.table = table;
    this.ctx = ctx;
    this.plan = plan;
    this.rows = rows;
  }

  /** Plan node {@code n}, row by row through the plan-node evaluator (exact for every kind). */
  private Kernel rowByRow(PlanNode n) {
    assert plan.node(n.id()) == n : n;
    return new Kernel.RowByRow(rows, n.id(), ctx);
  }

  /** The column of a leaf's attribute: the one at its slot's position in the table. */
  private Column column(PlanNode n) {
    AttributeSlot slot = n.attribute();
    assert slot.isIn(schema) && slot.isIn(table.schema()) : slot;
    return table.columns[slot.position()];
  }

  /** The kernel of an attribute leaf (not logic, references or events). */
  Kernel leaf(PlanNode n) {
    Condition c = n.condition();
    return switch (c.kind()) {
      case ALWAYS -> new Kernel.Constant(Truth.TRUE);
      case NEVER -> new Kernel.Constant(Truth.FALSE);
      case PRESENCE -> {
        Presence p = (Presence) c;
        yield new LeafKernel.Presence(column(n).valid, p.present());
      }
      case TAG_MATCH -> tags((TagMatch) c, (DictionaryColumns.TagColumn) column(n), n.literals());
      case TAG_COUNT -> {
        TagCount tc = (TagCount) c;
        DictionaryColumns.TagColumn col = (DictionaryColumns.TagColumn) column(n);
        Interval size = Interval.of(tc.op(), tc.count());
        yield col.masks != null
            ? new LeafKernel.TagMaskSize(col.masks, col.valid, size)
            : new LeafKernel.TagList(
                col, null, 0, LeafKernel.TagList.Mode.SIZE, size, size.negate());
      }
      case GEO_WITHIN -> {
        GeoWithin g = (GeoWithin) c;
        yield new LeafKernel.GeoWithin(
            (PrimitiveColumns.GeoColumn) column(n), g.center(), g.kilometers());
      }
      case COMPARE, BETWEEN, IN, STRING_MATCH, RELATIVE_TIME, CALENDAR_WINDOW -> {
        Kernel k = valueKernel(n);
        yield k != null ? k : rowByRow(n);
      }
      case ANNIVERSARY -> rowByRow(n);
      // The catalog binds operators, references and events itself.
      case AND, OR, NOT, IN_SEGMENT, EVENT, SCORE, IN_TIER ->
          throw new IllegalArgumentException("not an attribute leaf: " + c.kind());
    };
  }

  private Kernel tags(TagMatch m, DictionaryColumns.TagColumn col, List<Object> tags) {
    List<Integer> codes = new ArrayList<>();
    for (Object v : tags) {
      int code = col.codeOf((String) v);
      if (code >= 0) {
        codes.add(code);
      }
    }
    boolean all = m.op() == TagMatch.Op.CONTAINS_ALL;
    if (all && codes.size() < tags.size()) {
      return new LeafKernel.Valued(col.valid, false); // a wanted tag no row has
    }
    boolean none = m.op() == TagMatch.Op.CONTAINS_NONE;
    if (col.masks != null) {
      long wanted = 0;
      for (int code : codes) {
        wanted |= 1L << code;
      }
      return new LeafKernel.TagMask(col.masks, col.valid, wanted, all, none);
    }
    boolean[] wanted = new boolean[Math.max(1, col.dictionary.length)];
    for (int code : codes) {
      wanted[code] = true;
    }
    return new LeafKernel.TagList(
        col,
        wanted,
        codes.size(),
        all ? LeafKernel.TagList.Mode.ALL : LeafKernel.TagList.Mode.ANY,
        null,
        none);
  }

  /**
   * A kernel for a comparison-like leaf on one attribute, or null for row by row. The literals are
   * the node's, typed for the column's type ({@link PlanNode#literals()}).
   */
  private Kernel valueKernel(PlanNode n) {
    Condition c = n.condition();
    Column col = column(n);
    List<Object> literals = n.literals();
    switch (n.attribute().type()) {
      case STRING:
        return dictionary(n, (DictionaryColumns.StringColumn) col);
      case INTEGER:
        return integer(c, literals, (PrimitiveColumns.IntegerColumn) col);
      case NUMBER:
        return number(c, literals, (PrimitiveColumns.NumberColumn) col);
      case BOOLEAN:
        return bool(c, literals, (PrimitiveColumns.BooleanColumn) col);
      case DATE:
        return date(c, literals, (PrimitiveColumns.DateColumn) col);
      case TIMESTAMP:
        return timestamp(c, literals, (PrimitiveColumns.TimestampColumn) col);
      default:
        return null;
    }
  }

  private static Kernel integerRange(PrimitiveColumns.WholeNumbers col, Interval i) {
    return col.ints != null
        ? new LeafKernel.IntRange(col.ints, col.valid, i)
        : new LeafKernel.LongRange(col.longs, col.valid, i, col.min, col.max);
  }

  private static Kernel integer(
      Condition c, List<Object> literals, PrimitiveColumns.IntegerColumn col) {
    if (c instanceof Compare cmp) {
      return integerRange(col, Interval.of(cmp.op(), (Number) literals.get(0)));
    }
    if (c instanceof Between) {
      Number lo = (Number) literals.get(0);
      Number hi = (Number) literals.get(1);
      return integerRange(
          col, Interval.of(Operator.GE, lo).intersect(Interval.of(Operator.LE, hi)));
    }
    if (c instanceof In) {
      List<Long> longs = new ArrayList<>();
      for (Object v : literals) {
        if (v instanceof Long l) { // a Double the plan left is a value no integer equals
          longs.add(l);
        }
      }
      return new LeafKernel.IntegerIn(
          col.longs, col.ints, col.valid, LongHashSet.of(toArray(longs)));
    }
    return null;
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  private static Kernel number(
      Condition c, List<Object> literals, PrimitiveColumns.NumberColumn col) {
    if (c instanceof Compare cmp) {
      return new LeafKernel.DoubleRange(
          col.values, col.valid, DoubleInterval.of(cmp.op(), (Number) literals.get(0)));
    }
    if (c instanceof Between) {
      Number lo = (Number) literals.get(0);
      Number hi = (Number) literals.get(1);
      return new LeafKernel.DoubleRange(
          col.values,
          col.valid,
          DoubleInterval.of(Operator.GE, lo).intersect(DoubleInterval.of(Operator.LE, hi)));
    }
    if (c instanceof In) {
      List<Double> doubles = new ArrayList<>();
      List<Long> longs = new ArrayList<>();
      for (Object v : literals) {
        if (v instanceof Double d) {
          doubles.add(d + 0.0);
        } else if (v instanceof Long l) {
          longs.add(l);
        }
      }
      return new LeafKernel.DoubleIn(
          col.values,
          col.valid,
          DoubleHashSet.of(doubles.stream().mapToDouble(Double::doubleValue).toArray()),
          LongHashSet.of(toArray(longs)));
    }
    return null;
  }

  private static Kernel bool(
      Condition c, List<Object> literals, PrimitiveColumns.BooleanColumn col) {
    if (c instanceof Compare cmp) {
      boolean b = (Boolean) literals.get(0);
      boolean eq = cmp.op() == Operator.EQ;
      return new LeafKernel.BooleanIs(col, b == eq, b != eq);
    }
    if (c instanceof In) {
      return new LeafKernel.BooleanIs(
          col, literals.contains(Boolean.TRUE), literals.contains(Boolean.FALSE));
    }
    return null;
  }

  private Kernel date(Condition c, List<Object> literals, PrimitiveColumns.DateColumn col) {
    if (c instanceof Compare cmp) {
      return integerRange(col, Interval.of(cmp.op(), ((LocalDate) literals.get(0)).toEpochDay()));
    }
    if (c instanceof Between) {
      long lo = ((LocalDate) literals.get(0)).toEpochDay();
      long hi = ((LocalDate) literals.get(1)).toEpochDay();
      return integerRange(
          col, Interval.of(Operator.GE, lo).intersect(Interval.of(Operator.LE, hi)));
    }
    if (c instanceof In) {
      List<Long> days = new ArrayList<>();
      for (Object v : literals) {
        days.add(((LocalDate) v).toEpochDay());
      }
      return new LeafKernel.IntegerIn(
          col.longs, col.ints, col.valid, LongHashSet.of(toArray(days)));
    }
    if (c instanceof RelativeTime r) {
      if (r.unit().isTimeOfDay()) {
        return null;
      }
      long boundary = ctx.minusDays(r.amount(), r.unit());
      long today = ctx.asOfDate().toEpochDay();
      return integerRange(
          col,
          r.op() == RelativeTime.Op.WITHIN_LAST
              ? new Interval(boundary + 1, today, false)
              : new Interval(Long.MIN_VALUE, boundary, false));
    }
    if (c instanceof CalendarWindow w) {
      return integerRange(
          col,
          new Interval(ctx.periodStartDay(w.period()), ctx.periodEndDay(w.period()) - 1, false));
    }
    return null;
  }

  /** Comparisons, ranges and time windows on a timestamp column; null for other leaves. */
  private Kernel timestamp(
      Condition c, List<Object> literals, PrimitiveColumns.TimestampColumn col) {
    if (c instanceof Compare cmp) {
      Instant t = (Instant) literals.get(0);
      return switch (cmp.op()) {
        case EQ -> instants(col, t, true, t, true, false);
        case NE -> instants(col, t, true, t, true, true);
        case LT -> instants(col, null, false, t, false, false);
        case LE -> instants(col, null, false, t, true, false);
        case GT -> instants(col, t, false, null, false, false);
        case GE -> instants(col, t, true, null, false, false);
      };
    }
    if (c instanceof Between) {
      return instants(col, (Instant) literals.get(0), true, (Instant) literals.get(1), true, false);
    }
    if (c instanceof RelativeTime r) {
      Instant boundary = ctx.minus(r.amount(), r.unit());
      return r.op() == RelativeTime.Op.WITHIN_LAST
          ? instants(col, boundary, false, ctx.asOf(), true, false)
          : instants(col, null, false, boundary, true, false);
    }
    if (c instanceof CalendarWindow w) {
      return instants(
          col, ctx.periodStart(w.period()), true, ctx.periodEnd(w.period()), false, false);
    }
    return null;
  }

  private static Kernel instants(
      PrimitiveColumns.TimestampColumn col,
      Instant low,
      boolean lowInclusive,
      Instant high,
      boolean highInclusive,
      boolean negate) {
    InstantInterval i = InstantInterval.of(low, lowInclusive, high, highInclusive);
    if (col.nanos == null) {
      return new LeafKernel.LongRange(
          col.seconds, col.valid, i.seconds(negate), LeafKernel.SECOND_MIN, LeafKernel.SECOND_MAX);
    }
    return new LeafKernel.InstantRange(
        col.seconds, col.nanos, col.valid, i.loSec(), i.loNano(), i.hiSec(), i.hiNano(), negate);
  }

  /**
   * A string leaf, evaluated once per distinct value of the column's dictionary through the row
   * engine (so every string operator, case folding and RE2 pattern behaves exactly as there).
   */
  private Kernel dictionary(PlanNode n, DictionaryColumns.StringColumn col) {
    int leaf = n.id();
    String attribute = n.attribute().name();
    boolean[] truth = new boolean[Math.max(1, col.dictionary.length)];
    // The leaf reads only this attribute, and no string leaf depends on time.
    EvaluationContext anyTime = EvaluationContext.at(Instant.EPOCH);
    for (int code = 0; code < col.dictionary.length; code++) {
      Customer one =
          Customer.builder(schema, "dictionary").set(attribute, col.dictionary[code]).build();
      truth[code] = rows.node(leaf, one, anyTime) == Truth.TRUE;
    }
    if (col.bytes != null) {
      return new LeafKernel.ByteCodes(col.bytes, col.valid, truth);
    }
    if (col.chars != null) {
      return new LeafKernel.CharCodes(col.chars, col.valid, truth);
    }
    return new LeafKernel.IntCodes(col.ints, col.valid, truth);
  }

  /**
   * The kernel of event node {@code n}, whose filter's TRUE words over events are {@code where}:
   * its property's column is the one at the plan's property slot among the event type's property
   * columns.
   */
  Kernel event(PlanNode n, long[] where) {
    EventCondition e = (EventCondition) n.condition();
    EventColumns events = table.events(n.eventType().name());
    Column property = null;
    AttributeSlot slot = n.property();
    if (slot != null) {
      assert slot.isIn(events.properties.schema()) : slot;
      property = events.properties.columns[slot.position()];
      if (e.aggregate() == dev.segmentation.condition.Aggregate.DISTINCT_COUNT
          && !EventKernel.hasDistinctKey(property)) {
        return rowByRow(n);
      }
    }
    EvaluationContext.Range r = ctx.range(e.window());
    return new EventKernel(
        events,
        InstantInterval.of(r.low(), r.lowInclusive(), r.high(), r.highInclusive()),
        where,
        e.aggregate(),
        property,
        e.op(),
        e.value(),
        ctx.asOf());
  }
}
