package dev.segmentation.engine.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}. A test fails when the text it produces
 * differs from the file. To accept new output after an intended change, run the tests with {@code
 * -Dgolden.update=true}, e.g. {@code mvn -B -q -pl segmentation-core verify -Dgolden.update=true
 * -Dtest=SemanticsTableTest -Dsurefire.failIfNoSpecifiedTests=false}, and review the diff.
 */
final class Golden {
  private Golden() {}

  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  static void assertMatches(String relativePath, String actual) {
    Path file = ROOT.resolve(relativePath);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(file).as("golden file (create it with -Dgolden.update=true)").exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(actual)
          .as("golden file %s (regenerate with -Dgolden.update=true)", file)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
