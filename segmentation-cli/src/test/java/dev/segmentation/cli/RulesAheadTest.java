package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules loaded while the command line is parsed: taken as if loaded at that point (the same
 * result, the same text on the error stream, the same failure), and invisible when not taken.
 */
class RulesAheadTest {
  private static final String HOSTILE =
      "../segmentation-dsl/src/test/resources/dev/segmentation/json/RulesFuzzTestInputs/rules/";

  @Test
  void rulesFile_formsOfTheOption_andCommandsThatReadRules() {
    assertThat(RulesAhead.rulesFile("run", "--rules", "r.json", "--customers", "c.jsonl"))
        .isEqualTo(Path.of("r.json"));
    assertThat(RulesAhead.rulesFile("explain", "--customers", "c.jsonl", "--rules=r.json"))
        .isEqualTo(Path.of("r.json"));
    assertThat(RulesAhead.rulesFile("schedule", "--rules", "a.json", "--rules", "b.json"))
        .as("the last one, as picocli would keep")
        .isEqualTo(Path.of("b.json"));
    assertThat(RulesAhead.rulesFile("check", "--rules", "r.json")).isNull();
    assertThat(RulesAhead.rulesFile("run", "--", "--rules", "r.json")).isNull();
    assertThat(RulesAhead.rulesFile("run", "--rules")).isNull();
    assertThat(RulesAhead.rulesFile("run", "--rules", "--customers")).isNull();
    assertThat(RulesAhead.rulesFile("run", "--rules=")).isNull();
    assertThat(RulesAhead.rulesFile("run", "--rules", "a\u0000b")).isNull();
    assertThat(RulesAhead.rulesFile()).isNull();
  }

  @Test
  void take_theFileLoadedAhead_sameCatalogAndSameText() throws Exception {
    Path rules = Path.of(RunCommandTest.RULES);
    RulesAhead ahead = RulesAhead.start("run", "--rules", RunCommandTest.RULES);
    StringWriter text = new StringWriter();
    Rules.Loaded loaded = ahead.take(rules, new PrintWriter(text, true));

    StringWriter direct = new StringWriter();
    Rules.Loaded expected = Rules.load(rules, new PrintWriter(direct, true));
    assertThat(loaded.catalog()).isEqualTo(expected.catalog());
    assertThat(loaded.compiled().segmentNames()).isEqualTo(expected.compiled().segmentNames());
    assertThat(text.toString()).isEqualTo(direct.toString());
  }

  @Test
  void take_invalidRules_writesTheIssuesThenThrowsTheSameFailure() {
    Path rules = Path.of(HOSTILE + "duplicate-name.json");
    StringWriter direct = new StringWriter();
    assertThatThrownBy(() -> Rules.load(rules, new PrintWriter(direct, true)))
        .isInstanceOf(Failure.class);
    assertThat(direct.toString()).contains("is defined twice");

    RulesAhead ahead = RulesAhead.start("run", "--rules", rules.toString());
    StringWriter text = new StringWriter();
    assertThatThrownBy(() -> ahead.take(rules, new PrintWriter(text, true)))
        .isInstanceOf(Failure.class)
        .hasMessageContaining("the rules have errors");
    assertThat(text.toString()).isEqualTo(direct.toString());
  }

  @Test
  void take_anotherFileOrASecondTime_loadsThatFileNow(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.json");
    RulesAhead ahead = RulesAhead.start("run", "--rules", missing.toString());
    Path other = Path.of(RunCommandTest.RULES);
    StringWriter text = new StringWriter();
    assertThat(ahead.take(other, new PrintWriter(text, true)).catalog().segments()).isNotEmpty();
    assertThat(text.toString()).as("nothing of the missing file").isEmpty();

    Path copy = dir.resolve("rules.json");
    Files.copy(other, copy);
    RulesAhead again = RulesAhead.start("run", "--rules", copy.toString());
    again.take(copy, new PrintWriter(new StringWriter(), true));
    Files.writeString(copy, "{");
    assertThatThrownBy(() -> again.take(copy, new PrintWriter(new StringWriter(), true)))
        .as("a second take reads the file as it is now")
        .isInstanceOf(Failure.class);
  }

  @Test
  void take_unreadableFile_throwsTheSameIOExceptionOrFailure(@TempDir Path dir) {
    Path missing = dir.resolve("missing.json");
    Throwable direct = catchAny(() -> Rules.load(missing, new PrintWriter(new StringWriter())));
    RulesAhead ahead = RulesAhead.start("run", "--rules", missing.toString());
    Throwable early = catchAny(() -> ahead.take(missing, new PrintWriter(new StringWriter())));
    assertThat(early).isNotNull().hasSameClassAs(direct).hasMessage(direct.getMessage());
  }

  @Test
  void run_usageErrorWithInvalidRules_printsOnlyTheUsageError() {
    Cli r = Cli.run("run", "--rules", HOSTILE + "duplicate-name.json", "--as-of", "2026-11-01");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err).contains("--customers").doesNotContain("is defined twice");
  }

  @Test
  void run_invalidRules_reportsThemAsBefore() {
    Cli r =
        Cli.run(
            "run",
            "--rules",
            HOSTILE + "duplicate-name.json",
            "--customers",
            RunCommandTest.DATA + "generated-300.jsonl",
            "--as-of",
            "2026-11-01");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.INVALID);
    assertThat(r.err)
        .contains("/segments/1/name: segment \"s\" is defined twice")
        .contains("the rules have errors; nothing was evaluated");
  }

  private interface Action {
    void run() throws Exception;
  }

  private static Throwable catchAny(Action a) {
    try {
      a.run();
      return null;
    } catch (Exception | Error e) {
      return e;
    }
  }
}
