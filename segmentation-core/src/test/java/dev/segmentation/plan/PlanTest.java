package dev.segmentation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Checker;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

  // ------------------------------------------------------------------ resolved leaves

  private static final Schema TYPED =
      Schema.builder()
          .attribute("channel", AttributeType.BOOLEAN) // a customer attribute named as a property
          .attribute("age", AttributeType.INTEGER)
          .attribute("balance", AttributeType.NUMBER)
          .attribute("born", AttributeType.DATE)
          .attribute("seen", AttributeType.TIMESTAMP)
          .attribute("tags", AttributeType.STRING_SET)
          .attribute("country", AttributeType.STRING)
          .eventType(
              EventType.of("purchase", Attribute.string("channel"), Attribute.integer("amount")))
          .build();

  private static Plan typed(Condition... segments) {
    Segment[] list = new Segment[segments.length];
    for (int i = 0; i < list.length; i++) {
      list[i] = Segment.of("s" + i, segments[i]);
    }
    return Plan.of(Checker.standard().checked(Catalog.of(list), TYPED));
  }

  // The one node of segment i's plan.
  private static PlanNode root(Plan plan, int i) {
    return plan.node(plan.segment(i).node());
  }

  @Test
  void leaves_carryTheirAttributeResolved_nameTypeAndPosition_inTheSchema() {
    Plan plan =
        typed(
            new Compare("age", Operator.GE, 18L),
            new StringMatch("country", StringMatch.Op.STARTS_WITH, "F", false),
            new Presence("seen", true),
            And.of(new Compare("age", Operator.GE, 18L), new Presence("seen", true)));
    AttributeSlot age = root(plan, 0).attribute();
    assertThat(age).isEqualTo(new AttributeSlot("age", AttributeType.INTEGER, 1));
    assertThat(age.name()).isSameAs(TYPED.attribute("age").name()); // the schema's own String
    assertThat(age.isIn(TYPED)).isTrue();
    assertThat(root(plan, 1).attribute())
        .isEqualTo(new AttributeSlot("country", AttributeType.STRING, 6));
    assertThat(root(plan, 1).literals()).containsExactly("F");
    assertThat(root(plan, 2).attribute())
        .isEqualTo(new AttributeSlot("seen", AttributeType.TIMESTAMP, 4));
    assertThat(root(plan, 2).literals()).isEmpty();
    // An operator reads no attribute itself.
    assertThat(root(plan, 3).attribute()).isNull();
    assertThat(root(plan, 3).literals()).isEmpty();
    assertThat(root(plan, 3).eventType()).isNull();
  }

  @Test
  void literals_areTypedForTheirAttribute_integerAndNumberExact() {
    long beyondDouble = (1L << 53) + 1; // no double equals it
    Plan plan =
        typed(
            new Compare("age", Operator.LT, 30.0),
            new Compare("age", Operator.LT, 30.5),
            new Compare("balance", Operator.GT, 3L),
            new Compare("balance", Operator.LT, beyondDouble),
            In.of("age", 18L, 18.0, 21L, 21.5),
            In.of("balance", 2L, 2.0, 2.5));
    assertThat(root(plan, 0).literals()).containsExactly(30L);
    assertThat(root(plan, 1).literals()).containsExactly(30.5);
    assertThat(root(plan, 2).literals()).containsExactly(3.0);
    assertThat(root(plan, 3).literals()).containsExactly(beyondDouble);
    assertThat(root(plan, 4).literals()).containsExactly(18L, 21L, 21.5);
    assertThat(root(plan, 5).literals()).containsExactly(2.0, 2.5);
  }

  @Test
  void typedLiterals_atTheEdgesOfLongAndDouble_stayExact() {
    // An integer attribute: a whole double in [-2^63, 2^63) is its long; 2^63 is above every long.
    assertThat(TypedLiterals.of(AttributeType.INTEGER, -0x1p63)).isEqualTo(Long.MIN_VALUE);
    assertThat(TypedLiterals.of(AttributeType.INTEGER, 0x1p63)).isEqualTo(0x1p63);
    assertThat(TypedLiterals.of(AttributeType.INTEGER, -0.0)).isEqualTo(0L);
    // A number attribute: a long a double holds is that double; 2^53 + 1 is held by none.
    assertThat(TypedLiterals.of(AttributeType.NUMBER, 1L << 53)).isEqualTo(0x1p53);
    assertThat(TypedLiterals.of(AttributeType.NUMBER, (1L << 53) + 1)).isEqualTo((1L << 53) + 1);
    assertThat(TypedLiterals.of(AttributeType.NUMBER, Long.MIN_VALUE)).isEqualTo(-0x1p63);
    assertThat(TypedLiterals.of(AttributeType.NUMBER, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    // What does not fit is left for the caller to reject.
    assertThat(TypedLiterals.of(AttributeType.DATE, "2001-02-03")).isEqualTo("2001-02-03");
    assertThat(TypedLiterals.fits(AttributeType.DATE, "2001-02-03")).isFalse();
    assertThat(TypedLiterals.fits(AttributeType.INTEGER, 2.5)).isTrue();
    assertThat(TypedLiterals.fits(AttributeType.STRING_SET, "vip")).isTrue();
  }

  @Test
  void literals_ofDatesTimestampsAndSets_keepTheirTypes() {
    LocalDate day = LocalDate.of(2001, 2, 3);
    Instant instant = Instant.parse("2001-02-03T04:05:06.000000007Z");
    Plan plan =
        typed(
            new Between("born", day, day.plusDays(9)),
            new Compare("seen", Operator.GE, instant),
            new TagMatch("tags", TagMatch.Op.CONTAINS_ALL, Set.of("vip")),
            In.of("country", "FI", "SE"));
    assertThat(root(plan, 0).literals()).containsExactly(day, day.plusDays(9));
    assertThat(root(plan, 0).attribute().type()).isEqualTo(AttributeType.DATE);
    assertThat(root(plan, 1).literals()).containsExactly(instant);
    assertThat(root(plan, 1).attribute().type()).isEqualTo(AttributeType.TIMESTAMP);
    assertThat(root(plan, 2).literals()).containsExactly("vip");
    assertThat(root(plan, 2).attribute())
        .isEqualTo(new AttributeSlot("tags", AttributeType.STRING_SET, 5));
    assertThat(root(plan, 3).literals()).containsExactly("FI", "SE");
  }

  @Test
  void eventNodes_carryTheirEventType_andPropertyPositionAmongTheProperties() {
    Condition web = new Compare("channel", Operator.EQ, "web");
    EventCondition spent =
        new EventCondition(
            "purchase", web, EventWindow.ever(), Aggregate.SUM, "amount", Operator.GE, 100L);
    EventCondition bought =
        new EventCondition(
            "purchase", new Always(), EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 1L);
    Plan plan = typed(spent, bought);
    PlanNode sum = root(plan, 0);
    assertThat(sum.eventType()).isSameAs(TYPED.eventType("purchase"));
    assertThat(sum.property()).isEqualTo(new AttributeSlot("amount", AttributeType.INTEGER, 1));
    assertThat(sum.attribute()).isNull();
    assertThat(root(plan, 1).property()).isNull();
    // In the filters' plan, positions are among the event type's properties, not the customers'.
    Plan filters = plan.eventFilters("purchase");
    PlanNode filter = filters.node(filters.segment(sum.filterSegment()).node());
    assertThat(filter.attribute()).isEqualTo(new AttributeSlot("channel", AttributeType.STRING, 0));
    assertThat(filter.literals()).containsExactly("web");
  }

  private static Integer[] box(int[] ids) {
    Integer[] out = new Integer[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i];
    }
    return out;
  }
}
