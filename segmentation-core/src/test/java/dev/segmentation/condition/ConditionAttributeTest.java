package dev.segmentation.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionAttributeTest {

  @Test
  void attribute_isTheAttributeALeafReads_andNullForEverythingElse() {
    List<Condition> leaves =
        List.of(
            new Compare("a", Operator.EQ, 1L),
            new Between("a", 1L, 2L),
            In.of("a", 1L),
            new StringMatch("a", StringMatch.Op.CONTAINS, "x", false),
            new TagMatch("a", TagMatch.Op.CONTAINS_ANY, ImmutableSet.of("x")),
            new TagCount("a", Operator.GE, 1),
            new Presence("a", true),
            new RelativeTime("a", RelativeTime.Op.WITHIN_LAST, 3, WindowUnit.DAYS),
            new CalendarWindow("a", CalendarPeriod.THIS_MONTH),
            new Anniversary("a", Anniversary.Period.MONTH),
            new GeoWithin("a", new GeoPoint(60, 25), 10));
    for (Condition c : leaves) {
      assertThat(c.attribute()).as(c.toString()).isEqualTo("a");
    }
    List<Condition> others =
        List.of(
            new Always(),
            new Never(),
            And.of(leaves.get(0), leaves.get(1)),
            Or.of(leaves.get(0), leaves.get(1)),
            new Not(leaves.get(0)),
            new InSegment("s"),
            new ScoreCondition("score", Operator.GE, 1L),
            new InTier("t", "gold"),
            new EventCondition(
                "buy", null, EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 1L));
    for (Condition c : others) {
      assertThat(c.attribute()).as(c.toString()).isNull();
    }
    assertThat(leaves.size() + others.size()).isEqualTo(Kind.values().length);
  }
}
