package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
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

  // Every good document (examples, docs, canonical output of random catalogs) validates:
  // ReaderContractTest.jsonSchemaAndReader_agreeOnEveryDocumentOfTheCorpus.

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

  /**
   * A UI shows the validator's messages next to the node: each bad node gets a few messages at its
   * own path (the schema dispatches on "op" with if/then; a oneOf over all operators gave 310
   * messages for four bad segments).
   */
  @Test
  void badNodes_eachGetAFewMessagesAtTheirOwnPath() throws IOException {
    String seg = "{\"name\":\"s%d\",\"where\":%s}";
    String doc =
        "{\"schema\":{\"attributes\":{\"age\":\"integer\"}},\"segments\":["
            + String.join(
                ",",
                String.format(seg, 0, "{\"op\":\"startWith\",\"attribute\":\"age\"}"),
                String.format(seg, 1, "{\"op\":\"gt\",\"attribute\":\"age\"}"),
                String.format(seg, 2, "{\"op\":\"in\",\"attribute\":\"age\",\"values\":3}"),
                String.format(
                    seg,
                    3,
                    "{\"op\":\"and\",\"of\":[{\"op\":\"eq\",\"attribute\":\"age\","
                        + "\"value\":1,\"extra\":true}]}"))
            + "]}";
    Set<ValidationMessage> messages = validate(doc);
    assertThat(messages).hasSizeBetween(4, 8);
    for (int i = 0; i < 4; i++) {
      String at = "$.segments[" + i + "].where";
      assertThat(messages)
          .as("messages at segment %d: %s", i, messages)
          .anyMatch(m -> m.getInstanceLocation().toString().startsWith(at));
    }
  }
}
