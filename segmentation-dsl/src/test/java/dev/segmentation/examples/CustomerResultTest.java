package dev.segmentation.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.CustomerResult;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Customer;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One call for everything about one customer (issue 13), equal to the separate calls, as JSON. */
class CustomerResultTest {
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-01T00:00:00Z"));

  @Test
  void evaluateCustomer_equalsTheSeparateCalls_andIsWrittenAsJson() throws IOException {
    RulesDocument doc = RulesJson.read(ExampleData.example("behavioral/rules.json"));
    CompiledCatalog compiled = RowEngine.compile(doc.catalog(), doc.schema());
    for (Customer c : ExampleData.customers(doc.schema(), "behavioral/customers.jsonl")) {
      assertCustomer(compiled, c);
      for (var m : doc.catalog().rfmModels()) {
        assertThat(compiled.evaluateCustomer(c, CTX, false).rfm().get(m.name()))
            .isEqualTo(compiled.rfm(m.name(), c, CTX));
      }
    }
  }

  private static void assertCustomer(CompiledCatalog compiled, Customer c) {

    CustomerResult all = compiled.evaluateCustomer(c, CTX, true);

    assertThat(all.id()).isEqualTo(c.id());
    assertThat(all.asOf()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(all.segments())
        .containsExactlyElementsOf(
            compiled.segmentNames().stream().filter(s -> compiled.matches(s, c, CTX)).toList());
    for (String s : compiled.scoreNames()) {
      assertThat(all.scores().get(s)).isEqualTo(compiled.score(s, c, CTX));
    }
    for (String t : compiled.tieringNames()) {
      assertThat(all.tiers().get(t)).isEqualTo(compiled.tier(t, c, CTX));
    }
    assertThat(all.explanations()).containsOnlyKeys(compiled.segmentNames());
    assertThatThrownBy(() -> all.segments().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(compiled.evaluateCustomer(c, CTX, false).explanations()).isEmpty();

    JsonNode json = new ObjectMapper().valueToTree(all);
    assertThat(json.get("id").asText()).isEqualTo(c.id());
    assertThat(json.get("segments").size()).isEqualTo(all.segments().size());
    assertThat(json.get("scores").size()).isEqualTo(all.scores().size());
    assertThat(json.get("tiers").size()).isEqualTo(all.tiers().size());
  }
}
