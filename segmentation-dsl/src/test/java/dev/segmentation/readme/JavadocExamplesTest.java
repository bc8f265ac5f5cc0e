package dev.segmentation.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example in the main sources of core and dsl compiles against the public API (see
 * {@link JavadocExamples}; segmentation-spark's test of the same name covers sql and spark).
 */
class JavadocExamplesTest {
  private static final List<Path> SOURCES =
      List.of(Path.of("../segmentation-core/src/main/java"), Path.of("src/main/java"));

  private static final JavadocExamples EXAMPLES =
      new JavadocExamples(SOURCES, SOURCES)
          .skip("dev/segmentation/live/Transition.java", "lines of the transition log format")
          .variables(
              Map.of(
                  "vipRows", "RoaringBitmap",
                  "rfm", "RfmModel",
                  "tierOfEachRow", "List<String>",
                  "form", "Form",
                  "account", "Account",
                  "AGE", "Attribute<Long>",
                  "COUNTRY", "Attribute<String>",
                  "SPEND_12M", "NumberField",
                  "EMAIL_OPT_IN", "BooleanField",
                  "LAST_SEEN", "TimestampField"))
          .variables(
              "dev/segmentation/model/CustomerView.java",
              Map.of(
                  "purchase",
                  "EventType",
                  "view",
                  "CustomerView<Account>",
                  "accounts",
                  "List<Account>"))
          .variables("dev/segmentation/live/MembershipTracker.java", Map.of("purchase", "Event"))
          .variables(
              "dev/segmentation/rewrite/Rewriter.java", Map.of("a", "Condition", "b", "Condition"));

  @Test
  void everyJavadocExample_compiles() throws IOException {
    assertThat(EXAMPLES.failures()).isEmpty();
  }

  @Test
  void theScan_findsTheExamples_andABrokenOneIsNamedByFileAndLine() throws IOException {
    List<JavadocExamples.Example> all = EXAMPLES.examples();
    assertThat(all).hasSizeGreaterThan(40);
    assertThat(all).anyMatch(e -> e.file().equals("dev/segmentation/dsl/Rules.java"));
    JavadocExamples.Example broken =
        new JavadocExamples.Example(
            "dev/segmentation/Nowhere.java", 7, List.of("Schema s = Schema.nothing();"));
    assertThat(EXAMPLES.failures(List.of(broken)))
        .singleElement()
        .asString()
        .startsWith("dev/segmentation/Nowhere.java:7: cannot find symbol");
  }
}
