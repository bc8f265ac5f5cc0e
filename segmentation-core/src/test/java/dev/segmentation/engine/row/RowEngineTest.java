package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.SCHEMA;
import static dev.segmentation.engine.row.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.check.Checker;
import dev.segmentation.check.Limits;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowEngineTest {

  @Test
  void compileSegment_isAOneSegmentCatalog() {
    CompiledCatalog c =
        RowEngine.compile(Segment.of("adults", new Compare("age", Operator.GE, 18L)), SCHEMA);
    assertThat(c.segmentNames()).containsExactly("adults");
    assertThat(c.matches("adults", customer("c", "age", 20L), CTX)).isTrue();
    assertThat(c.segmentsOf(customer("c", Map.of()), CTX)).isEmpty();
    assertThat(c.toString()).isEqualTo("CompiledCatalog[adults]");
  }

  @Test
  void compile_withChecker_honoursItsLimits() {
    Catalog nested = Catalog.of(Segment.of("s", new Not(new Compare("age", Operator.GE, 1L))));
    Checker strict = Checker.withLimits(new Limits(1, 10, 10, 10, 10));
    // The checker or, if it lets the tree through, the compiler rejects it (CheckException is an
    // IllegalArgumentException too).
    assertThatThrownBy(() -> RowEngine.compile(nested, SCHEMA, strict))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RowEngine.compile(nested, SCHEMA, Checker.standard()).segmentNames())
        .containsExactly("s");
  }

  @Test
  void compile_nullArguments_areIllegal() {
    assertThatThrownBy(() -> RowEngine.compile((Catalog) null, SCHEMA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RowEngine.compile((Segment) null, SCHEMA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RowEngine.compile(Catalog.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
