package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} end to end, in-process, on the example rules and small customer files. */
class RunCommandTest {
  static final String RULES = "../examples/rules.json";
  static final String DATA = "src/test/resources/data/";
  static final String AS_OF = "2026-11-01T00:00:00Z";

  @Test
  void run_exampleRulesOnGeneratedCustomers_tableMatchesGolden() {
    Cli r = Cli.example("run", "generated-300.jsonl");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    Golden.assertMatches("run-generated-300.txt", r.out);
  }

  @Test
  void run_rowAndColumnarEngines_identicalTableAndMembership(@TempDir Path dir) throws Exception {
    Path row = dir.resolve("row.jsonl");
    Path columnar = dir.resolve("columnar.jsonl");
    Cli r = Cli.example("run", "generated-300.jsonl", "--engine", "row", "--out", row.toString());
    Cli c =
        Cli.example(
            "run", "generated-300.jsonl", "--engine", "columnar", "--out", columnar.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(c.exitCode).as(c.toString()).isZero();
    assertThat(c.out).isEqualTo(r.out);
    assertThat(Files.readString(columnar)).isEqualTo(Files.readString(row));
  }

  @Test
  void run_csvWithEventsFile_sameTableAsJsonl() {
    Cli csv = Cli.example("run", "small.csv", "--events", DATA + "small-events.csv");
    Cli jsonl = Cli.example("run", "small.jsonl");
    assertThat(csv.exitCode).as(csv.toString()).isZero();
    assertThat(jsonl.exitCode).as(jsonl.toString()).isZero();
    assertThat(csv.out).isEqualTo(jsonl.out);
  }

  @Test
  void run_outCsvJsonlAndDir_membershipMatchesGolden(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("membership.csv");
    Path jsonl = dir.resolve("membership.jsonl");
    Path segments = dir.resolve("segments");
    Cli r = Cli.example("run", "small.jsonl", "--out", csv.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    r =
        Cli.example(
            "run", "small.jsonl", "--out", jsonl.toString(), "--out-dir", segments.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    Golden.assertMatches("membership-small.csv", Files.readString(csv));
    Golden.assertMatches("membership-small.jsonl", Files.readString(jsonl));
    assertThat(Files.readString(segments.resolve("nordics.csv"))).isEqualTo("id\nc-1\nc-2\n");
    try (Stream<Path> files = Files.list(segments)) {
      assertThat(files.count()).isEqualTo(18);
    }
  }

  @Test
  void run_badRowStopping_exit1AndNoOutputAtAll(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("membership.csv");
    Path segments = dir.resolve("segments");
    Cli r =
        Cli.example(
            "run", "bad-type.csv", "--out", out.toString(), "--out-dir", segments.toString());
    assertThat(r.exitCode).isEqualTo(1);
    assertThat(r.out).isEmpty();
    Golden.assertMatches("run-bad-type-stop.txt", r.err);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty(); // no output, no temporary file, no directory
    }
  }

  @Test
  void run_failingRunOverExistingOutput_keepsOldFileIntact(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("membership.csv");
    Files.writeString(out, "previous complete result\n");
    Cli r = Cli.example("run", "bad-duplicate.csv", "--out", out.toString());
    assertThat(r.exitCode).isEqualTo(1);
    assertThat(r.err).contains("bad-duplicate.csv:4: column 1 (id): duplicate customer id \"c-1\"");
    assertThat(Files.readString(out)).isEqualTo("previous complete result\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void run_skip_badRowsInRejectsWithReasonsAndCounted(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("membership.csv");
    Path rejects = dir.resolve("rejects.csv");
    Cli r =
        Cli.example(
            "run",
            "bad-date.csv",
            "--out",
            out.toString(),
            "--on-error",
            "skip",
            "--rejects",
            rejects.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out)
        .startsWith("1 customers as of 2026-11-01T00:00:00Z (UTC); 2 bad rows skipped");
    assertThat(r.err).isEqualTo("skipped 2 bad rows; they are in " + rejects + "\n");
    Golden.assertMatches("rejects-bad-date.csv", Files.readString(rejects));
    assertThat(Files.readAllLines(out)).hasSize(2).element(1).asString().startsWith("c-1,");
  }

  @Test
  void run_skipWithoutRejects_usageError() {
    Cli r =
        Cli.run(
            "run", "--rules", RULES, "--customers", DATA + "bad-date.csv", "--on-error", "skip");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("--on-error skip needs --rejects FILE");
  }

  @Test
  void run_outputIsAnInput_usageErrorAndInputUntouched() throws Exception {
    Path input = Path.of(DATA + "small.csv");
    String before = Files.readString(input);
    Cli r = Cli.example("run", "small.csv", "--out", DATA + "small.csv");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("is an input file; choose another output file");
    assertThat(Files.readString(input)).isEqualTo(before);
  }

  @Test
  void run_missingFiles_exit3NamingTheFile() {
    Cli noRules = Cli.run("run", "--rules", "nope.json", "--customers", DATA + "small.csv");
    assertThat(noRules.exitCode).isEqualTo(3);
    assertThat(noRules.err).contains("nope.json");
    Cli noCustomers = Cli.run("run", "--rules", RULES, "--customers", "nope.csv");
    assertThat(noCustomers.exitCode).isEqualTo(3);
    assertThat(noCustomers.err).contains("cannot read nope.csv: no such file");
  }
}
