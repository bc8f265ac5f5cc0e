package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/architecture.md promises, checked over the sources of every module: core's
 * {@code internal} package is core's alone (other modules and users see only public API), and
 * nothing but the command line itself uses the command line.
 */
class LayeringTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.segmentation\\.(internal|cli)\\b[.\\w]*");

  /**
   * {@code module/path:line: reference} for each reference to {@code pkg} outside {@code owner}.
   */
  private static List<String> references(String pkg, String owner) throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(ROOT)) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/"))
              .filter(p -> !p.startsWith(ROOT.resolve(owner)))
              .sorted()
              .toList();
    }
    for (Path file : sources) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = REFERENCE.matcher(lines.get(i));
        while (m.find()) {
          if (m.group(1).equals(pkg)) {
            found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + m.group());
          }
        }
      }
    }
    return found;
  }

  @Test
  void onlyCore_usesCoresInternalPackage() throws IOException {
    assertThat(references("internal", "segmentation-core")).isEmpty();
  }

  @Test
  void onlyTheCommandLine_usesTheCommandLine() throws IOException {
    assertThat(references("cli", "segmentation-cli")).isEmpty();
  }

  @Test
  void theSearch_findsWhatItLooksFor() throws IOException {
    // Core itself uses its internal package: the scan must see that, or it proves nothing.
    assertThat(references("internal", "segmentation-cli"))
        .anyMatch(r -> r.startsWith("segmentation-core/src/main/"));
  }
}
