package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckCommandTest {
  static final String RULES = "src/test/resources/rules/";

  @Test
  void check_exampleRules_okExit0() {
    Cli r = Cli.run("check", "--rules", RunCommandTest.RULES);
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out)
        .isEqualTo(
            "../examples/rules.json: OK (18 segments, 2 tierings, 1 scores, 1 RFM models;"
                + " 0 errors, 0 warnings)\n");
  }

  @Test
  void check_invalidRules_everyProblemWithItsPointerExit1() {
    Cli r = Cli.run("check", "--rules", RULES + "invalid.json");
    assertThat(r.exitCode).isEqualTo(1);
    Golden.assertMatches("check-invalid.txt", r.out);
  }

  @Test
  void check_malformedJson_lineAndColumnExit1() {
    Cli r = Cli.run("check", "--rules", RULES + "malformed.json");
    assertThat(r.exitCode).isEqualTo(1);
    Golden.assertMatches("check-malformed.txt", r.out);
  }

  @Test
  void run_undeclaredAttribute_exit1NamingThePath() {
    Cli r =
        Cli.run(
            "run",
            "--rules",
            RULES + "unknown-attribute.json",
            "--customers",
            RunCommandTest.DATA + "small.csv");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.out).isEmpty();
    Golden.assertMatches("run-unknown-attribute.txt", r.err);
  }

  @Test
  void run_invalidRules_exit1AndNothingEvaluated() {
    Cli r =
        Cli.run(
            "run",
            "--rules",
            RULES + "invalid.json",
            "--customers",
            RunCommandTest.DATA + "small.csv");
    assertThat(r.exitCode).isEqualTo(1);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("/segments/1/where/op: unknown operator \"greaterThan\"");
  }
}
