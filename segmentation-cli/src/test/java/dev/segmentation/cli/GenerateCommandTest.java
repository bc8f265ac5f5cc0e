package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @Test
  void generate_sameSeed_byteIdenticalFiles(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Cli first =
        Cli.run(
            "generate",
            "--count",
            "200",
            "--seed",
            "7",
            "--as-of",
            "2026-11-01",
            "--out",
            a.toString());
    Cli second =
        Cli.run(
            "generate",
            "--count",
            "200",
            "--seed",
            "7",
            "--as-of",
            "2026-11-01T00:00:00Z",
            "--out",
            b.toString());
    assertThat(first.exitCode).as(first.toString()).isZero();
    assertThat(second.exitCode).isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllLines(a)).hasSize(200);
    assertThat(first.out).contains("wrote 200 customers (seed 7, as of 2026-11-01T00:00:00Z)");
  }

  @Test
  void generate_seed42_reproducesTheBundledExampleFile(@TempDir Path dir) throws Exception {
    // examples/customers.jsonl is this command's output; regenerate it when the generator changes.
    Path out = dir.resolve("customers.jsonl");
    Cli r =
        Cli.run(
            "generate",
            "--count",
            "2000",
            "--seed",
            "42",
            "--as-of",
            "2026-11-01T00:00:00Z",
            "--out",
            out.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(Files.readAllBytes(out))
        .isEqualTo(Files.readAllBytes(Path.of("../examples/customers.jsonl")));
  }

  @Test
  void generate_csvWithEvents_readBackEqualsJsonl(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("c.jsonl");
    Path csv = dir.resolve("c.csv");
    Path events = dir.resolve("e.csv");
    assertThat(
            Cli.run("generate", "--count", "50", "--as-of", "2026-11-01", "--out", jsonl.toString())
                .exitCode)
        .isZero();
    Cli r =
        Cli.run(
            "generate",
            "--count",
            "50",
            "--as-of",
            "2026-11-01",
            "--out",
            csv.toString(),
            "--events-out",
            events.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(Files.readString(csv)).startsWith("id,age,country,city,");
    assertThat(Files.readString(events))
        .startsWith("customer,type,timestamp,amount,category,channel,campaign,path\n");
  }

  @Test
  void generate_badArguments_usageExitCode2(@TempDir Path dir) {
    Cli noCount = Cli.run("generate", "--out", dir.resolve("x.jsonl").toString());
    assertThat(noCount.exitCode).isEqualTo(2);
    assertThat(noCount.err).contains("Missing required option: '--count=N'");
    Cli badExtension =
        Cli.run("generate", "--count", "1", "--out", dir.resolve("x.txt").toString());
    assertThat(badExtension.exitCode).isEqualTo(2);
    assertThat(badExtension.err).contains("cannot tell the format of");
    Cli badDate =
        Cli.run(
            "generate",
            "--count",
            "1",
            "--as-of",
            "yesterday",
            "--out",
            dir.resolve("x.jsonl").toString());
    assertThat(badDate.exitCode).isEqualTo(2);
    assertThat(badDate.err).contains("expected an instant like 2026-11-01T00:00:00Z");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void generate_unwritableTarget_exit3AndNoPartialFile(@TempDir Path dir) throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "not a directory");
    Cli r = Cli.run("generate", "--count", "10", "--out", blocker.resolve("c.jsonl").toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(3);
    assertThat(r.err).contains("cannot write");
  }
}
