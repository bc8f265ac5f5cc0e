package dev.segmentation.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Compare;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/testing.md, and checks that the document shows exactly this code. */
class TestingDocTest {
  private static final Path DOC = Path.of("..", "docs", "testing.md");
  private static final Path SOURCE =
      Path.of("src", "test", "java", "dev", "segmentation", "testkit", "TestingDocTest.java");

  @Test
  void example_engineAgreesWithTheReference_onGeneratedCustomers() {
    // testing.md:start
    Schema schema = CustomerGenerator.schema();
    Catalog catalog =
        Catalog.of(
            Segment.of(
                "nordic-adults",
                new Compare("age", Operator.GE, 18L).and(In.of("country", "FI", "SE", "NO"))));
    CompiledCatalog engine = RowEngine.compile(catalog, schema);
    ReferenceInterpreter reference = ReferenceInterpreter.of(catalog, schema);
    EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-11-01T00:00:00Z"));
    CustomerGenerator generator = new CustomerGenerator(42);
    for (int i = 0; i < 1_000; i++) {
      SchemaCustomer c = generator.customer(i, ctx.asOf());
      assertThat(engine.matches("nordic-adults", c, ctx))
          .isEqualTo(reference.segment("nordic-adults", c, ctx).isTrue());
    }
    // testing.md:end
  }

  @Test
  void document_showsTheExampleAsTested() throws IOException {
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String code =
        source.substring(
            source.indexOf('\n', source.indexOf("// testing.md:start")) + 1,
            source.indexOf("// testing.md:end"));
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String block =
        doc.substring(
            doc.indexOf("```java\n") + 8, doc.indexOf("```", doc.indexOf("```java\n") + 8));
    assertThat(stripped(block)).isEqualTo(stripped(code));
  }

  /** The non-blank lines, each without its indentation (the document is indented less). */
  private static List<String> stripped(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
  }
}
