package dev.segmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Condition;
import dev.segmentation.engine.columnar.MembershipDiff;
import dev.segmentation.live.SnapshotDiff;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.rewrite.Rewriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API's values take JDK collections (which may be mutable) and keep unmodifiable copies:
 * changing what was passed in does not change the value, and the value's collections refuse
 * changes.
 */
class UnmodifiableValuesTest {
  private static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

  @Test
  void and_copiesItsOperands() {
    List<Condition> operands = new ArrayList<>(List.of(new Always(), new Always()));
    And and = new And(operands);
    operands.clear();
    assertThat(and.of()).hasSize(2);
    assertThatThrownBy(() -> and.of().add(new Always()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void eventAndEventType_copyTheirProperties() {
    Map<String, Object> properties = new HashMap<>(Map.of("amount", 5.0));
    Event e = new Event("purchase", T, properties);
    properties.put("amount", 6.0);
    assertThat(e.properties()).containsEntry("amount", 5.0);
    assertThatThrownBy(() -> e.properties().clear())
        .isInstanceOf(UnsupportedOperationException.class);

    Map<String, Attribute<?>> declared = new LinkedHashMap<>();
    declared.put("amount", Attribute.number("amount"));
    EventType type = new EventType("purchase", declared);
    declared.clear();
    assertThat(type.properties()).containsOnlyKeys("amount");
  }

  @Test
  void membershipDiff_copiesItsChanges() {
    List<String> entered = new ArrayList<>(List.of("ann"));
    Map<String, MembershipDiff.Change> changes = new HashMap<>();
    changes.put("vip", new MembershipDiff.Change(entered, new ArrayList<>()));
    MembershipDiff diff = new MembershipDiff(changes);
    entered.add("bob");
    changes.clear();
    assertThat(diff.changes().get("vip").entered()).containsExactly("ann");
    assertThatThrownBy(() -> diff.changes().get("vip").exited().add("cid"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void snapshotDiff_copiesTierMovesAtEveryLevel() {
    Map<String, Long> to = new HashMap<>(Map.of("gold", 3L));
    Map<String, Map<String, Long>> rows = new HashMap<>(Map.of("silver", to));
    SnapshotDiff diff =
        new SnapshotDiff(T, T, new MembershipDiff(Map.of()), new HashMap<>(Map.of("value", rows)));
    to.put("gold", 4L);
    assertThat(diff.tierMoves().get("value").get("silver")).containsEntry("gold", 3L);
    assertThatThrownBy(() -> diff.tierMoves().get("value").get("silver").clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rewriteResult_copiesItsFindings() {
    List<Rewriter.Finding> findings = new ArrayList<>();
    Rewriter.RewriteResult result = new Rewriter.RewriteResult(new Always(), findings);
    findings.add(new Rewriter.Finding("/where", "never"));
    assertThat(result.neverMatches()).isEmpty();
  }
}
