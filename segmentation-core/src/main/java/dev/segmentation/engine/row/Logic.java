package dev.segmentation.engine.row;

import com.google.common.collect.ImmutableList;
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
      return Explanation.leaf(description, value, null, null);
    }
  }

  /** FALSE if any operand is FALSE (stops there), else UNKNOWN if any is UNKNOWN, else TRUE. */
  static final class AndNode extends Node {
    private final Node[] of;

    AndNode(Node[] of) {
      this.of = of;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      Truth result = Truth.TRUE;
      for (Node n : of) {
        Truth t = n.eval(src, customer, bounds, memo);
        if (t == Truth.FALSE) {
          return Truth.FALSE;
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
      Truth result = Truth.TRUE;
      for (Node n : of) {
        Explanation e = n.explain(src, customer, bounds);
        children.add(e);
        result = result.and(e.result());
      }
      return new Explanation("and", result, null, null, children.build());
    }
  }

  /** TRUE if any operand is TRUE (stops there), else UNKNOWN if any is UNKNOWN, else FALSE. */
  static final class OrNode extends Node {
    private final Node[] of;

    OrNode(Node[] of) {
      this.of = of;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      Truth result = Truth.FALSE;
      for (Node n : of) {
        Truth t = n.eval(src, customer, bounds, memo);
        if (t == Truth.TRUE) {
          return Truth.TRUE;
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
      Truth result = Truth.FALSE;
      for (Node n : of) {
        Explanation e = n.explain(src, customer, bounds);
        children.add(e);
        result = result.or(e.result());
      }
      return new Explanation("or", result, null, null, children.build());
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
      return new Explanation("not", e.result().not(), null, null, ImmutableList.of(e));
    }
  }
}
