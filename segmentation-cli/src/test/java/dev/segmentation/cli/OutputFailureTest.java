package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run leaves behind when it cannot finish (issue 14): a run ended by SIGTERM leaves no
 * temporary file, and a write that fails (a full disk, a file size limit) names the file. Each test
 * runs the command line in a JVM of its own, as a user would.
 */
@EnabledOnOs(OS.LINUX)
class OutputFailureTest {

  private static List<String> java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:-UsePerfData");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void run_sigtermWhileReading_leavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    // A named pipe that nobody writes: the run blocks reading customers, with its rejects file
    // already open as a temporary file.
    Path customers = dir.resolve("customers.csv");
    assertThat(new ProcessBuilder("mkfifo", customers.toString()).start().waitFor()).isZero();
    Path out = Files.createDirectory(dir.resolve("out"));
    Process p =
        new ProcessBuilder(
                java(
                    "run",
                    "--rules",
                    Path.of(RunCommandTest.RULES).toAbsolutePath().toString(),
                    "--customers",
                    customers.toString(),
                    "--on-error",
                    "skip",
                    "--rejects",
                    out.resolve("rejects.csv").toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (files(out).isEmpty() && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(files(out)).as("the temporary rejects file while running").hasSize(1);
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(files(out)).isEmpty();
  }

  @Test
  void run_writeFails_exit3NamingTheFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("membership.jsonl");
    // A file size limit of 1 KiB: writes beyond it fail with EFBIG ("File too large"), as on a
    // full disk. The JVM ignores SIGXFSZ, so the write returns the error.
    String command =
        "ulimit -f 1 && exec "
            + String.join(
                " ",
                java(
                        "run",
                        "--rules",
                        RunCommandTest.RULES,
                        "--customers",
                        RunCommandTest.DATA + "generated-300.jsonl",
                        "--as-of",
                        RunCommandTest.AS_OF,
                        "--out",
                        out.toString())
                    .stream()
                    .map(a -> "'" + a + "'")
                    .toList());
    Process p =
        new ProcessBuilder("bash", "-c", command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(log).isEqualTo(3);
    assertThat(log).contains("cannot write " + out + ": File too large");
    assertThat(files(dir)).containsExactly(dir.resolve("log.txt"));
  }
}
