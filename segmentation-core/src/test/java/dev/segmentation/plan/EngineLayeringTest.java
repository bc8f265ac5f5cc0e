package dev.segmentation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's layering (docs/architecture.md): each backend compiles from the plan, and no
 * engine uses another engine's package; what a backend evaluates one customer at a time goes
 * through the plan-node evaluator ({@code plan.eval}), never through the row engine's entry points.
 */
class EngineLayeringTest {
  private static final Path MAIN = Path.of("src/main/java/dev/segmentation");

  /** {@code file:line: text} for each line of the package's sources that mentions {@code pkg}. */
  private static List<String> mentions(String sourcePackage, String pkg) throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(MAIN.resolve(sourcePackage))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : sources) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(pkg)) {
          found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    return found;
  }

  @Test
  void theColumnarEngine_neverUsesTheRowEngine() throws IOException {
    assertThat(mentions("engine/columnar", "dev.segmentation.engine.row")).isEmpty();
    assertThat(mentions("engine/columnar", "RowEngine")).isEmpty();
    assertThat(mentions("engine/columnar", "CompiledCatalog")).isEmpty();
  }

  @Test
  void theColumnarEngine_neverCallsItsOwnEntryPointsFromInside() throws IOException {
    // Event filters and leaves compile from the plan, not through a public compile that checks.
    assertThat(mentions("engine/columnar", "ColumnarEngine.compile"))
        .allMatch(line -> line.startsWith("engine/columnar/ColumnarEngine.java:"));
  }

  @Test
  void theRowEngine_neverUsesTheColumnarEngine() throws IOException {
    assertThat(mentions("engine/row", "dev.segmentation.engine.columnar")).isEmpty();
  }

  @Test
  void thePlan_knowsNoEngine() throws IOException {
    assertThat(mentions("plan", "dev.segmentation.engine.row")).isEmpty();
    assertThat(mentions("plan", "dev.segmentation.engine.columnar")).isEmpty();
  }

  @Test
  void theScan_findsWhatItLooksFor() throws IOException {
    // Both engines use the plan-node evaluator: the scan must see that, or it proves nothing.
    assertThat(mentions("engine/columnar", "dev.segmentation.plan.eval")).isNotEmpty();
    assertThat(mentions("engine/row", "dev.segmentation.plan.eval")).isNotEmpty();
  }
}
