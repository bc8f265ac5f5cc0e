package dev.segmentation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Checker;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.rewrite.Rewriter;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The logical plan's promises: shared nodes, order, written roots, rewritten filters. */
class PlanTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("age", AttributeType.INTEGER)
          .attribute("country", AttributeType.STRING)
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  private static final Condition ADULT = new Compare("age", Operator.GE, 18L);
  private static final Condition FINN = new Compare("country", Operator.EQ, "FI");

  private static Plan plan(Catalog catalog) {
    CheckedCatalog checked = Checker.standard().checked(catalog, SCHEMA);
    return Plan.of(checked);
  }

  @Test
  void equalSubConditions_areOneNode_acrossSegmentsScoresAndTiers() {
    Catalog catalog =
        new Catalog(
            ImmutableList.of(
                Segment.of("finnish-adults", And.of(ADULT, FINN)),
                Segment.of("adults-in-finland", And.of(FINN, ADULT)),
                Segment.of("adult", ADULT)),
            ImmutableList.of(
                new ScoreModel("s", "", ImmutableList.of(ScoreRule.of(ADULT, 1)), null, null)),
            ImmutableList.of(new Tiering("t", "", ImmutableList.of(new Tier("a", FINN)), "none")),
            null);
    Plan plan = plan(catalog);
    int adult = plan.segment(2).node();
    assertThat(plan.scoreRules(0).get(0).node()).isEqualTo(adult);
    assertThat(plan.node(plan.segment(0).node()).children()).contains(adult);
    assertThat(plan.node(plan.segment(1).node()).children()).contains(adult);
    assertThat(plan.tiers(0).get(0).node())
        .isIn((Object[]) box(plan.node(plan.segment(0).node()).children()));
    // Two leaves and two (differently ordered) conjunctions.
    assertThat(plan.nodeCount()).isEqualTo(4);
  }

  @Test
  void nodes_comeAfterTheirChildren_andInSegmentAfterItsTarget() {
    Catalog catalog =
        Catalog.of(
            Segment.of("a", Or.of(new InSegment("b"), new Not(ADULT))),
            Segment.of("b", And.of(FINN, new InSegment("c"))),
            Segment.of("c", ADULT));
    Plan plan = plan(catalog);
    for (PlanNode n : plan.nodes()) {
      assertThat(n.id()).isEqualTo(plan.nodes().indexOf(n));
      for (int child : n.children()) {
        assertThat(child).isLessThan(n.id());
      }
      if (n.kind() == Kind.IN_SEGMENT) {
        assertThat(plan.segment(n.segment()).node()).isLessThan(n.id());
      } else {
        assertThat(n.segment()).isEqualTo(-1);
      }
    }
  }

  @Test
  void roots_keepTheWrittenCondition_andItsPointer_whileNodesAreRewritten() {
    Condition written = new Not(And.of(ADULT, FINN));
    Catalog catalog = Catalog.of(Segment.of("x", new Always()), Segment.of("y", written));
    Plan plan = plan(catalog);
    Plan.Root root = plan.segment(1);
    assertThat(root.written()).isSameAs(written);
    assertThat(root.pointer()).isEqualTo("/segments/1/where");
    assertThat(plan.node(root.node()).condition()).isEqualTo(Rewriter.rewrite(written));
    assertThat(plan.node(root.node()).kind()).isEqualTo(Kind.OR);
  }

  @Test
  void eventNodes_carryTheirFilterRewritten_andNoFilterWhenItIsAlwaysTrue() {
    Condition filter = new Not(new Not(new Compare("amount", Operator.GT, 10L)));
    EventCondition filtered =
        new EventCondition(
            "purchase", filter, EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 1L);
    EventCondition unfiltered =
        new EventCondition(
            "purchase",
            Or.of(new Always(), new Compare("amount", Operator.GT, 1L)),
            EventWindow.ever(),
            Aggregate.COUNT,
            null,
            Operator.GE,
            2L);
    Plan plan = plan(Catalog.of(Segment.of("f", filtered), Segment.of("u", unfiltered)));
    assertThat(plan.node(plan.segment(0).node()).filter())
        .isEqualTo(new Compare("amount", Operator.GT, 10L));
    assertThat(plan.node(plan.segment(1).node()).filter()).isNull();
  }

  @Test
  void costs_standBesideEachNode_operatorsSumTheirOperands_referencesAreFree() {
    EventCondition bought =
        new EventCondition(
            "purchase", new Always(), EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 1L);
    Plan plan =
        plan(
            Catalog.of(
                Segment.of("adult-buyers", And.of(ADULT, bought)),
                Segment.of("referring", Or.of(new InSegment("adult-buyers"), FINN))));
    PlanNode and = plan.node(plan.segment(0).node());
    double adult = plan.node(and.child(0)).cost() + plan.node(and.child(1)).cost();
    assertThat(and.cost()).isEqualTo(adult);
    // A column comparison is cheaper than counting events.
    assertThat(plan.node(plan.idOf(ADULT)).cost()).isLessThan(plan.node(plan.idOf(bought)).cost());
    assertThat(plan.node(plan.idOf(new InSegment("adult-buyers"))).cost()).isZero();
    assertThat(plan.node(plan.segment(1).node()).cost())
        .isEqualTo(plan.node(plan.idOf(FINN)).cost());
  }

  private static final Condition SMALL_PURCHASE = new Compare("amount", Operator.LT, 5L);

  @Test
  void eventFilters_areOnePlanPerEventType_sharedByEveryNodeWithThatFilter() {
    Condition big = new Compare("amount", Operator.GT, 100L);
    EventCondition once =
        new EventCondition(
            "purchase", big, EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 1L);
    EventCondition twice =
        new EventCondition(
            "purchase", big, EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 2L);
    Plan plan =
        plan(
            Catalog.of(
                Segment.of("once", once),
                Segment.of("twice", twice),
                Segment.of(
                    "other",
                    new EventCondition(
                        "purchase",
                        SMALL_PURCHASE,
                        EventWindow.ever(),
                        Aggregate.COUNT,
                        null,
                        Operator.GE,
                        1L))));
    Plan filters = plan.eventFilters("purchase");
    assertThat(filters.checked().catalog().segments()).hasSize(2);
    assertThat(filters.checked().schema()).isEqualTo(Schema.of(Attribute.number("amount")));
    PlanNode a = plan.node(plan.segment(0).node());
    PlanNode b = plan.node(plan.segment(1).node());
    assertThat(a.filterSegment()).isZero();
    assertThat(b.filterSegment()).isZero();
    assertThat(a.filter()).isSameAs(filters.node(filters.segment(0).node()).condition());
    assertThat(plan.node(plan.segment(2).node()).filterSegment()).isEqualTo(1);
  }

  @Test
  void aLongChainOfReferences_isPlannedWithoutRecursion() {
    int n = 50_000;
    List<Segment> chain = new ArrayList<>();
    for (int i = 0; i < n - 1; i++) {
      chain.add(Segment.of("s" + i, new InSegment("s" + (i + 1))));
    }
    chain.add(Segment.of("s" + (n - 1), ADULT));
    Plan plan = plan(Catalog.of(chain.toArray(new Segment[0])));
    assertThat(plan.nodeCount()).isEqualTo(n);
    assertThat(plan.node(plan.segment(0).node()).segment()).isEqualTo(1);
  }

  private static Integer[] box(int[] ids) {
    Integer[] out = new Integer[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i];
    }
    return out;
  }
}
