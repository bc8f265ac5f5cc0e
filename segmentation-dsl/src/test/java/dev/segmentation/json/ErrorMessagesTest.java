package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every problem of a bad document is reported together, each at its path, with messages kept in a
 * golden file. Regenerate with {@code mvn test -Dgolden.update=true} and review the diff.
 */
class ErrorMessagesTest {
  @Test
  void badDocument_everyProblemReportedTogether_matchesGolden() throws IOException {
    assertGolden("bad-document.json", Path.of("src/test/resources/golden/bad-document.txt"));
  }

  /**
   * Problems of the reader (structure, types) and of the checker (unknown attributes and
   * references, cycles, patterns) in one pass, over segments, scores, tierings and RFM: a fix of
   * the first round never reveals a second.
   */
  @Test
  void documentWithProblemsOfEveryKind_allReportedInOnePass_matchesGolden() throws IOException {
    assertGolden("one-pass.json", Path.of("src/test/resources/golden/one-pass.txt"));
  }

  private static void assertGolden(String document, Path golden) throws IOException {
    String actual;
    try {
      RulesJson.read(RulesJsonTest.resource(document));
      throw new AssertionError("the bad document was accepted");
    } catch (RulesException e) {
      actual = e.getMessage() + "\n";
    }
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
