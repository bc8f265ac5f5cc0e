package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JSON in docs/behavioral.md is valid: its schema, tiering and RFM blocks and every event
 * condition of its tables are read together as one rules document.
 */
class BehavioralDocsTest {
  private static final Pattern CELL = Pattern.compile("`(\\{\"op\": \"event\".*?\\})`");

  @Test
  void everyJsonExample_readsAsPartOfOneDocument() throws IOException {
    String markdown = Files.readString(DocsExamplesTest.docs("behavioral.md"));
    List<String> blocks = DocsExamplesTest.jsonBlocks(DocsExamplesTest.docs("behavioral.md"));
    assertThat(blocks).hasSize(3);
    List<String> segments = new ArrayList<>();
    Matcher m = CELL.matcher(markdown);
    while (m.find()) {
      segments.add("{\"name\": \"s" + segments.size() + "\", \"where\": " + m.group(1) + "}");
    }
    assertThat(segments).hasSize(6);
    String doc =
        "{\"format\": 1, \"schema\": "
            + blocks.get(0)
            + ", \"segments\": ["
            + String.join(",", segments)
            + "], \"tierings\": ["
            + blocks.get(1)
            + "], \"rfm\": ["
            + blocks.get(2)
            + "]}";
    RulesDocument read = RulesJson.read(doc);
    assertThat(read.catalog().segments()).hasSize(6);
    assertThat(read.catalog().tierings().get(0).tierNames())
        .containsExactly("platinum", "gold", "silver", "bronze");
    assertThat(read.catalog().rfmModels()).hasSize(1);
  }
}
