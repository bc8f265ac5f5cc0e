package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.networknt.schema.JsonSchema;
import dev.segmentation.check.Issue;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.Operator;
import dev.segmentation.segment.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the issue-13 user hit in the rules reader: {@code format} documented as optional but
 * required, warnings dropped, a 500 instead of a 400 through a web framework's ObjectMapper, and a
 * JSON Schema that disagreed with the reader.
 */
class ReaderContractTest {
  private static final String SCHEMA = "\"schema\":{\"attributes\":{\"age\":\"integer\"}}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void document_withoutFormat_isRead() {
    RulesDocument doc =
        RulesJson.read(
            "{" + SCHEMA + ",\"segments\":[{\"name\":\"s\",\"where\":{\"op\":\"always\"}}]}");
    assertThat(doc.catalog().segments()).hasSize(1);
  }

  @Test
  void read_documentWithOnlyWarnings_returnsTheWarnings() {
    RulesDocument doc =
        RulesJson.read(
            "{"
                + SCHEMA
                + ",\"segments\":[{\"name\":\"s\",\"where\":{\"op\":\"and\",\"of\":["
                + "{\"op\":\"gt\",\"attribute\":\"age\",\"value\":50},"
                + "{\"op\":\"lt\",\"attribute\":\"age\",\"value\":30}]}}]}");
    assertThat(doc.warnings()).isNotEmpty();
    assertThat(doc.warnings()).allMatch(Issue::isWarning);
    assertThat(doc.warnings().get(0).path()).startsWith("/segments/0/where");
  }

  @Test
  void ownObjectMapper_badDocument_throwsAJsonMappingExceptionWithEveryProblem() {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    String bad =
        "{"
            + SCHEMA
            + ",\"segments\":[{\"name\":\"s\",\"where\":{\"op\":\"gt\",\"attribute\":\"age\","
            + "\"value\":\"thirty\"}},{\"name\":\"t\",\"where\":{\"op\":\"startWith\"}}]}";
    assertThatThrownBy(() -> mapper.readValue(bad, RulesDocument.class))
        .isInstanceOf(JsonMappingException.class)
        .isInstanceOfSatisfying(
            InvalidRulesException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Issue::path)
                    .contains("/segments/0/where/value", "/segments/1/where/op"));
    assertThatThrownBy(() -> mapper.readValue("{\"op\":\"startWith\"}", Condition.class))
        .isInstanceOf(InvalidRulesException.class)
        .hasMessageContaining("/op: unknown operator");
  }

  /** Documents the reader accepts: the JSON Schema must accept them too. */
  static List<String> goodDocuments() throws IOException {
    List<String> documents = new ArrayList<>();
    documents.add(RulesJsonTest.resource("realistic.json"));
    for (String block : DocsExamplesTest.jsonBlocks(DocsExamplesTest.docs("rule-format.md"))) {
      if (block.contains("\"schema\"")) {
        documents.add(block);
      }
    }
    for (String example :
        List.of("rules.json", "firmographic/rules.json", "behavioral/rules.json")) {
      documents.add(Files.readString(Path.of("..", "examples", example)));
    }
    // Random documents over every condition kind: RoundTripProperties in segmentation-testkit.
    documents.add("{" + SCHEMA + "}");
    documents.add("{\"format\":1," + SCHEMA + ",\"segments\":[]}");
    return documents;
  }

  /** Documents with a problem of structure, which a JSON Schema can see. */
  static List<String> structurallyBadDocuments() {
    String seg = ",\"segments\":[{\"name\":\"s\",\"where\":";
    return Stream.of(
            "{}",
            "{\"format\":2," + SCHEMA + "}",
            "{\"format\":\"1\"," + SCHEMA + "}",
            "{\"schema\":{\"attributes\":{\"age\":\"int\"}}}",
            "{" + SCHEMA + ",\"extra\":1}",
            "{" + SCHEMA + ",\"segments\":{}}",
            "{" + SCHEMA + ",\"segments\":[{\"where\":{\"op\":\"always\"}}]}",
            "{" + SCHEMA + ",\"segments\":[{\"name\":\"s\"}]}",
            "{" + SCHEMA + seg + "{\"op\":\"startWith\"}}]}",
            "{" + SCHEMA + seg + "{\"op\":\"gt\",\"attribute\":\"age\"}}]}",
            "{" + SCHEMA + seg + "{\"op\":\"in\",\"attribute\":\"age\",\"values\":3}}]}",
            "{" + SCHEMA + seg + "{\"op\":\"and\",\"of\":{}}}]}",
            "{" + SCHEMA + seg + "{\"op\":\"not\",\"of\":[]}}]}",
            "{" + SCHEMA + seg + "{\"op\":\"always\",\"reason\":1}}]}",
            "{"
                + SCHEMA
                + seg
                + "{\"op\":\"withinLast\",\"attribute\":\"t\",\"amount\":3,"
                + "\"unit\":\"day\"}}]}",
            "{" + SCHEMA + seg + "{\"op\":\"gt\",\"attribute\":\"age\",\"value\":3,\"x\":1}}]}",
            "{" + SCHEMA + ",\"scores\":[{\"name\":\"sc\"}]}",
            "{" + SCHEMA + ",\"tierings\":[{\"name\":\"t\",\"tiers\":{}}]}",
            "{" + SCHEMA + ",\"rfm\":[{\"name\":\"r\"}]}")
        .toList();
  }

  @Test
  void jsonSchemaAndReader_agreeOnEveryDocumentOfTheCorpus() throws IOException {
    JsonSchema schema = JsonSchemaTest.schema();
    for (String doc : goodDocuments()) {
      assertThat(schema.validate(JSON.readTree(doc))).as(doc).isEmpty();
      RulesJson.read(doc); // throws with every problem if the reader disagrees
    }
    for (String doc : structurallyBadDocuments()) {
      assertThat(schema.validate(JSON.readTree(doc))).as("schema on " + doc).isNotEmpty();
      assertThatThrownBy(() -> RulesJson.read(doc))
          .as("reader on " + doc)
          .isInstanceOf(RulesException.class);
    }
  }

  @Test
  void ownObjectMapper_segment_isWrittenWithWhere_andReadsBackEqual() throws IOException {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    Segment s =
        new Segment(
            "adults",
            "18 or older",
            new And(
                ImmutableList.of(
                    new Compare("age", Operator.GE, 18L), new InSegment("newsletter"))));
    String json = mapper.writeValueAsString(s);
    assertThat(mapper.readTree(json).has("where")).isTrue();
    assertThat(mapper.readTree(json).has("condition")).isFalse();
    assertThat(mapper.readValue(json, Segment.class)).isEqualTo(s);
    assertThatThrownBy(
            () ->
                mapper.readValue(
                    "{\"name\":\"x\",\"where\":{\"op\":\"startWith\"}}", Segment.class))
        .isInstanceOf(InvalidRulesException.class)
        .hasMessageContaining("/where/op");
  }
}
