package dev.segmentation.plan.eval;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.model.ValueSource;

/** The compiled logical nodes: constants, Kleene AND, OR and NOT. */
final class Logic {
  private Logic() {}

  /** always / never. */
  static final class Constant extends Node {
    private final Truth value;
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
   */
  static final class JunctionNode extends Node {
    private final Node[] of;
    private final boolean and;
    private final Truth decisive;
    private final Truth identity;

    private JunctionNode(Node[] of, boolean and) {
      this.of = of;
      this.and = and;
      this.decisive = and ? Truth.FALSE : Truth.TRUE;
      this.identity = and ? Truth.TRUE : Truth.FALSE;
    }

    static JunctionNode and(Node[] of) {
      return new JunctionNode(of, true);
    }

    static JunctionNode or(Node[] of) {
      return new JunctionNode(of, false);
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      Truth result = identity;
      for (Node n : of) {
        Truth t = n.eval(src, customer, bounds, memo);
        if (t == decisive) {
          return decisive;
        }
        if (t == Truth.UNKNOWN) {
          result = Truth.UNKNOWN;
        }
      }
      return result;
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
    private final Node of;

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
