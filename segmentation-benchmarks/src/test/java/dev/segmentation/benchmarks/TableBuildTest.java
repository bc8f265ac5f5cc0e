package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import org.junit.jupiter.api.Test;

/** Both ways {@link TableBuild} builds the benchmark table give the same customers. */
class TableBuildTest {

  @Test
  void tableFromColumns_holdsTheCustomersAddedOneByOne() {
    int n = 3_000;
    CustomerTable added = new TableBuild(2).generated(n);
    CustomerTable columns = new TableBuild(2).fromColumns(n);
    assertThat(columns.size()).isEqualTo(n);
    assertThat(columns.hasIds()).isFalse();
    assertThat(columns.eventCount("purchase")).isEqualTo(added.eventCount("purchase"));
    for (int r = 0; r < n; r++) {
      Customer a = added.customer(r);
      Customer c = columns.customer(r);
      for (Attribute<?> attribute : Population.schema().attributeList()) {
        assertThat(c.value(attribute.name())).isEqualTo(a.value(attribute.name()));
      }
      assertThat(c.events("purchase")).isEqualTo(a.events("purchase"));
    }
  }
}
