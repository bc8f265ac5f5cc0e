package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.plan.eval.EvalAccess;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Event conditions that compute the same aggregate and differ only in the comparison share its
 * value within one evaluation; conditions that differ in the event type's filter, the window, the
 * aggregate or the property do not. Whatever is shared, every route to a result (all segments at
 * once, one segment, the explanation, which always computes) agrees, customer after customer and at
 * any evaluation time.
 */
class SharedAggregateProperties {
  private static final Catalog CATALOG = catalog();
  private static final CompiledCatalog COMPILED = RowEngine.compile(CATALOG, SCHEMA);

  @Property(tries = 200)
  void sharedAggregates_agreeWithTheExplanation_customerAfterCustomer(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 500) int daysBack) {
    EvaluationContext ctx = EvaluationContext.at(CTX.asOf().minusSeconds(daysBack * 86_400L));
    for (SchemaCustomer c : Population.customers(seed, 8)) {
      AgreementProperties.segmentsAgree(COMPILED, c, ctx);
      assertThat(EvalAccess.quote(COMPILED.tier("spend", c, ctx)))
          .isEqualTo(COMPILED.explainTier("spend", c, ctx).actual());
    }
  }

  /**
   * For each aggregate, conditions at several thresholds (shared), and near misses: the same
   * aggregate with another window, filter, aggregate or property.
   */
  private static Catalog catalog() {
    List<Segment> segments = new ArrayList<>();
    EventWindow year = EventWindow.last(1, WindowUnit.YEARS);
    EventWindow quarter = EventWindow.last(90, WindowUnit.DAYS);
    Condition paper = new Compare("category", Operator.EQ, "paper");
    Condition all = new Always();
    add(segments, "sum-year", all, year, Aggregate.SUM, "amount", 300.0, 800.0, 1500.0);
    add(segments, "sum-quarter", all, quarter, Aggregate.SUM, "amount", 300.0, 800.0);
    add(segments, "sum-year-paper", paper, year, Aggregate.SUM, "amount", 300.0, 600.0);
    add(segments, "avg-year", all, year, Aggregate.AVG, "amount", 100.0, 200.0, 300.0);
    add(segments, "count-year", all, year, Aggregate.COUNT, null, 3L, 6L);
    add(segments, "count-year-paper", paper, year, Aggregate.COUNT, null, 1L, 3L);
    add(segments, "min-year", all, year, Aggregate.MIN, "amount", 50.0, 150.0);
    add(segments, "max-year", all, year, Aggregate.MAX, "amount", 350.0, 390.0);
    add(segments, "max-quarter", all, quarter, Aggregate.MAX, "amount", 350.0, 390.0);
    add(segments, "since-last", all, EventWindow.ever(), Aggregate.DAYS_SINCE_LAST, null, 30L, 90L);
    add(
        segments,
        "since-first",
        all,
        EventWindow.ever(),
        Aggregate.DAYS_SINCE_FIRST,
        null,
        30L,
        300L);
    Tiering spend =
        new Tiering(
            "spend",
            "by the year's spend, as the sum-year segments",
            ImmutableList.of(
                new Tier("high", event(all, year, Aggregate.SUM, "amount", 1500.0)),
                new Tier("middle", event(all, year, Aggregate.SUM, "amount", 800.0))),
            "low");
    return new Catalog(
        ImmutableList.copyOf(segments),
        ImmutableList.of(),
        ImmutableList.of(spend),
        ImmutableList.of());
  }

  private static void add(
      List<Segment> segments,
      String name,
      Condition where,
      EventWindow window,
      Aggregate aggregate,
      String property,
      Number... thresholds) {
    for (Number t : thresholds) {
      segments.add(Segment.of(name + "-" + t, event(where, window, aggregate, property, t)));
    }
  }

  private static Condition event(
      Condition where, EventWindow window, Aggregate aggregate, String property, Number value) {
    return new EventCondition("purchase", where, window, aggregate, property, Operator.GE, value);
  }
}
