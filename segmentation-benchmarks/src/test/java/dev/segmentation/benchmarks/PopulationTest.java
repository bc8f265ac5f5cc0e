package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The columns and the table a contender gets straight from the generator are those it got from the
 * plain objects: values, purchases, dictionaries and ids.
 */
class PopulationTest {

  // More than one chunk, with a short last one.
  private static final int N = Columns.CHUNK + 1_234;

  @Test
  void columnsFromTheGenerator_equalTheColumnsOfThePlainObjects() throws Exception {
    Population viaObjects = Population.generate(N);
    viaObjects.people();
    Columns expected = viaObjects.columns();
    Columns direct = Population.generate(N).columns();
    for (Field f : Columns.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      Object a = f.get(direct);
      Object e = f.get(expected);
      if (a instanceof Columns.Dictionary d) {
        assertThat(d.names()).as(f.getName()).isEqualTo(((Columns.Dictionary) e).names());
        assertThat(d.size()).as(f.getName()).isPositive();
      } else {
        assertThat(a).as(f.getName()).isEqualTo(e);
      }
    }
    assertThat(direct.purchaseSecond.length).isGreaterThan(N);
  }

  @Test
  void tableFromTheGenerator_equalsTheTableOfThePlainObjects() {
    int n = 5_000;
    Population viaObjects = Population.generate(n);
    viaObjects.people();
    CustomerTable expected = viaObjects.table();
    CustomerTable direct = Population.generate(n).table();
    assertThat(direct.size()).isEqualTo(n);
    assertThat(direct.eventCount("purchase")).isEqualTo(expected.eventCount("purchase"));
    for (int r = 0; r < n; r++) {
      Customer a = direct.customer(r);
      Customer e = expected.customer(r);
      assertThat(a.id()).isEqualTo(e.id()).isEqualTo("c-" + r);
      for (Attribute<?> attribute : Population.schema().attributeList()) {
        assertThat(a.value(attribute.name())).isEqualTo(e.value(attribute.name()));
      }
      assertThat(a.events("purchase")).isEqualTo(e.events("purchase"));
    }
  }
}
