package dev.segmentation.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkTest {
  private static final Condition A = new Compare("age", Operator.GE, 18L);
  private static final Condition B = Presence.isMissing("email");
  private static final Condition C = new Compare("country", Operator.EQ, "FI");

  @Test
  void candidates_replaceEachJunctionByAnOperandOrDropOne_andNotByItsOperand() {
    Condition tree = Or.of(A, new Not(And.of(B, C)));
    assertThat(Shrink.candidates(tree))
        .containsExactly(
            A,
            new Not(And.of(B, C)),
            Or.of(new Not(And.of(B, C))),
            Or.of(A),
            Or.of(A, And.of(B, C)),
            Or.of(A, new Not(B)),
            Or.of(A, new Not(C)),
            Or.of(A, new Not(And.of(C))),
            Or.of(A, new Not(And.of(B))));
  }

  @Test
  void closure_keepsTheSegmentThatDiffersAndWhatItRefersTo_transitively() {
    Catalog catalog =
        Catalog.of(
            Segment.of("a", A),
            Segment.of("b", new InSegment("a")),
            Segment.of("c", new Not(new InSegment("b"))),
            Segment.of("d", C));
    DifferentialCase.Difference differs =
        new DifferentialCase.Difference(
            DifferentialCase.What.SEGMENT,
            "c",
            DifferentialCase.Engine.ROW,
            0,
            List.of(0),
            List.of("c0: ..."));
    assertThat(DifferentialCase.closure(catalog, differs).segments())
        .extracting(Segment::name)
        .containsExactly("a", "b", "c");
  }
}
