package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.live.MembershipSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --snapshot}, {@code run --previous --changes-dir} and {@code schedule} on the bundled
 * example (2,000 customers, two years of events) at two instants a month apart.
 */
class LiveCommandsTest {
  private static final String RULES = "../examples/rules.json";
  private static final String CUSTOMERS = "../examples/customers.jsonl";
  private static final String OCTOBER = "2026-10-01T00:00:00Z";
  private static final String NOVEMBER = "2026-11-01T00:00:00Z";

  private static Cli run(String asOf, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", "--rules", RULES, "--customers", CUSTOMERS, "--as-of", asOf));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void runWithPrevious_twoInstants_printsChangesAndWritesEnteredAndExitedFiles(@TempDir Path dir)
      throws Exception {
    Path october = dir.resolve("october.snap");
    Path november = dir.resolve("november.snap");
    Path changes = dir.resolve("changes");
    Cli first = run(OCTOBER, "--snapshot", october.toString());
    assertThat(first.exitCode).as(first.toString()).isZero();

    Cli second =
        run(
            NOVEMBER,
            "--snapshot",
            november.toString(),
            "--previous",
            october.toString(),
            "--changes-dir",
            changes.toString());

    assertThat(second.exitCode).as(second.toString()).isZero();
    assertThat(second.err).isEmpty();
    String printed = second.out.substring(second.out.indexOf("\nchanges since"));
    Golden.assertMatches("run-changes-october-november.txt", printed);
    Golden.assertMatches(
        "changes-repeat-buyers-90d.exited.csv",
        Files.readString(changes.resolve("repeat-buyers-90d.exited.csv")));
    // Every count printed is the number of ids in the segment's file.
    Matcher row = Pattern.compile("(?m)^([a-z0-9-]+) +([0-9,]+) +([0-9,]+)$").matcher(printed);
    int segments = 0;
    while (row.find()) {
      segments++;
      assertThat(lines(changes.resolve(row.group(1) + ".entered.csv")))
          .as(row.group(1))
          .isEqualTo(Integer.parseInt(row.group(2).replace(",", "")));
      assertThat(lines(changes.resolve(row.group(1) + ".exited.csv")))
          .as(row.group(1))
          .isEqualTo(Integer.parseInt(row.group(3).replace(",", "")));
    }
    assertThat(segments).isEqualTo(18);
    try (Stream<Path> files = Files.list(changes)) {
      assertThat(files).hasSize(36);
    }
    MembershipSnapshot read = MembershipSnapshot.read(november);
    assertThat(read.ids()).hasSize(2000);
    assertThat(read.asOf()).hasToString(NOVEMBER);
  }

  private static int lines(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("id");
    return lines.size() - 1;
  }

  @Test
  void runWithPrevious_otherRules_isRefusedAndWritesNothing(@TempDir Path dir) {
    Path october = dir.resolve("october.snap");
    Path changes = dir.resolve("changes");
    assertThat(run(OCTOBER, "--snapshot", october.toString()).exitCode).isZero();

    Cli r =
        Cli.run(
            "run",
            "--rules",
            "../examples/behavioral/rules.json",
            "--customers",
            "../examples/behavioral/customers.jsonl",
            "--as-of",
            NOVEMBER,
            "--previous",
            october.toString(),
            "--changes-dir",
            changes.toString());

    assertThat(r.exitCode).isEqualTo(ExitCode.INVALID);
    assertThat(r.err)
        .startsWith(october + ": the snapshots were made with different rules (fingerprint ")
        .contains("segments loyal-buyers (new)")
        .contains("young-adults (removed)")
        .endsWith("; make both snapshots with the same rules\nstopped: nothing was written.\n");
    assertThat(changes).doesNotExist();
  }

  @Test
  void runWithPrevious_notASnapshot_namesTheFile(@TempDir Path dir) throws Exception {
    Path bogus = Files.writeString(dir.resolve("bogus.snap"), "id\nc-1\n");

    Cli r = run(NOVEMBER, "--previous", bogus.toString(), "--changes-dir", dir.toString());

    assertThat(r.exitCode).isEqualTo(ExitCode.INVALID);
    assertThat(r.err)
        .isEqualTo(
            bogus
                + ": not a segmentation snapshot (no SEGSNAP1 header)\n"
                + "stopped: nothing was written.\n");
  }

  @Test
  void runWithPrevious_withoutChangesDir_isAUsageError(@TempDir Path dir) {
    Cli r = run(NOVEMBER, "--previous", dir.resolve("x.snap").toString());

    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(r.err).contains("--previous and --changes-dir go together");
  }

  @Test
  void schedule_example_matchesGolden() {
    Cli r = Cli.run("schedule", "--rules", RULES, "--customers", CUSTOMERS, "--as-of", NOVEMBER);

    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    Golden.assertMatches("schedule-example.txt", r.out);
  }
}
