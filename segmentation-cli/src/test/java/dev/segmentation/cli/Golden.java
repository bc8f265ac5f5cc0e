package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a golden file under {@code src/test/resources/golden}. To regenerate every
 * golden file after a deliberate change, run the tests with {@code -Dgolden.update=true} and review
 * the diff: {@code mvn -B -q -pl segmentation-cli -am verify -Dgolden.update=true}.
 */
public final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /** Asserts that {@code actual} equals the golden file {@code name}, or rewrites it on update. */
  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; run with -Dgolden.update=true to create it", file)
          .exists();
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
