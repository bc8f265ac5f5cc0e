package dev.segmentation.rewrite;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
  static final int MAX_DEPTH = 1_000;

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
   * @param neverMatches contradictions in the original condition, with their paths (unmodifiable)
   */
  public record RewriteResult(Condition condition, List<Finding> neverMatches) {
    public RewriteResult {
      neverMatches = ImmutableList.copyOf(neverMatches);
    }
  }

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
  public static List<Finding> neverMatches(Condition condition) {
    if (condition == null) {
      throw new IllegalArgumentException("condition must not be null");
    }
    return Contradictions.findings(condition);
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
      List<Condition> contradiction = Contradictions.resolve(new ArrayList<>(operands));
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
}
