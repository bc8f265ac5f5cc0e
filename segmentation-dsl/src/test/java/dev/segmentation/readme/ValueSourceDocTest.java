package dev.segmentation.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.model.ValueSource;
import dev.segmentation.segment.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The primitive-read example in {@link ValueSource}'s javadoc is this test's code, and it runs. */
class ValueSourceDocTest {

  static final Schema SCHEMA =
      Schema.builder()
          .attribute(Attribute.integer("age"))
          .attribute(Attribute.string("country"))
          .build();

  /** A service's object with a primitive field and a presence flag. */
  static final class Shopper implements Customer {
    private static final String[] NAMES = {"age", "country"}; // the schema's order
    private final String id;
    private final long age;
    private final boolean hasAge;
    private final String country;

    Shopper(String id, long age, boolean hasAge, String country) {
      this.id = id;
      this.age = age;
      this.hasAge = hasAge;
      this.country = country;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Object value(String attribute) {
      return switch (attribute) {
        case "age" -> hasAge ? age : null;
        case "country" -> country;
        default -> null;
      };
    }

    @Override
    public Object value(int position, String attribute) {
      return value(attribute); // the primitive read below is what saves the boxing
    }

    @Override
    // PrimitiveReads:start
    public long longValue(int position, String attribute, long ifAbsent) {
      if (position != 0 || !"age".equals(attribute)) { // the schema's first
        return ifAbsent; // always correct: the engine then asks value(position, attribute)
      }
      return hasAge ? age : ifAbsent; // a long field: no Long is made
    }
    // PrimitiveReads:end
  }

  @Test
  void primitiveReadsJavadocExample_isThisTestsCode_andAnswersExactly() throws IOException {
    String javadoc =
        Files.readString(
            Path.of("../segmentation-core/src/main/java/dev/segmentation/model/ValueSource.java"));
    String source =
        Files.readString(Path.of("src/test/java/dev/segmentation/readme/ValueSourceDocTest.java"));
    assertThat(Snippets.inJavadoc(javadoc, "PrimitiveReads"))
        .isEqualTo(Snippets.between(source, "PrimitiveReads"));

    CompiledCatalog adults =
        RowEngine.compile(Segment.of("adults", new Compare("age", Operator.GE, 18L)), SCHEMA);
    EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(adults.evaluate(0, new Shopper("a", 34, true, "FI"), ctx)).isEqualTo(Truth.TRUE);
    assertThat(adults.evaluate(0, new Shopper("b", 34, false, "FI"), ctx))
        .as("no age: unknown")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(adults.evaluate(0, new Shopper("c", Long.MIN_VALUE, true, "FI"), ctx))
        .as("a present value equal to the engine's ifAbsent is read through value(), exactly")
        .isEqualTo(Truth.FALSE);
  }
}
