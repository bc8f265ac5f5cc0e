package dev.segmentation.plan.eval;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.model.ValueSource;
import java.util.Arrays;

/** The compiled logical nodes: constants, Kleene AND, OR and NOT. */
final class Logic {
  private Logic() {}

  /** always / never. */
  static final class Constant extends Node {
    final Truth value;
    private final String description;

    Constant(Truth value, String description) {
      this.value = value;
      this.description = description;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      return value;
    }

    @Override
    Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
      return Explanation.leaf(
          value == Truth.TRUE ? Kind.ALWAYS : Kind.NEVER, description, value, null, null);
    }
  }

  /**
   * Kleene AND or OR: the decisive value (FALSE for AND, TRUE for OR) stops evaluation and is the
   * result; otherwise UNKNOWN if any operand is UNKNOWN, else the other value. One class serves
   * both because they are duals.
   *
   * <p>Evaluation is unrolled over up to {@link #UNROLLED} operands held in fields, each called
   * from its own call site, instead of a loop over an array: the JIT profiles each site on its own,
   * so a junction whose operands are of different node classes (an AND of a number leaf, a string
   * leaf, an OR and a boolean leaf) gets every operand inlined behind one class check, where the
   * loop's one site saw them all and fell back to a virtual call past two classes; the loop and its
   * array loads go too. A wider junction holds its first {@code UNROLLED - 1} operands and, in the
   * last field, the junction of the rest: the same result, as Kleene AND and OR are associative,
   * with the operands still evaluated in order. {@link #explain} reports the operands as written.
   */
  static final class JunctionNode extends Node {
    /** How many operands are held in fields. */
    static final int UNROLLED = 8;

    final Node[] of; // the operands as compiled, read by the Generator
    final boolean and;
    private final Truth decisive;
    private final Truth identity;
    private final int arity; // min(of.length, UNROLLED)
    // Operands 0..arity-1; the last of them the junction of the rest when of.length > UNROLLED.
    private final Node c0;
    private final Node c1;
    private final Node c2;
    private final Node c3;
    private final Node c4;
    private final Node c5;
    private final Node c6;
    private final Node c7;

    private JunctionNode(Node[] of, boolean and) {
      this.of = of;
      this.and = and;
      this.decisive = and ? Truth.FALSE : Truth.TRUE;
      this.identity = and ? Truth.TRUE : Truth.FALSE;
      Node[] c = new Node[UNROLLED];
      if (of.length > UNROLLED) {
        System.arraycopy(of, 0, c, 0, UNROLLED - 1);
        Node[] rest = Arrays.copyOfRange(of, UNROLLED - 1, of.length);
        c[UNROLLED - 1] = new JunctionNode(rest, and);
        this.arity = UNROLLED;
      } else {
        System.arraycopy(of, 0, c, 0, of.length);
        this.arity = of.length;
      }
      this.c0 = c[0];
      this.c1 = c[1];
      this.c2 = c[2];
      this.c3 = c[3];
      this.c4 = c[4];
      this.c5 = c[5];
      this.c6 = c[6];
      this.c7 = c[7];
    }

    static JunctionNode and(Node[] of) {
      return new JunctionNode(of, true);
    }

    static JunctionNode or(Node[] of) {
      return new JunctionNode(of, false);
    }

    // Written out operand by operand on purpose (see the class comment): one call site each. After
    // each operand that is not decisive, `r` is the identity or UNKNOWN.
    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      if (arity == 0) {
        return identity;
      }
      Truth r = c0.eval(src, customer, bounds, memo);
      if (r == decisive) {
        return r;
      }
      if (arity == 1) {
        return r;
      }
      Truth t = c1.eval(src, customer, bounds, memo);
      if (t == decisive) {
        return t;
      }
      r = t == r ? r : Truth.UNKNOWN;
      if (arity == 2) {
        return r;
      }
      t = c2.eval(src, customer, bounds, memo);
      if (t == decisive) {
        return t;
      }
      r = t == r ? r : Truth.UNKNOWN;
      if (arity == 3) {
        return r;
      }
      t = c3.eval(src, customer, bounds, memo);
      if (t == decisive) {
        return t;
      }
      r = t == r ? r : Truth.UNKNOWN;
      if (arity == 4) {
        return r;
      }
      t = c4.eval(src, customer, bounds, memo);
      if (t == decisive) {
        return t;
      }
      r = t == r ? r : Truth.UNKNOWN;
      if (arity == 5) {
        return r;
      }
      t = c5.eval(src, customer, bounds, memo);
      if (t == decisive) {
        return t;
      }
      r = t == r ? r : Truth.UNKNOWN;
      if (arity == 6) {
        return r;
      }
      t = c6.eval(src, customer, bounds, memo);
      if (t == decisive) {
        return t;
      }
      r = t == r ? r : Truth.UNKNOWN;
      if (arity == 7) {
        return r;
      }
      t = c7.eval(src, customer, bounds, memo);
      if (t == decisive) {
        return t;
      }
      return t == r ? r : Truth.UNKNOWN;
    }

    @Override
    Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
      ImmutableList.Builder<Explanation> children = ImmutableList.builder();
      Truth result = identity;
      for (Node n : of) {
        Explanation e = n.explain(src, customer, bounds);
        children.add(e);
        result = and ? result.and(e.result()) : result.or(e.result());
      }
      return new Explanation(
          and ? Kind.AND : Kind.OR, and ? "and" : "or", result, null, null, children.build());
    }
  }

  /** Kleene NOT. */
  static final class NotNode extends Node {
    final Node of;

    NotNode(Node of) {
      this.of = of;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      return of.eval(src, customer, bounds, memo).not();
    }

    @Override
    Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
      Explanation e = of.explain(src, customer, bounds);
      return new Explanation(Kind.NOT, "not", e.result().not(), null, null, ImmutableList.of(e));
    }
  }
}
