package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --engine duckdb} evaluates the rules' SQL in an embedded DuckDB: its report and its
 * membership file are byte-identical to the row engine's, on the bundled example data and on the
 * CSV input with an events file.
 */
class RunDuckDbTest {

  private static void assertSameAsRowEngine(Path dir, String customers, String... more)
      throws Exception {
    Path row = dir.resolve("row.jsonl");
    Path duck = dir.resolve("duckdb.jsonl");
    String[] rowArgs = args(customers, "row", row, more);
    String[] duckArgs = args(customers, "duckdb", duck, more);
    Cli r = Cli.run(rowArgs);
    Cli d = Cli.run(duckArgs);
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(d.exitCode).as(d.toString()).isZero();
    assertThat(d.out).isEqualTo(r.out);
    assertThat(Files.readString(duck)).isEqualTo(Files.readString(row));
  }

  private static String[] args(String customers, String engine, Path out, String... more) {
    String[] base = {
      "run",
      "--rules",
      RunCommandTest.RULES,
      "--customers",
      customers,
      "--as-of",
      RunCommandTest.AS_OF,
      "--engine",
      engine,
      "--out",
      out.toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void bundledExample_duckdbReportAndMembership_identicalToTheRowEngine(@TempDir Path dir)
      throws Exception {
    assertSameAsRowEngine(dir, "../examples/customers.jsonl");
  }

  @Test
  void generatedData_duckdb_identicalToTheRowEngine(@TempDir Path dir) throws Exception {
    assertSameAsRowEngine(dir, RunCommandTest.DATA + "generated-300.jsonl");
  }

  @Test
  void csvWithEvents_duckdb_identicalToTheRowEngine(@TempDir Path dir) throws Exception {
    assertSameAsRowEngine(
        dir,
        RunCommandTest.DATA + "small.csv",
        "--events",
        RunCommandTest.DATA + "small-events.csv");
  }

  @Test
  void unknownEngine_namesTheThree() {
    Cli cli = Cli.example("run", "small.jsonl", "--engine", "oracle");
    assertThat(cli.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err).contains("--engine must be row, columnar or duckdb, got \"oracle\"");
  }
}
