package dev.segmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The double -2^63 equals Long.MIN_VALUE exactly, so {@code in [-9.223372036854776E18]} holds for
 * that value just as {@code = -9.223372036854776E18} does. Found by the SQL differential test (seed
 * 678): both engines left the double out of the integer set because |d| is not below 2^63.
 */
class InAtLongMinValueTest {
  private static final Schema SCHEMA =
      Schema.builder().attribute("n", AttributeType.INTEGER).build();
  private static final EvaluationContext CTX = EvaluationContext.at(Instant.EPOCH);

  @Test
  void inWithTheDoubleMinus2To63_matchesLongMinValue_asEqualityDoes() {
    SchemaCustomer min = Customer.builder(SCHEMA, "min").set("n", Long.MIN_VALUE).build();
    Condition in = In.of("n", -0x1p63);
    Condition eq = new Compare("n", Operator.EQ, -0x1p63);
    Catalog catalog = Catalog.of(Segment.of("in", in), Segment.of("eq", eq));

    assertThat(RowEngine.compile(catalog, SCHEMA).segmentsOf(min, CTX)).containsExactly("in", "eq");
    CustomerTable table = CustomerTable.of(SCHEMA, List.of(min));
    var result = ColumnarEngine.compile(catalog, SCHEMA).evaluate(table, CTX);
    assertThat(result.members("in").getCardinality()).isEqualTo(1);
    assertThat(result.members("eq").getCardinality()).isEqualTo(1);
  }
}
