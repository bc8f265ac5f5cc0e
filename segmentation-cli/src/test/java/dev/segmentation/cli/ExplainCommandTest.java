package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {
  static final String RULES = RunCommandTest.RULES;
  static final String DATA = RunCommandTest.DATA;

  @Test
  void explain_knownCustomer_matchesGolden() {
    Cli r = Cli.example("explain", "small.jsonl", "--id", "c-1");
    assertThat(r.exitCode).as(r.toString()).isZero();
    Golden.assertMatches("explain-c-1.txt", r.out);
  }

  @Test
  void explain_oneSegmentWithMissingValues_showsUnknown() {
    Cli r =
        Cli.example(
            "explain",
            "small.csv",
            "--events",
            DATA + "small-events.csv",
            "--id",
            "c-2",
            "--segment",
            "seniors");
    assertThat(r.exitCode).as(r.toString()).isZero();
    Golden.assertMatches("explain-c-2-seniors.txt", r.out);
  }

  @Test
  void explain_unknownId_exit1() {
    Cli r =
        Cli.run("explain", "--rules", RULES, "--customers", DATA + "small.jsonl", "--id", "c-404");
    assertThat(r.exitCode).isEqualTo(1);
    assertThat(r.err).contains("no customer with id \"c-404\" in " + DATA + "small.jsonl");
  }

  @Test
  void explain_unknownSegment_usageErrorWithSuggestion() {
    Cli r =
        Cli.run(
            "explain",
            "--rules",
            RULES,
            "--customers",
            DATA + "small.jsonl",
            "--id",
            "c-1",
            "--segment",
            "nordic");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("did you mean \"nordics\"?");
  }
}
