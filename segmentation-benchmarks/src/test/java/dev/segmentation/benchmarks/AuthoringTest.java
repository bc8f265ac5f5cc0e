package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.segment.Catalog;
import org.junit.jupiter.api.Test;

/** The authoring benchmark parses what it claims to. */
class AuthoringTest {

  @Test
  void authoringJson_read_isTheThousandSegmentCatalogAndTheSchema() {
    RulesDocument document = RulesJson.read(AuthoringBenchmark.json());

    Catalog expected = Catalogs.catalog(Catalogs.AUTHORING_SIZE, AuthoringBenchmark.CATALOG_SEED);
    assertThat(document.catalog().segments()).hasSize(1_000).isEqualTo(expected.segments());
    assertThat(document.schema()).isEqualTo(Population.schema());
  }
}
