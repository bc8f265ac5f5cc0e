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
  private static final Path GOLDEN = Path.of("src/test/resources/golden/bad-document.txt");

  @Test
  void badDocument_everyProblemReportedTogether_matchesGolden() throws IOException {
    String actual;
    try {
      RulesJson.read(RulesJsonTest.resource("bad-document.json"));
      throw new AssertionError("the bad document was accepted");
    } catch (RulesException e) {
      actual = e.getMessage() + "\n";
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}
