package dev.segmentation.rewrite;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.internal.CodePointOrder;
import dev.segmentation.model.Values;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simplifies conditions before compilation, preserving the exact three-valued result (TRUE, FALSE
 * or UNKNOWN) on every customer: flattens nested AND/OR, folds constants, removes duplicate
 * operands, and pushes NOT down to the leaves (De Morgan; {@code NOT age < 30} is {@code age >=
 * 30}, which is UNKNOWN exactly when the original is). It repeats to a fixpoint and returns the
 * same instance when nothing changes.
 *
 * <pre>{@code
 * Rewriter.rewrite(new Not(And.of(a, new Not(b))));  // Or.of(new Not(a), b), with NOT pushed into a
 * }</pre>
 *
 * <p>Contradictions such as {@code age > 50 and age < 30} are reported by {@link #analyze} as
 * conditions that can never match. They are not replaced by {@link Never}: the conjunction is FALSE
 * when the customer has an age but UNKNOWN when it has none, and that difference is visible through
 * {@code NOT} and {@code inSegment}. The rewrite keeps it exactly as {@code isMissing(age) and age
 * > 50}, which is cheap to evaluate and has the same three values.
 */
public final class Rewriter {
  private Rewriter() {}

  /** Deeper trees are left as they are below this depth; checked rules are far shallower. */
  private static final int MAX_DEPTH = 1_000;

  /**
   * A condition that cannot match, found by {@link #analyze}.
   *
   * @param path JSON Pointer to the conjunction, relative to the analysed condition
   * @param reason why no value satisfies it
   */
  public record Finding(String path, String reason) {}

  /**
   * The rewritten condition and the conjunctions that can never match.
   *
   * @param condition the rewritten condition (exactly equivalent)
   * @param neverMatches contradictions in the original condition, with their paths
   */
  public record RewriteResult(Condition condition, ImmutableList<Finding> neverMatches) {}

  /** An equivalent, simpler condition; {@code condition} itself when nothing changes. */
  public static Condition rewrite(Condition condition) {
    if (condition == null) {
      throw new IllegalArgumentException("condition must not be null");
    }
    Condition current = condition;
    for (int i = 0; i < 16; i++) {
      Condition next = once(current, 0);
      if (next == current) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /** The rewritten condition and the contradictions found in {@code condition}. */
  public static RewriteResult analyze(Condition condition) {
    return new RewriteResult(rewrite(condition), neverMatches(condition));
  }

  /**
   * The conjunctions of {@code condition} that can never match, with their paths, without rewriting
   * it (what the checker warns about).
   */
  public static ImmutableList<Finding> neverMatches(Condition condition) {
    if (condition == null) {
      throw new IllegalArgumentException("condition must not be null");
    }
    return contradictions(condition);
  }

  // ------------------------------------------------------------------ rewriting

  private static Condition once(Condition c, int depth) {
    if (depth > MAX_DEPTH) {
      return c;
    }
    if (!c.kind().isOperator()) {
      return c;
    }
    return c.kind() == Kind.NOT ? negate(((Not) c).of(), (Not) c, depth) : junction(c, depth);
  }

  private static Condition junction(Condition c, int depth) {
    boolean and = c.kind() == Kind.AND;
    List<Condition> original = c.children();
    Set<Condition> operands = new LinkedHashSet<>();
    boolean changed = false;
    for (Condition child : original) {
      Condition r = once(child, depth + 1);
      changed |= r != child;
      if (r.kind() == c.kind()) {
        operands.addAll(r.children()); // flatten
        changed = true;
      } else if (r.kind() == (and ? Kind.ALWAYS : Kind.NEVER)) {
        changed = true; // the neutral element
      } else if (r.kind() == (and ? Kind.NEVER : Kind.ALWAYS)) {
        return r; // the absorbing element decides (it never is UNKNOWN)
      } else {
        changed |= !operands.add(r); // a duplicate: AND and OR are idempotent
      }
    }
    if (operands.isEmpty()) {
      return and ? new Always() : new Never();
    }
    if (operands.size() == 1) {
      return operands.iterator().next();
    }
    if (and) {
      List<Condition> contradiction = resolveContradictions(new ArrayList<>(operands));
      if (contradiction != null) {
        return new And(ImmutableList.copyOf(contradiction));
      }
    }
    if (!changed) {
      return c;
    }
    ImmutableList<Condition> list = ImmutableList.copyOf(operands);
    return and ? new And(list) : new Or(list);
  }

  /** NOT {@code x}, pushed into {@code x} where that is exact; {@code original} if unchanged. */
  private static Condition negate(Condition x, Not original, int depth) {
    return switch (x.kind()) {
      case ALWAYS -> new Never();
      case NEVER -> new Always();
      case NOT -> once(((Not) x).of(), depth + 1);
      case AND, OR -> {
        ImmutableList.Builder<Condition> negated = ImmutableList.builder();
        for (Condition child : x.children()) {
          negated.add(new Not(child));
        }
        Condition pushed =
            x.kind() == Kind.AND ? new Or(negated.build()) : new And(negated.build());
        yield once(pushed, depth + 1);
      }
      case COMPARE -> {
        Compare cmp = (Compare) x;
        yield new Compare(cmp.attribute(), cmp.op().negate(), cmp.value());
      }
      case BETWEEN -> {
        Between b = (Between) x;
        yield Or.of(
            new Compare(b.attribute(), Operator.LT, b.low()),
            new Compare(b.attribute(), Operator.GT, b.high()));
      }
      case PRESENCE -> {
        Presence p = (Presence) x;
        yield new Presence(p.attribute(), !p.present());
      }
      case TAG_MATCH -> {
        TagMatch t = (TagMatch) x;
        yield switch (t.op()) {
          case CONTAINS_ANY -> new TagMatch(t.attribute(), TagMatch.Op.CONTAINS_NONE, t.values());
          case CONTAINS_NONE -> new TagMatch(t.attribute(), TagMatch.Op.CONTAINS_ANY, t.values());
          case CONTAINS_ALL -> original;
        };
      }
      case TAG_COUNT -> {
        TagCount t = (TagCount) x;
        yield new TagCount(t.attribute(), t.op().negate(), t.count());
      }
      case SCORE -> {
        ScoreCondition s = (ScoreCondition) x;
        yield new ScoreCondition(s.score(), s.op().negate(), s.value());
      }
      case EVENT -> {
        EventCondition e = (EventCondition) x;
        yield new EventCondition(
            e.eventType(),
            e.where(),
            e.window(),
            e.aggregate(),
            e.property(),
            e.op().negate(),
            e.value());
      }
      // No exact negated form: NOT stays (its operand still simplified).
      case IN,
          STRING_MATCH,
          RELATIVE_TIME,
          CALENDAR_WINDOW,
          ANNIVERSARY,
          GEO_WITHIN,
          IN_SEGMENT,
          IN_TIER -> {
        Condition inner = once(x, depth + 1);
        yield inner == x ? original : new Not(inner);
      }
    };
  }

  // ------------------------------------------------------------------ contradictions

  /**
   * If some attribute's comparisons among {@code operands} admit no value, the operands with those
   * leaves replaced by {@code isMissing(attribute)} and the first of them (exactly equivalent, see
   * the class comment); otherwise null.
   */
  private static List<Condition> resolveContradictions(List<Condition> operands) {
    Map<String, List<Condition>> byAttribute = groups(operands);
    for (Map.Entry<String, List<Condition>> g : byAttribute.entrySet()) {
      if (g.getValue().size() > 1 && contradiction(g.getValue()) != null) {
        Presence missing = Presence.isMissing(g.getKey());
        if (operands.contains(missing)) {
          return null; // already in the resolved form
        }
        List<Condition> out = new ArrayList<>();
        boolean placed = false;
        for (Condition c : operands) {
          if (!g.getValue().contains(c)) {
            out.add(c);
          } else if (!placed) {
            out.add(missing);
            out.add(c);
            placed = true;
          }
        }
        return out;
      }
    }
    return null;
  }

  private static Map<String, List<Condition>> groups(List<Condition> operands) {
    Map<String, List<Condition>> byAttribute = new LinkedHashMap<>();
    for (Condition c : operands) {
      String attribute =
          c instanceof Compare x
              ? x.attribute()
              : c instanceof Between x ? x.attribute() : c instanceof In x ? x.attribute() : null;
      if (attribute != null) {
        byAttribute.computeIfAbsent(attribute, k -> new ArrayList<>()).add(c);
      }
    }
    return byAttribute;
  }

  private static ImmutableList<Finding> contradictions(Condition root) {
    ImmutableList.Builder<Finding> out = ImmutableList.builder();
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, ""});
    while (!stack.isEmpty()) {
      Object[] item = stack.pop();
      Condition c = (Condition) item[0];
      String path = (String) item[1];
      if (path.length() > 20 * MAX_DEPTH) {
        continue;
      }
      if (c.kind() == Kind.AND) {
        for (List<Condition> group : groups(c.children()).values()) {
          String reason = group.size() > 1 ? contradiction(group) : null;
          if (reason != null) {
            out.add(new Finding(path, reason));
          }
        }
      }
      if (c.kind() == Kind.AND || c.kind() == Kind.OR) {
        for (int i = c.children().size() - 1; i >= 0; i--) {
          stack.push(new Object[] {c.children().get(i), path + "/of/" + i});
        }
      } else if (c.kind() == Kind.NOT) {
        stack.push(new Object[] {((Not) c).of(), path + "/of"});
      }
    }
    return out.build();
  }

  /**
   * Why no value satisfies all of {@code leaves} (comparisons, ranges and lists on one attribute),
   * or null when some value might.
   */
  private static String contradiction(List<Condition> leaves) {
    List<Object> literals = new ArrayList<>();
    for (Condition c : leaves) {
      if (c instanceof Compare x) {
        literals.add(x.value());
      } else if (c instanceof Between b) {
        literals.add(b.low());
        literals.add(b.high());
      } else if (c instanceof In in) {
        literals.addAll(in.values());
      }
    }
    for (Object literal : literals) {
      if (!comparable(literals.get(0), literal)) {
        return null; // literals of different types: the checker reports those
      }
    }
    Object low = null;
    boolean lowInclusive = true;
    Object high = null;
    boolean highInclusive = true;
    Object equal = null;
    Set<Object> allowed = null;
    for (Condition c : leaves) {
      if (c instanceof Compare x) {
        Object v = x.value();
        switch (x.op()) {
          case EQ:
            if (equal != null && compare(equal, v) != 0) {
              return describe(leaves) + " contradict: no value equals both";
            }
            equal = v;
            break;
          case GT:
          case GE:
            if (low == null
                || compare(v, low) > 0
                || (compare(v, low) == 0 && x.op() == Operator.GT)) {
              low = v;
              lowInclusive = x.op() == Operator.GE;
            }
            break;
          case LT:
          case LE:
            if (high == null
                || compare(v, high) < 0
                || (compare(v, high) == 0 && x.op() == Operator.LT)) {
              high = v;
              highInclusive = x.op() == Operator.LE;
            }
            break;
          case NE:
            break;
        }
      } else if (c instanceof Between b) {
        if (low == null || compare(b.low(), low) > 0) {
          low = b.low();
          lowInclusive = true;
        }
        if (high == null || compare(b.high(), high) < 0) {
          high = b.high();
          highInclusive = true;
        }
      } else if (c instanceof In in) {
        Set<Object> values = new LinkedHashSet<>(in.values());
        if (allowed != null) {
          Set<Object> kept = new LinkedHashSet<>();
          for (Object a : allowed) {
            for (Object v : values) {
              if (compare(a, v) == 0) {
                kept.add(a);
              }
            }
          }
          values = kept;
        }
        allowed = values;
      }
    }
    if (low != null && high != null) {
      int cmp = compare(low, high);
      if (cmp > 0 || (cmp == 0 && !(lowInclusive && highInclusive))) {
        return describe(leaves) + " contradict: no value satisfies both bounds";
      }
    }
    if (equal != null && !within(equal, low, lowInclusive, high, highInclusive)) {
      return describe(leaves) + " contradict: the value is outside the range";
    }
    if (allowed != null) {
      for (Object v : allowed) {
        if (within(v, low, lowInclusive, high, highInclusive)
            && (equal == null || compare(v, equal) == 0)) {
          return null;
        }
      }
      return describe(leaves) + " contradict: no listed value satisfies the others";
    }
    return null;
  }

  private static boolean within(
      Object v, Object low, boolean lowInclusive, Object high, boolean highInclusive) {
    if (low != null) {
      int c = compare(v, low);
      if (c < 0 || (c == 0 && !lowInclusive)) {
        return false;
      }
    }
    if (high != null) {
      int c = compare(v, high);
      return c < 0 || (c == 0 && highInclusive);
    }
    return true;
  }

  private static boolean comparable(Object a, Object b) {
    return (a instanceof Number && b instanceof Number)
        || (a instanceof String && b instanceof String)
        || (a instanceof LocalDate && b instanceof LocalDate)
        || (a instanceof Instant && b instanceof Instant)
        || (a instanceof Boolean && b instanceof Boolean);
  }

  /** Compares two literals of the same kind (guarded by {@link #comparable}). */
  private static int compare(Object a, Object b) {
    if (a instanceof Number x) {
      return Values.compareNumbers(x, (Number) b);
    }
    if (a instanceof String x) {
      return CodePointOrder.compare(x, (String) b);
    }
    if (a instanceof LocalDate x) {
      return x.compareTo((LocalDate) b);
    }
    if (a instanceof Instant x) {
      return x.compareTo((Instant) b);
    }
    return Boolean.compare((Boolean) a, (Boolean) b);
  }

  private static String describe(List<Condition> leaves) {
    List<String> parts = new ArrayList<>();
    for (Condition c : leaves) {
      if (c instanceof Compare x) {
        parts.add(x.attribute() + " " + x.op().symbol() + " " + show(x.value()));
      } else if (c instanceof Between b) {
        parts.add(b.attribute() + " between " + show(b.low()) + " and " + show(b.high()));
      } else if (c instanceof In in) {
        parts.add(in.attribute() + " in " + in.values());
      }
    }
    return String.join(" and ", parts);
  }

  private static String show(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }
}
