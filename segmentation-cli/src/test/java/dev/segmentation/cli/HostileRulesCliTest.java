package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules reproducers of the hostile-input probe (issue 14) through the command line: each exits
 * 1 (invalid rules) with its pointer or line and column, never 70 with a stack trace, and every
 * line of the report starts with the file's name (no name can forge a line). The files are the
 * rules fuzz target's corpus in segmentation-dsl.
 */
class HostileRulesCliTest {
  private static final String CORPUS =
      "../segmentation-dsl/src/test/resources/dev/segmentation/json/RulesFuzzTestInputs/rules/";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "exp-huge.json|/segments/0/where/value: the number 1e999999999999 is too large",
        "exp-huge-negative.json|/segments/0/where/value: the number -1e999999999999 is too large",
        "exp-tiny.json|/segments/0/where/value: the number 1e-999999999999 is too small",
        "exp-int-overflow.json|/segments/0/where/value: the number 1e2147483648 is too large",
        "underflow-400.json|/segments/0/where/value: the number 1E-400 is too small",
        "latin1.json|line 1, column 177: the file is not valid UTF-8: byte 0xE9",
        "overlong.json|line 1, column 18: the file is not valid UTF-8: byte 0xC0",
        "cesu.json|line 1, column 18: the file is not valid UTF-8: byte 0xED",
        "utf16le.json|line 1, column 1: the file is UTF-16",
        "regex-nested-10.json|/segments/0/where/value: the pattern repeats too much",
        "regex-nested-100.json|/segments/0/where/value: the pattern repeats too much",
        "regex-nested-4.json|/segments/0/where/value: the pattern repeats too much",
        "leap-second.json|/segments/0/where/value: \"2016-12-31T23:59:60Z\" is a leap second",
        "duplicate-name.json|/segments/1/name: segment \"s\" is defined twice (first at /segments/0)",
        "deep-200.json|conditions are nested deeper than the limit of 64",
        "long-string.json|the string is longer than the limit of 10,000 characters",
        "control-name.json|unknown attribute \"x\\nrules.json: OK (0 errors)\\u0007\""
      })
  void check_hostileRules_exit1WithWhereAndNoForgedLine(String file, String expected) {
    Cli r = Cli.run("check", "--rules", CORPUS + file);
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.out + r.err)
        .contains(expected)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    for (String line : (r.out + r.err).split("\n", -1)) {
      assertThat(line)
          .as(r.toString())
          .satisfiesAnyOf(
              l -> assertThat(l).isEmpty(),
              l -> assertThat(l).startsWith(CORPUS + file),
              l -> assertThat(l).startsWith("INVALID"));
    }
  }
}
