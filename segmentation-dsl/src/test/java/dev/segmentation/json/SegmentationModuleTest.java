package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Operator;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A service's own ObjectMapper: catalogs, segments and conditions against the service's schema. */
class SegmentationModuleTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("age", AttributeType.INTEGER)
          .attribute("signup", AttributeType.DATE)
          .build();
  private static final Condition RECENT =
      new Compare("signup", Operator.GE, LocalDate.of(2026, 1, 1));
  private static final Catalog CATALOG =
      Catalog.of(
          Segment.of("recent", RECENT),
          Segment.of("recent-adults", RECENT.and(new Compare("age", Operator.GE, 18L))));

  private final ObjectMapper typed =
      new ObjectMapper().registerModule(new SegmentationModule(SCHEMA));
  private final ObjectMapper untyped = new ObjectMapper().registerModule(new SegmentationModule());

  @Test
  void aCatalog_readsBackEqual_againstTheModulesSchema() throws Exception {
    String json = typed.writeValueAsString(CATALOG);
    assertThat(json).contains("\"segments\"").contains("\"where\"").doesNotContain("\"schema\"");
    assertThat(typed.readValue(json, Catalog.class)).isEqualTo(CATALOG);
  }

  @Test
  void aConditionWithADate_readsBackEqual_againstTheModulesSchema() throws Exception {
    String json = typed.writeValueAsString(RECENT);
    assertThat(typed.readValue(json, Condition.class)).isEqualTo(RECENT);
    assertThat(typed.readValue(typed.writeValueAsString(CATALOG.segment("recent")), Segment.class))
        .isEqualTo(CATALOG.segment("recent"));
    // Without a schema the date stays the string JSON gives.
    assertThat(untyped.readValue(json, Condition.class)).isNotEqualTo(RECENT);
  }

  @Test
  void againstTheSchema_unknownAttributesAreProblemsWithPointers() {
    String bad = "{\"op\": \"ge\", \"attribute\": \"agee\", \"value\": 18}";
    assertThatThrownBy(() -> typed.readValue(bad, Condition.class))
        .isInstanceOf(JsonMappingException.class)
        .isInstanceOf(InvalidRulesException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRulesException) e).problems())
                    .anyMatch(p -> p.path().equals("/attribute") && p.message().contains("age")));
  }

  @Test
  void aCatalogWithoutASchema_isRefusedWithWhatToDo() {
    assertThatThrownBy(() -> untyped.readValue("{\"segments\": []}", Catalog.class))
        .isInstanceOf(InvalidRulesException.class)
        .hasMessageContaining("new SegmentationModule(schema)");
  }
}
