package dev.segmentation.cli;

import static dev.segmentation.cli.RunCommandTest.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that a hostile or careless writer produces (issue 14): each bad row is rejected at its
 * place, never altered silently and never the end of a run that skips bad rows.
 */
class HostileInputTest {

  private static Cli skip(Path rejects, String customers, String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("--on-error", "skip", "--rejects", rejects.toString()));
    args.addAll(List.of(more));
    return Cli.example("run", customers, args.toArray(new String[0]));
  }

  /** Runs on a customers file outside the test data, skipping bad rows. */
  private static Cli skipFile(Path rejects, Path customers) {
    return Cli.run(
        "run",
        "--rules",
        RunCommandTest.RULES,
        "--customers",
        customers.toString(),
        "--as-of",
        RunCommandTest.AS_OF,
        "--on-error",
        "skip",
        "--rejects",
        rejects.toString());
  }

  @Test
  void run_csvWithInvalidUtf8_skip_rowRejectedAtLineAndColumn(@TempDir Path dir) throws Exception {
    Path rejects = dir.resolve("rejects.csv");
    Cli r = skip(rejects, "bad-utf8.csv");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out)
        .startsWith("2 customers as of 2026-11-01T00:00:00Z (UTC); 1 bad rows skipped");
    assertThat(Files.readAllLines(rejects))
        .hasSize(2)
        .element(1)
        .asString()
        .startsWith(
            DATA + "bad-utf8.csv,3,column 3 (city),\"invalid UTF-8: byte 0xE4 is not a character");
  }

  @Test
  void run_csvWithInvalidUtf8_stop_exit1NamingLineAndColumn() {
    Cli r = Cli.example("run", "bad-utf8.csv");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.err)
        .startsWith(
            DATA + "bad-utf8.csv:3: column 3 (city): invalid UTF-8: byte 0xE4 is not a character");
  }

  @Test
  void run_jsonlWithInvalidUtf8_skip_rowRejectedAtLineAndColumn(@TempDir Path dir)
      throws Exception {
    Path rejects = dir.resolve("rejects.csv");
    Cli r = skip(rejects, "bad-utf8.jsonl");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out)
        .startsWith("2 customers as of 2026-11-01T00:00:00Z (UTC); 1 bad rows skipped");
    assertThat(Files.readAllLines(rejects))
        .hasSize(2)
        .element(1)
        .asString()
        .startsWith(DATA + "bad-utf8.jsonl,2,column 22,\"invalid UTF-8: byte 0xE4");
  }

  @Test
  void run_eventsWithInvalidUtf8_stop_exit1NamingFileLineAndColumn() {
    Cli r = Cli.example("run", "small.csv", "--events", DATA + "bad-utf8-events.csv");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.err)
        .startsWith(
            DATA
                + "bad-utf8-events.csv:2: column 5 (category): invalid UTF-8: byte 0xF6 is not a character");
  }

  @Test
  void run_orphanEvents_skip_everyRowRejectedWithItsLineAndText(@TempDir Path dir)
      throws Exception {
    Path rejects = dir.resolve("rejects.csv");
    Cli r = skip(rejects, "small.csv", "--events", DATA + "orphan-events.csv");
    assertThat(r.exitCode).as(r.toString()).isZero();
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(1))
        .startsWith(DATA + "orphan-events.csv,3,")
        .endsWith(",\"c-9,page_view,2026-10-30T18:00:00Z,,,,,/pricing\"");
    assertThat(lines.get(2))
        .startsWith(DATA + "orphan-events.csv,4,")
        .endsWith(",\"c-9,page_view,2026-10-31T18:00:00Z,,,,,/signup\"");
    assertThat(lines.get(3)).startsWith(DATA + "orphan-events.csv,5,").contains("last tuesday");
    assertThat(lines.get(4))
        .startsWith(DATA + "orphan-events.csv,6,")
        .endsWith(",\"c-8,email_open,2026-10-16T07:00:00Z,,,,newsletter,\"");
  }

  @Test
  void run_orphanEvents_stop_firstBadRowOfTheFileFirst() {
    Cli r = Cli.example("run", "small.csv", "--events", DATA + "orphan-events.csv");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.err).startsWith(DATA + "orphan-events.csv:3: ");
  }

  @Test
  void explain_integerWrittenAsFloatBeyond2pow53_readExactly() {
    Cli r =
        Cli.example("explain", "big-float-integer.jsonl", "--id", "c-1", "--segment", "seniors");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).contains("9007199254740993").doesNotContain("9007199254740992");
  }

  @Test
  void run_integerWithFraction_refusedNamingTheValue() {
    Cli r = Cli.example("run", "fraction-integer.jsonl");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.err)
        .startsWith(
            DATA + "fraction-integer.jsonl:1: column 13 (field \"age\"): expected an integer");
  }

  @Test
  void run_asOfBeyondTheSupportedRange_usageErrorExit2() {
    Cli r =
        Cli.run(
            "run",
            "--rules",
            RunCommandTest.RULES,
            "--customers",
            DATA + "small.csv",
            "--as-of",
            "+999999999-06-01T00:00:00Z");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
    assertThat(r.err)
        .contains("--as-of")
        .contains("between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z")
        .doesNotContain("Exception");
  }

  @Test
  void check_nameWithNewline_escapedSoNoLineIsForged() {
    Cli r = Cli.run("check", "--rules", CheckCommandTest.RULES + "forged-name.json");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat((r.out + r.err).lines()).noneMatch(l -> l.startsWith("forged-name.json: OK"));
    assertThat(r.out + r.err).contains("wehre\\nforged-name.json: OK");
  }

  @Test
  void run_controlCharacterInColumnName_escapedInTheMessage() {
    Cli r = Cli.example("run", "bad-control-column.csv");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.err).doesNotContain("\u001b").contains("contry\\u001b[2J");
  }

  @Test
  void run_csvLineBeyondTheLimit_skip_rejectedAndTheRunGoesOn(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("huge.csv");
    Path rejects = dir.resolve("rejects.csv");
    String huge = "c-2,FI" + "x".repeat(CsvReader.MAX_RECORD_CHARS + 10);
    Files.writeString(csv, "id,country\nc-1,FI\n" + huge + "\nc-3,SE\n");
    Cli r = skipFile(rejects, csv);
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).startsWith("2 customers as of");
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith(csv + ",3,column 2 (country),a line longer than 1048576");
  }

  @Test
  void run_quoteNeverClosed_skip_onlyItsLineRejected(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("unclosed.csv");
    Path rejects = dir.resolve("rejects.csv");
    Files.writeString(csv, "id,country\nc-1,FI\nc-2,\"SE\nc-3,NO\nc-4,DK\n");
    Cli r = skipFile(rejects, csv);
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).startsWith("3 customers as of");
    assertThat(Files.readAllLines(rejects))
        .containsExactly(
            "file,line,column,reason,record",
            csv
                + ",3,column 2 (country),a quoted field is not closed before the end of the"
                + " file,\"c-2,\"\"SE\"");
  }

  @Test
  void run_jsonlWithByteOrderMark_firstCustomerKept() {
    Cli r = Cli.example("run", "bom.jsonl");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).startsWith("2 customers as of");
  }

  @Test
  void run_jsonlNumberBeyondTheLengthLimit_rejectNamesTheColumn(@TempDir Path dir)
      throws Exception {
    Path rejects = dir.resolve("rejects.csv");
    Cli r = skip(rejects, "long-number.jsonl");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(Files.readAllLines(rejects))
        .hasSize(2)
        .element(1)
        .asString()
        .startsWith(
            DATA
                + "long-number.jsonl,2,\"column 13 (field \"\"age\"\")\",malformed JSON: Number value"
                + " length (500) exceeds the maximum allowed (400),");
  }

  /** Found by fuzzing: no BigDecimal holds an exponent beyond 32 bits. */
  @Test
  void run_jsonlExponentBeyond32Bits_badRowNotAnInternalError() {
    Cli r = Cli.example("run", "exponent-overflow.jsonl");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.err)
        .startsWith(
            DATA
                + "exponent-overflow.jsonl:1: column 19: the number 1E4999999999 is out of"
                + " range");
  }
}
