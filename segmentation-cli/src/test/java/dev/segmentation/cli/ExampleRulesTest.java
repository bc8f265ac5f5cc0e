package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.testkit.CustomerGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExampleRulesTest {

  @Test
  void exampleRules_readBackToTheJavaCatalogAndTheGeneratorSchema() throws Exception {
    RulesDocument doc = RulesJson.read(Path.of("../examples/rules.json"));
    assertThat(doc.schema()).isEqualTo(CustomerGenerator.schema());
    assertThat(doc.catalog().segments()).isEqualTo(ExampleCatalog.catalog().segments());
    assertThat(doc.catalog()).isEqualTo(ExampleCatalog.catalog());
  }
}
