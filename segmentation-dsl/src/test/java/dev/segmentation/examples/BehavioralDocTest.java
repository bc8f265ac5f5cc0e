package dev.segmentation.examples;

import static dev.segmentation.condition.CalendarPeriod.THIS_MONTH;
import static dev.segmentation.condition.TimeUnit.DAYS;
import static dev.segmentation.condition.TimeUnit.YEARS;
import static dev.segmentation.dsl.Rules.events;
import static dev.segmentation.dsl.Rules.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.json.RulesJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/behavioral.md: its JSON parses, and the issue's six rules are one condition each. */
class BehavioralDocTest {
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  static String doc() throws IOException {
    Path p = Path.of("..", "docs", "behavioral.md");
    return Files.readString(Files.exists(p) ? p : Path.of("docs", "behavioral.md"));
  }

  static List<String> jsonBlocks(String markdown) {
    Matcher m = JSON_BLOCK.matcher(markdown);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyJsonBlock_parses_documentsAndConditionsThroughTheRuleFormat() throws IOException {
    List<String> blocks = jsonBlocks(doc());
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(12);
    for (String block : blocks) {
      if (block.contains("\"format\"")) {
        assertThat(RulesJson.read(block).schema().eventTypes()).containsKey("purchase");
      } else if (block.startsWith("{\"op\"")) {
        Condition c = MAPPER.readValue(block, Condition.class);
        assertThat(c).isNotNull();
      } else {
        assertThat(MAPPER.readTree(block).isObject()).as(block).isTrue();
      }
    }
  }

  @Test
  void sixIssueRules_areEachOneEventCondition_equalToTheJavaSnippet() throws IOException {
    String doc = doc();
    int start = doc.indexOf("## Six rules, one condition each");
    int end = doc.indexOf("\n## ", start + 1);
    List<String> blocks = jsonBlocks(doc.substring(start, end));
    List<Condition> java =
        List.of(
            events("purchase").inLast(90, DAYS).count().ge(3),
            events("purchase").inLast(1, YEARS).sum("amount").gt(1000),
            events("purchase").inLast(180, DAYS).count().eq(0),
            events("email_open")
                .where(string("campaign").eq("newsletter"))
                .inLast(30, DAYS)
                .count()
                .ge(1),
            events("page_view")
                .where(string("path").startsWith("/pricing"))
                .in(THIS_MONTH)
                .count()
                .ge(2),
            events("purchase").daysSinceFirst().lt(30));
    assertThat(blocks).hasSize(6);
    for (int i = 0; i < 6; i++) {
      Condition read = MAPPER.readValue(blocks.get(i), Condition.class);
      assertThat(read).as("rule %d", i + 1).isInstanceOf(EventCondition.class);
      assertThat(read).as("rule %d", i + 1).isEqualTo(java.get(i));
    }
  }
}
