package dev.segmentation.rewrite;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.model.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The never-matches analysis of {@link Rewriter}: conjunctions whose comparisons, ranges and lists
 * on one attribute admit no value ({@code age > 50 and age < 30}), found for the checker's warnings
 * ({@link #findings}) and resolved for the rewrite ({@link #resolve}; see {@link Rewriter} for why
 * such a conjunction is not {@code never}).
 */
final class Contradictions {
  private Contradictions() {}

  /**
   * If some attribute's comparisons among {@code operands} admit no value, the operands with those
   * leaves replaced by {@code isMissing(attribute)} and the first of them (exactly equivalent, see
   * the class comment); otherwise null.
   */
  static List<Condition> resolve(List<Condition> operands) {
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

  static ImmutableList<Rewriter.Finding> findings(Condition root) {
    ImmutableList.Builder<Rewriter.Finding> out = ImmutableList.builder();
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, ""});
    while (!stack.isEmpty()) {
      Object[] item = stack.pop();
      Condition c = (Condition) item[0];
      String path = (String) item[1];
      if (path.length() > 20 * Rewriter.MAX_DEPTH) {
        continue;
      }
      if (c.kind() == Kind.AND) {
        for (List<Condition> group : groups(c.children()).values()) {
          String reason = group.size() > 1 ? contradiction(group) : null;
          if (reason != null) {
            out.add(new Rewriter.Finding(path, reason));
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
      if (!Values.comparableLiterals(literals.get(0), literal)) {
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
            if (equal != null && Values.compareLiterals(equal, v) != 0) {
              return describe(leaves) + " contradict: no value equals both";
            }
            equal = v;
            break;
          case GT:
          case GE:
            if (low == null
                || Values.compareLiterals(v, low) > 0
                || (Values.compareLiterals(v, low) == 0 && x.op() == Operator.GT)) {
              low = v;
              lowInclusive = x.op() == Operator.GE;
            }
            break;
          case LT:
          case LE:
            if (high == null
                || Values.compareLiterals(v, high) < 0
                || (Values.compareLiterals(v, high) == 0 && x.op() == Operator.LT)) {
              high = v;
              highInclusive = x.op() == Operator.LE;
            }
            break;
          case NE:
            break;
        }
      } else if (c instanceof Between b) {
        if (low == null || Values.compareLiterals(b.low(), low) > 0) {
          low = b.low();
          lowInclusive = true;
        }
        if (high == null || Values.compareLiterals(b.high(), high) < 0) {
          high = b.high();
          highInclusive = true;
        }
      } else if (c instanceof In in) {
        Set<Object> values = new LinkedHashSet<>(in.values());
        if (allowed != null) {
          Set<Object> kept = new LinkedHashSet<>();
          for (Object a : allowed) {
            for (Object v : values) {
              if (Values.compareLiterals(a, v) == 0) {
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
      int cmp = Values.compareLiterals(low, high);
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
            && (equal == null || Values.compareLiterals(v, equal) == 0)) {
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
      int c = Values.compareLiterals(v, low);
      if (c < 0 || (c == 0 && !lowInclusive)) {
        return false;
      }
    }
    if (high != null) {
      int c = Values.compareLiterals(v, high);
      return c < 0 || (c == 0 && highInclusive);
    }
    return true;
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
