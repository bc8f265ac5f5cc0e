package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.segmentation.testing.RandomCatalogs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schema shipped in the jar accepts every valid document and rejects broken ones. */
class JsonSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonSchema schema() throws IOException {
    try (InputStream in =
        RulesJson.class.getResourceAsStream("/dev/segmentation/json/rules.schema.json")) {
      assertThat(in).as("the schema ships in the jar").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private static Set<ValidationMessage> validate(String json) throws IOException {
    JsonNode node = MAPPER.readTree(json);
    return schema().validate(node);
  }

  @Test
  void everyExampleAndGoldenDocument_validates() throws IOException {
    List<String> documents = new ArrayList<>();
    documents.add(RulesJsonTest.resource("realistic.json"));
    for (String block : DocsExamplesTest.jsonBlocks(DocsExamplesTest.docs("rule-format.md"))) {
      if (block.contains("\"schema\"")) {
        documents.add(block);
      }
    }
    for (String example :
        List.of("rules.json", "firmographic/rules.json", "behavioral/rules.json")) {
      Path p = Path.of("..", "examples", example);
      if (Files.exists(p)) {
        documents.add(Files.readString(p));
      }
    }
    assertThat(documents).hasSizeGreaterThanOrEqualTo(3);
    for (String doc : documents) {
      assertThat(validate(doc)).as(doc.substring(0, Math.min(200, doc.length()))).isEmpty();
    }
  }

  @Test
  void canonicalOutputOfRandomCatalogs_validates() throws IOException {
    for (long seed = 1; seed <= 100; seed++) {
      String json =
          RulesJson.write(
              new RulesDocument(RandomCatalogs.SCHEMA, new RandomCatalogs(seed).catalog(5)));
      assertThat(validate(json)).as(json).isEmpty();
    }
  }

  @Test
  void brokenDocuments_areRejectedBySchema() throws IOException {
    assertThat(validate("{\"format\":1,\"schema\":{\"attributes\":{\"age\":\"int\"}}}"))
        .isNotEmpty();
    assertThat(
            validate(
                "{\"schema\":{\"attributes\":{}},\"segments\":[{\"name\":\"a\",\"where\":{\"op\":\"startWith\"}}]}"))
        .isNotEmpty();
    assertThat(validate(RulesJsonTest.resource("bad-document.json"))).isNotEmpty();
  }
}
