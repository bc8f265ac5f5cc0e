package dev.segmentation.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example in the main sources of sql and spark compiles against the public API of all
 * four library modules (see {@link JavadocExamples}, from segmentation-dsl's test-jar, whose own
 * {@code JavadocExamplesTest} covers core and dsl).
 */
class SqlSparkJavadocExamplesTest {
  private static final List<Path> SCANNED =
      List.of(Path.of("../segmentation-sql/src/main/java"), Path.of("src/main/java"));

  private static final JavadocExamples EXAMPLES =
      new JavadocExamples(
              SCANNED,
              List.of(
                  Path.of("../segmentation-core/src/main/java"),
                  Path.of("../segmentation-dsl/src/main/java"),
                  Path.of("../segmentation-sql/src/main/java"),
                  Path.of("src/main/java")))
          .skip("dev/segmentation/sql/RegexSubset.java", "package-private: no user can call it")
          .importing("import java.sql.Connection;")
          .importing("import java.sql.ResultSet;")
          .importing("import org.apache.spark.sql.Dataset;")
          .importing("import org.apache.spark.sql.Row;")
          .importing("import org.apache.spark.sql.SparkSession;")
          .variables(
              Map.of(
                  "connection", "Connection",
                  "plan", "Plan",
                  "mapping", "Mapping",
                  "spark", "SparkSession",
                  "list", "List<Customer>",
                  "segmentation", "SparkSegmentation"));

  static {
    // The datasets of one Spark job, where the other examples have a list of customers.
    Map<String, String> datasets = Map.of("customers", "Dataset<Row>", "events", "Dataset<Row>");
    EXAMPLES.variables("dev/segmentation/spark/SparkSegmentation.java", datasets);
    EXAMPLES.variables("dev/segmentation/spark/SegmentCounts.java", datasets);
  }

  @Test
  void everyJavadocExample_compiles() throws IOException {
    assertThat(EXAMPLES.failures()).isEmpty();
  }

  @Test
  void theScan_findsTheExamplesOfBothModules() throws IOException {
    assertThat(EXAMPLES.examples())
        .anyMatch(e -> e.file().equals("dev/segmentation/sql/SqlCompiler.java"))
        .anyMatch(e -> e.file().equals("dev/segmentation/spark/SparkSegmentation.java"));
  }
}
