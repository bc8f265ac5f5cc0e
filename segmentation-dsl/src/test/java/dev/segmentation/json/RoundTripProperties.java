package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.condition.Condition;
import dev.segmentation.segment.Catalog;
import dev.segmentation.testing.RandomCatalogs;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** JSON round trips over random catalogs covering every condition kind. */
class RoundTripProperties {

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
