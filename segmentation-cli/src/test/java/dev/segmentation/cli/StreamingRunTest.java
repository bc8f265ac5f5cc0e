package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run} on the row engine writes each customer's results as it goes (keeping none); with
 * {@code --snapshot} it keeps them all and writes at the end. Both must print and write the same
 * bytes.
 */
class StreamingRunTest {

  @ParameterizedTest
  @ValueSource(strings = {"membership.csv", "membership.jsonl"})
  void run_streamingAndKeepingEveryResult_sameReportAndFiles(String name, @TempDir Path dir)
      throws Exception {
    Path streamed = Files.createDirectories(dir.resolve("streamed"));
    Path kept = Files.createDirectories(dir.resolve("kept"));

    Cli s =
        Cli.example(
            "run",
            "generated-300.jsonl",
            "--out",
            streamed.resolve(name).toString(),
            "--out-dir",
            streamed.resolve("segments").toString());
    Cli k =
        Cli.example(
            "run",
            "generated-300.jsonl",
            "--out",
            kept.resolve(name).toString(),
            "--out-dir",
            kept.resolve("segments").toString(),
            "--snapshot",
            dir.resolve("snapshot.json").toString());

    assertThat(s.exitCode).as(s.toString()).isZero();
    assertThat(k.exitCode).as(k.toString()).isZero();
    assertThat(s.out).isEqualTo(k.out);
    assertThat(Files.readAllBytes(streamed.resolve(name)))
        .isEqualTo(Files.readAllBytes(kept.resolve(name)));
    try (Stream<Path> files = Files.list(kept.resolve("segments"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        assertThat(Files.readAllBytes(streamed.resolve("segments").resolve(f.getFileName())))
            .as(f.getFileName().toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
    try (Stream<Path> files = Files.list(streamed.resolve("segments"))) {
      assertThat(files.count()).isGreaterThan(10);
    }
  }
}
