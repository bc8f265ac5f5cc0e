package dev.segmentation.examples;

import static dev.segmentation.condition.CalendarPeriod.THIS_MONTH;
import static dev.segmentation.condition.WindowUnit.DAYS;
import static dev.segmentation.condition.WindowUnit.YEARS;
import static dev.segmentation.dsl.Rules.events;
import static dev.segmentation.dsl.Rules.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/behavioral.md: each of the six classic rules is one event condition, and the table's
 * Java and JSON columns are the same condition.
 */
class BehavioralDocTest {
  /** A table row: | rule | `java` | `json` |. */
  private static final Pattern ROW = Pattern.compile("\\| [^|]+ \\| `([^`]+)` \\| `([^`]+)` \\|");

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  static String doc() throws IOException {
    Path p = Path.of("..", "docs", "behavioral.md");
    return Files.readString(Files.exists(p) ? p : Path.of("docs", "behavioral.md"));
  }

  @Test
  void classicRulesTable_javaAndJsonColumns_areTheSameSingleEventCondition() throws IOException {
    String doc = doc();
    int start = doc.indexOf("### The classic rules, each one condition");
    int end = doc.indexOf("\n## ", start + 1);
    List<String[]> rows = new ArrayList<>();
    for (String line : doc.substring(start, end).split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.add(new String[] {m.group(1), m.group(2)});
      }
    }
    List<String> javaText =
        List.of(
            "events(\"purchase\").inLast(90, DAYS).count().ge(3)",
            "events(\"purchase\").inLast(1, YEARS).sum(\"amount\").gt(1000)",
            "events(\"purchase\").inLast(180, DAYS).count().eq(0)",
            "events(\"email_open\").inLast(30, DAYS).count().ge(1)",
            "events(\"page_view\").where(string(\"path\").startsWith(\"/pricing\"))"
                + ".in(THIS_MONTH).count().ge(2)",
            "events(\"purchase\").daysSinceFirst().lt(30)");
    List<Condition> java =
        List.of(
            events("purchase").inLast(90, DAYS).count().ge(3),
            events("purchase").inLast(1, YEARS).sum("amount").gt(1000),
            events("purchase").inLast(180, DAYS).count().eq(0),
            events("email_open").inLast(30, DAYS).count().ge(1),
            events("page_view")
                .where(string("path").startsWith("/pricing"))
                .in(THIS_MONTH)
                .count()
                .ge(2),
            events("purchase").daysSinceFirst().lt(30));
    assertThat(rows).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(rows.get(i)[0]).as("Java of rule %d", i + 1).isEqualTo(javaText.get(i));
      Condition read = MAPPER.readValue(rows.get(i)[1], Condition.class);
      assertThat(read).as("rule %d", i + 1).isInstanceOf(EventCondition.class);
      assertThat(read).as("rule %d", i + 1).isEqualTo(java.get(i));
    }
  }
}
