package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.segmentation.condition.Condition;
import dev.segmentation.segment.Catalog;
import dev.segmentation.testkit.RandomCatalogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * JSON round trips over random catalogs covering every condition kind, and the JSON Schema shipped
 * in segmentation-dsl's jar accepting every such document (here, since the generators live in this
 * module).
 */
class RoundTripProperties {
  private static final JsonSchema RULES_SCHEMA = rulesSchema();

  private static JsonSchema rulesSchema() {
    try (InputStream in =
        RulesJson.class.getResourceAsStream("/dev/segmentation/json/rules.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 100)
  void randomDocuments_passTheShippedJsonSchema(@ForAll long seed) throws IOException {
    String json =
        RulesJson.write(
            new RulesDocument(RandomCatalogs.SCHEMA, new RandomCatalogs(seed).catalog(5)));
    assertThat(RULES_SCHEMA.validate(new ObjectMapper().readTree(json))).as(json).isEmpty();
  }

  @Property(tries = 300)
  void readOfWrite_isTheSameDocument_andWriteIsCanonical(@ForAll long seed) {
    Catalog catalog = new RandomCatalogs(seed).catalog(1 + (int) Math.floorMod(seed, 6L));
    RulesDocument doc = new RulesDocument(RandomCatalogs.SCHEMA, catalog);
    String json = RulesJson.write(doc);
    RulesDocument read = RulesJson.read(json);
    // Warnings (such as "can never match") are the reader's findings, not part of what was written.
    assertThat(read.schema()).isEqualTo(doc.schema());
    assertThat(read.catalog()).isEqualTo(doc.catalog());
    assertThat(RulesJson.write(read)).isEqualTo(json);
  }

  @Property(tries = 200)
  void jacksonModule_roundTripsConditions(@ForAll long seed) throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(new SegmentationModule());
    // Without a schema, date and timestamp literals stay strings: compare the JSON texts.
    Condition c = new RandomCatalogs(seed).condition(5, List.of(), false);
    String json = mapper.writeValueAsString(c);
    Condition read = mapper.readValue(json, Condition.class);
    assertThat(mapper.writeValueAsString(read)).isEqualTo(json);
  }
}
