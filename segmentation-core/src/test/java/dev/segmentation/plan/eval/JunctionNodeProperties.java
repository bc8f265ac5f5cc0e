package dev.segmentation.plan.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.model.ValueSource;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The unrolled junction ({@link Logic.JunctionNode}, operands in fields, wider junctions nested in
 * the last one) against the loop it replaced, over every width up to three times the unrolled one
 * and every mix of TRUE, FALSE and UNKNOWN operands: the same Kleene result, and the same operands
 * evaluated in the same order (a later operand must not run once a decisive one has, as it may
 * throw on invalid data).
 */
class JunctionNodeProperties {

  @Property(tries = 2000)
  void unrolled_equalsTheLoop_resultAndOperandsEvaluated(
      @ForAll @Size(max = 3 * Logic.JunctionNode.UNROLLED) List<Truth> operands,
      @ForAll boolean and) {
    List<Integer> unrolledRuns = new ArrayList<>();
    Node[] nodes = recording(operands, unrolledRuns);
    Node unrolled = and ? Logic.JunctionNode.and(nodes) : Logic.JunctionNode.or(nodes);

    Truth result = unrolled.eval(null, null, null, null);

    List<Integer> loopRuns = new ArrayList<>();
    assertThat(result).isEqualTo(loop(recording(operands, loopRuns), and));
    assertThat(unrolledRuns).isEqualTo(loopRuns);
  }

  // The evaluation before the unrolling: one loop, stopping at the decisive value.
  private static Truth loop(Node[] of, boolean and) {
    Truth decisive = and ? Truth.FALSE : Truth.TRUE;
    Truth result = and ? Truth.TRUE : Truth.FALSE;
    for (Node n : of) {
      Truth t = n.eval(null, null, null, null);
      if (t == decisive) {
        return decisive;
      }
      if (t == Truth.UNKNOWN) {
        result = Truth.UNKNOWN;
      }
    }
    return result;
  }

  private static Node[] recording(List<Truth> values, List<Integer> runs) {
    Node[] nodes = new Node[values.size()];
    for (int i = 0; i < nodes.length; i++) {
      int index = i;
      Truth value = values.get(i);
      nodes[i] =
          new Node() {
            @Override
            Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
              runs.add(index);
              return value;
            }

            @Override
            Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
              throw new UnsupportedOperationException();
            }
          };
    }
    return nodes;
  }
}
