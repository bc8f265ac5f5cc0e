package dev.segmentation.readme;

import static dev.segmentation.dsl.Rules.catalog;
import static dev.segmentation.dsl.Rules.integer;
import static dev.segmentation.dsl.Rules.segment;
import static dev.segmentation.dsl.Rules.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.dsl.IntegerField;
import dev.segmentation.dsl.StringField;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's Java example compiles, runs and prints what the README says. */
class ReadmeExampleTest {

  static String example() {
    // README:start
    StringField country = string("country");
    IntegerField age = integer("age");
    Schema schema = Schema.of(country.attribute(), age.attribute());

    Segment nordicAdults =
        segment("nordic-adults")
            .describedAs("Adults in Finland, Sweden and Norway")
            .where(age.ge(18).and(country.in("FI", "SE", "NO")));
    CompiledCatalog compiled = RowEngine.compile(catalog(nordicAdults), schema);

    Customer ann = Customer.builder(schema, "ann").set(age.attribute(), 34L).build();
    EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));
    boolean member = compiled.matches("nordic-adults", ann, ctx); // false: country is missing
    String why = compiled.explain("nordic-adults", ann, ctx).toText();
    // README:end
    return member + "\n" + why;
  }

  @Test
  void readmeJavaExample_isThisTestsCode_andPrintsTheDocumentedExplanation() throws IOException {
    Path readme =
        Files.exists(Path.of("../README.md")) ? Path.of("../README.md") : Path.of("README.md");
    String markdown = Files.readString(readme);
    String source =
        Files.readString(Path.of("src/test/java/dev/segmentation/readme/ReadmeExampleTest.java"));
    assertThat(Snippets.between(markdown, "README")).isEqualTo(Snippets.between(source, "README"));
    String output = example();
    assertThat(output).startsWith("false\n");
    String why = output.substring("false\n".length()).strip();
    assertThat(markdown).contains(why);
  }

  @Test
  void readmeSemanticsTable_isTheEnginesGeneratedTable() throws IOException {
    Path readme =
        Files.exists(Path.of("../README.md")) ? Path.of("../README.md") : Path.of("README.md");
    String markdown = Files.readString(readme);
    for (String row :
        Files.readAllLines(
            Path.of("../segmentation-core/src/test/resources/golden/semantics-table.md"))) {
      if (!row.startsWith("<!--")) {
        assertThat(markdown).contains(row);
      }
    }
  }
}
