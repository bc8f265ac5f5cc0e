package dev.segmentation.plan.eval;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.internal.StringHashSet;
import dev.segmentation.model.Customer;
import dev.segmentation.model.ValueSource;
import java.util.Set;

/**
 * A Kleene AND or OR whose operands are simple leaves, evaluated in one method: a number range on a
 * long or double read ({@link Leaves.NumberLeaf}), a string in a set ({@link Leaves.StringInLeaf}),
 * a boolean ({@link Leaves.BooleanLeaf}), a tag test ({@link Leaves.TagLeaf}) and an epoch-day or
 * epoch-millisecond range ({@link Leaves.EpochLeaf}); at most one operand may be any other node.
 * Each operand is a kind code and its parameters in arrays, so the one method reads the value
 * through the customer's own read ({@link ValueSource#longValue} and its kin, whose call sites see
 * only the customer classes, not the node classes), tests it as a two-valued boolean and makes a
 * {@link Truth} only for the result: no per-operand call, class guard or Truth result as in {@link
 * Logic.JunctionNode}.
 *
 * <p>Semantics are exactly the unfused junction's: the operands run in order, the decisive value
 * (FALSE for AND, TRUE for OR) stops evaluation and is the result even after an UNKNOWN, otherwise
 * UNKNOWN if any operand was UNKNOWN, else the identity. A value the fast read does not give (no
 * value, the sentinel, a non-canonical class) goes through the leaf's own slow path ({@link
 * Leaf#confirm}, {@link Leaf#notAccepted}), so absent values, conversions and invalid data behave
 * as the leaf does. {@link #explain} is the unfused junction's.
 */
final class FusedJunction extends Node {
  private static final byte LONG = 0;
  private static final byte DOUBLE = 1;
  private static final byte STRING_IN = 2;
  private static final byte BOOLEAN = 3;
  private static final byte TAGS = 4;
  private static final byte EPOCH_DAY = 5;
  private static final byte EPOCH_MILLI = 6;
  private static final byte OTHER = 7;

  // Operand results inside eval.
  private static final int FALSE = 0;
  private static final int TRUE = 1;
  private static final int UNKNOWN = 2;

  private final Logic.JunctionNode unfused;
  private final int decisive; // FALSE for AND, TRUE for OR
  private final Truth decisiveTruth;
  private final Truth identity;
  private final byte[] kinds;
  private final int[] positions;
  private final String[] attributes;
  private final Node[] nodes; // the operands (a Leaf for every kind but OTHER)
  private final NumberRange[] ranges; // LONG, DOUBLE, EPOCH_*
  private final StringHashSet[] sets; // STRING_IN
  private final boolean[] flags; // STRING_IN: negated; BOOLEAN: wanted
  private final Leaves.TagLeaf[] tags; // TAGS

  private FusedJunction(Node[] of, boolean and, byte[] kinds) {
    this.unfused = and ? Logic.JunctionNode.and(of) : Logic.JunctionNode.or(of);
    this.decisive = and ? FALSE : TRUE;
    this.decisiveTruth = and ? Truth.FALSE : Truth.TRUE;
    this.identity = and ? Truth.TRUE : Truth.FALSE;
    int n = of.length;
    this.kinds = kinds;
    this.nodes = of.clone();
    this.positions = new int[n];
    this.attributes = new String[n];
    this.ranges = new NumberRange[n];
    this.sets = new StringHashSet[n];
    this.flags = new boolean[n];
    this.tags = new Leaves.TagLeaf[n];
    for (int i = 0; i < n; i++) {
      if (of[i] instanceof Leaf leaf) {
        positions[i] = leaf.position;
        attributes[i] = leaf.attribute;
      }
      if (of[i] instanceof Leaves.NumberLeaf l) {
        ranges[i] = l.range;
      } else if (of[i] instanceof Leaves.EpochLeaf l) {
        ranges[i] = l.range;
      } else if (of[i] instanceof Leaves.StringInLeaf l) {
        sets[i] = l.values;
        flags[i] = l.negated;
      } else if (of[i] instanceof Leaves.BooleanLeaf l) {
        flags[i] = l.wanted;
      } else if (of[i] instanceof Leaves.TagLeaf l) {
        tags[i] = l;
      }
    }
  }

  /**
   * The junction of {@code of}: fused when at least two operands are simple leaves and at most one
   * is not, else the unrolled {@link Logic.JunctionNode}.
   */
  static Node of(Node[] of, boolean and) {
    byte[] kinds = new byte[of.length];
    int other = 0;
    for (int i = 0; i < of.length; i++) {
      kinds[i] = kind(of[i]);
      other += kinds[i] == OTHER ? 1 : 0;
    }
    if (of.length - other >= 2 && other <= 1) {
      return new FusedJunction(of, and, kinds);
    }
    return and ? Logic.JunctionNode.and(of) : Logic.JunctionNode.or(of);
  }

  private static byte kind(Node n) {
    if (n instanceof Leaves.NumberLeaf l) {
      return l.integer ? LONG : DOUBLE;
    }
    if (n instanceof Leaves.EpochLeaf l && l.range != null) {
      return l.date ? EPOCH_DAY : EPOCH_MILLI;
    }
    if (n instanceof Leaves.StringInLeaf) {
      return STRING_IN;
    }
    if (n instanceof Leaves.BooleanLeaf) {
      return BOOLEAN;
    }
    if (n instanceof Leaves.TagLeaf) {
      return TAGS;
    }
    return OTHER;
  }

  /** The same junction, not fused (for tests). */
  Logic.JunctionNode unfused() {
    return unfused;
  }

  @Override
  Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
    boolean unknown = false;
    for (int i = 0; i < kinds.length; i++) {
      int r;
      switch (kinds[i]) {
        case LONG:
          {
            r =
                inRange(
                    i, src.longValue(positions[i], attributes[i], Leaf.ASK), src, customer, bounds);
            break;
          }
        case DOUBLE:
          {
            double x = src.doubleValue(positions[i], attributes[i], Double.NaN);
            // finite: neither the NaN asked for nor an infinity (as NumericLeaf)
            r = x - x == 0 ? bit(ranges[i].contains(x)) : slow(i, src, customer, bounds);
            break;
          }
        case STRING_IN:
          {
            Object v = src.value(positions[i], attributes[i]);
            r =
                v instanceof String s
                    ? bit(sets[i].contains(s) != flags[i])
                    : other(i, src, customer, v, bounds);
            break;
          }
        case BOOLEAN:
          {
            Object v = src.value(positions[i], attributes[i]);
            r =
                v instanceof Boolean b
                    ? bit(b.booleanValue() == flags[i])
                    : other(i, src, customer, v, bounds);
            break;
          }
        case TAGS:
          {
            Object v = src.value(positions[i], attributes[i]);
            r = v instanceof Set<?> s ? bit(tags[i].test(s)) : other(i, src, customer, v, bounds);
            break;
          }
        case EPOCH_DAY:
          {
            r =
                inRange(
                    i,
                    src.epochDayValue(positions[i], attributes[i], Leaf.ASK),
                    src,
                    customer,
                    bounds);
            break;
          }
        case EPOCH_MILLI:
          {
            r =
                inRange(
                    i,
                    src.epochMilliValue(positions[i], attributes[i], Leaf.ASK),
                    src,
                    customer,
                    bounds);
            break;
          }
        default:
          r = code(nodes[i].eval(src, customer, bounds, memo));
          break;
      }
      if (r == decisive) {
        return decisiveTruth;
      }
      unknown |= r == UNKNOWN;
    }
    return unknown ? Truth.UNKNOWN : identity;
  }

  private static int bit(boolean b) {
    return b ? TRUE : FALSE;
  }

  private static int code(Truth t) {
    return t == Truth.TRUE ? TRUE : t == Truth.FALSE ? FALSE : UNKNOWN;
  }

  // A long, epoch-day or epoch-millisecond read: tested, or confirmed when it is the sentinel.
  private int inRange(int i, long x, ValueSource src, Customer customer, Bounds bounds) {
    return x != Leaf.ASK ? bit(ranges[i].contains(x)) : slow(i, src, customer, bounds);
  }

  // The primitive read answered the sentinel: the leaf's own confirmation. Out of line.
  private int slow(int i, ValueSource src, Customer customer, Bounds bounds) {
    return code(((Leaf) nodes[i]).confirm(src, customer, bounds));
  }

  // The boxed read gave no value or a value of another class: the leaf's own rule. Out of line.
  private int other(int i, ValueSource src, Customer customer, Object v, Bounds bounds) {
    return code(((Leaf) nodes[i]).notAccepted(src, customer, v, bounds));
  }

  @Override
  Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
    return unfused.explain(src, customer, bounds);
  }
}
