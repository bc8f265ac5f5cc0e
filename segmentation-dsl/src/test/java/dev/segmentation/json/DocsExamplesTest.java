package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.condition.Condition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every JSON example in the docs parses, so the documentation cannot rot. */
class DocsExamplesTest {
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  static List<String> jsonBlocks(Path markdown) throws IOException {
    Matcher m = JSON_BLOCK.matcher(Files.readString(markdown));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  static Path docs(String name) {
    Path p = Path.of("..", "docs", name);
    return Files.exists(p) ? p : Path.of("docs", name);
  }

  @Test
  void ruleFormat_everyJsonExample_parses() throws IOException {
    List<String> blocks = jsonBlocks(docs("rule-format.md"));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    for (String block : blocks) {
      if (block.contains("\"schema\"")) {
        RulesDocument doc = RulesJson.read(block);
        assertThat(RulesJson.read(RulesJson.write(doc))).isEqualTo(doc);
      } else {
        Condition c = mapper.readValue(block, Condition.class);
        assertThat(mapper.readValue(mapper.writeValueAsString(c), Condition.class)).isEqualTo(c);
      }
    }
  }
}
