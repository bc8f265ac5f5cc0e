package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer files may list each customer's events in any order (newest first, as order services
 * often export them): {@code run} prints the same table and membership, with either engine.
 */
class EventOrderCliTest {

  @Test
  void run_jsonlWithEventsNewestFirst_sameOutputAsOldestFirst(@TempDir Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> reversed = new ArrayList<>();
    int reversedLists = 0;
    for (String line : Files.readAllLines(Path.of(RunCommandTest.DATA + "generated-300.jsonl"))) {
      ObjectNode customer = (ObjectNode) json.readTree(line);
      JsonNode events = customer.get("events");
      if (events instanceof ArrayNode array && array.size() > 1) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        Collections.reverse(list);
        customer.set("events", json.createArrayNode().addAll(list));
        reversedLists++;
      }
      reversed.add(json.writeValueAsString(customer));
    }
    assertThat(reversedLists).isGreaterThan(100);
    Path newestFirst = dir.resolve("newest-first.jsonl");
    Files.write(newestFirst, reversed);
    for (String engine : List.of("row", "columnar")) {
      Path expected = dir.resolve(engine + "-expected.csv");
      Path actual = dir.resolve(engine + "-actual.csv");
      Cli sorted =
          Cli.example(
              "run", "generated-300.jsonl", "--engine", engine, "--out", expected.toString());
      Cli unsorted =
          Cli.run(
              "run",
              "--rules",
              RunCommandTest.RULES,
              "--customers",
              newestFirst.toString(),
              "--as-of",
              RunCommandTest.AS_OF,
              "--engine",
              engine,
              "--out",
              actual.toString());
      assertThat(unsorted.exitCode).as(unsorted.toString()).isZero();
      assertThat(unsorted.out).isEqualTo(sorted.out);
      assertThat(Files.readString(actual)).isEqualTo(Files.readString(expected));
    }
  }

  @Test
  void run_csvEventsFileNewestFirst_sameOutputAsOldestFirst(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(RunCommandTest.DATA + "small-events.csv"));
    List<String> reversed = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.reverse(reversed);
    reversed.add(0, lines.get(0));
    Path newestFirst = dir.resolve("events.csv");
    Files.write(newestFirst, reversed);
    Cli sorted =
        Cli.example("run", "small.csv", "--events", RunCommandTest.DATA + "small-events.csv");
    Cli unsorted = Cli.example("run", "small.csv", "--events", newestFirst.toString());
    assertThat(unsorted.exitCode).as(unsorted.toString()).isZero();
    assertThat(unsorted.out).isEqualTo(sorted.out);
  }
}
