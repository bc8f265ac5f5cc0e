package dev.segmentation.cli;

import static dev.segmentation.cli.RunCommandTest.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.testkit.CustomerGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options that tell how a data file is written (issue 13): tags, empty cells, id columns. */
class InputOptionsTest {
  private static final String TAG_RULES = CheckCommandTest.RULES + "tags.json";

  /** Runs the tag rules on tags-semicolon.csv; returns the membership file's rows. */
  private static List<String> membership(Path dir, Cli[] run, String... more) throws Exception {
    Path out = dir.resolve("membership.csv");
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--rules",
                TAG_RULES,
                "--customers",
                DATA + "tags-semicolon.csv",
                "--as-of",
                RunCommandTest.AS_OF,
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    run[0] = Cli.run(args.toArray(new String[0]));
    assertThat(run[0].exitCode).as(run[0].toString()).isZero();
    return Files.readAllLines(out);
  }

  @Test
  void run_tagsJoinedWithSemicolon_tagSeparatorSplitsThem(@TempDir Path dir) throws Exception {
    Cli[] r = new Cli[1];
    assertThat(membership(dir, r, "--tag-separator", ";"))
        .containsExactly(
            "id,segments", "c-1,vip", "c-2,untagged", "c-3,\"\"", "c-4,vip", "c-5,untagged");
    assertThat(r[0].err)
        .isEqualTo(
            "warning: 1 tag value in "
                + DATA
                + "tags-semicolon.csv contains ';' or ',' (first: line 6, column 2 (tags):"
                + " \"vip,newsletter\"); if they are lists, use --tag-separator ','\n");
  }

  @Test
  void run_emptyTagsCell_meansNoTags(@TempDir Path dir) throws Exception {
    Cli[] r = new Cli[1];
    List<String> rows = membership(dir, r);
    assertThat(rows).contains("c-2,untagged"); // no tags, not "missing"
    assertThat(rows).doesNotContain("c-2,tags-missing");
  }

  @Test
  void run_emptyTagsMissing_restoresTheOldRule(@TempDir Path dir) throws Exception {
    Cli[] r = new Cli[1];
    assertThat(membership(dir, r, "--empty-tags", "missing")).contains("c-2,tags-missing");
  }

  @Test
  void run_tagValuesWithSemicolonOrComma_warnOnceWithCountAndExample(@TempDir Path dir)
      throws Exception {
    Cli[] r = new Cli[1];
    membership(dir, r);
    assertThat(r[0].err)
        .isEqualTo(
            "warning: 2 tag values in "
                + DATA
                + "tags-semicolon.csv contain ';' or ',' (first: line 2, column 2 (tags):"
                + " \"vip;newsletter\"); if they are lists, use --tag-separator ';'\n");
  }

  @Test
  void run_eventsHeaderWithCustomerId_hintsTheOption() {
    Cli r = Cli.example("run", "small.csv", "--events", DATA + "events-customer-id.csv");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    assertThat(r.err)
        .contains(
            "events-customer-id.csv:1: the header has no \"customer\" column; is it"
                + " \"customer_id\"? Name it with --events-id-column customer_id");
  }

  @Test
  void run_eventsIdColumn_readsTheNamedColumn() {
    Cli named =
        Cli.example(
            "run",
            "small.csv",
            "--events",
            DATA + "events-customer-id.csv",
            "--events-id-column",
            "customer_id");
    assertThat(named.exitCode).as(named.toString()).isZero();
  }

  @Test
  void explain_keepsOnlyTheEventsOfItsCustomer() throws Exception {
    // Rows of other customers are neither kept nor checked: c-3's bad timestamp and the unknown
    // c-9 do not stop explaining c-1.
    Cli r =
        Cli.example(
            "explain",
            "small.csv",
            "--events",
            DATA + "events-others-bad.csv",
            "--id",
            "c-1",
            "--segment",
            "repeat-buyers-90d");
    assertThat(r.exitCode).as(r.toString()).isZero();
    EventsFile events =
        EventsFile.read(
            Path.of(DATA + "events-others-bad.csv"),
            CustomerGenerator.schema(),
            "c-1"::equals,
            false,
            Dialect.DEFAULT);
    assertThat(events.byCustomer()).containsOnlyKeys("c-1");
    assertThat(events.byCustomer().get("c-1")).hasSize(2);
  }
}
