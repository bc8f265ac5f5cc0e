package dev.segmentation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each compile checks the user's catalog exactly once, and compiling a {@link CheckedCatalog}
 * checks it never: counted by the checker's probe, by the identity of the catalog.
 */
class CheckOnceTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("age", AttributeType.INTEGER)
          .attribute("birthday", AttributeType.DATE)
          .eventType(EventType.of("purchase", Attribute.number("amount")))
          .build();

  // An event filter and a leaf without a columnar kernel: both compiled on the side today.
  private static final Catalog CATALOG =
      new Catalog(
          ImmutableList.of(
              Segment.of("adult", new Compare("age", Operator.GE, 18L)),
              Segment.of(
                  "buyer",
                  And.of(
                      new InSegment("adult"),
                      new EventCondition(
                          "purchase",
                          new Compare("amount", Operator.GT, 10L),
                          EventWindow.ever(),
                          Aggregate.COUNT,
                          null,
                          Operator.GE,
                          1L))),
              Segment.of("birthday-month", new Anniversary("birthday", Anniversary.Period.MONTH)),
              Segment.of("engaged", new ScoreCondition("engagement", Operator.GE, 1L))),
          ImmutableList.of(
              new ScoreModel(
                  "engagement",
                  "",
                  ImmutableList.of(ScoreRule.of(new InSegment("buyer"), 1)),
                  null,
                  null)),
          ImmutableList.of(),
          null);

  @AfterEach
  void removeProbe() {
    Checker.catalogChecks = null;
  }

  private static int checksOfCatalogDuring(Runnable compile) {
    AtomicInteger count = new AtomicInteger();
    Checker.catalogChecks =
        c -> {
          if (c == CATALOG) {
            count.incrementAndGet();
          }
        };
    compile.run();
    Checker.catalogChecks = null;
    return count.get();
  }

  @Test
  void eachEngine_checksTheCatalogOnce() {
    assertThat(checksOfCatalogDuring(() -> RowEngine.compile(CATALOG, SCHEMA))).isEqualTo(1);
    assertThat(checksOfCatalogDuring(() -> ColumnarEngine.compile(CATALOG, SCHEMA))).isEqualTo(1);
  }

  @Test
  void aCheckedCatalog_isNotCheckedAgain_byEitherEngine() {
    Supplier<CheckedCatalog> checked = () -> Checker.standard().checked(CATALOG, SCHEMA);
    assertThat(checksOfCatalogDuring(checked::get)).isEqualTo(1);
    CheckedCatalog once = checked.get();
    assertThat(
            checksOfCatalogDuring(
                () -> {
                  RowEngine.compile(once);
                  ColumnarEngine.compile(once);
                }))
        .isZero();
  }

  @Test
  void theCheckedCatalog_carriesWhatTheCheckFound() {
    CheckedCatalog checked = Checker.standard().checked(CATALOG, SCHEMA);
    assertThat(checked.catalog()).isSameAs(CATALOG);
    assertThat(checked.schema()).isSameAs(SCHEMA);
    assertThat(checked.limits()).isEqualTo(Limits.DEFAULT);
    ReferenceGraph graph = checked.references();
    // buyer needs adult; engaged needs the score, which needs buyer.
    int[] order = graph.segmentOrder();
    assertThat(indexOf(order, 0)).isLessThan(indexOf(order, 1));
    assertThat(indexOf(order, 1)).isLessThan(indexOf(order, 3));
    assertThat(graph.references(3)).containsExactly(graph.scoreUnit(0));
  }

  @Test
  void aCatalogWithErrors_yieldsNoCheckedCatalog_andALoneConditionNone() {
    Catalog bad = Catalog.of(Segment.of("x", new Compare("agee", Operator.GE, 1L)));
    assertThatThrownBy(() -> Checker.standard().checked(bad, SCHEMA))
        .isInstanceOf(CheckException.class)
        .hasMessageContaining("/segments/0/where/attribute");
    CheckResult lone = Checker.standard().check(new Compare("age", Operator.GE, 1L), SCHEMA);
    assertThat(lone.isOk()).isTrue();
    assertThatThrownBy(lone::checked).isInstanceOf(IllegalStateException.class);
  }

  private static int indexOf(int[] order, int unit) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] == unit) {
        return i;
      }
    }
    throw new AssertionError("unit " + unit + " missing from the order");
  }
}
