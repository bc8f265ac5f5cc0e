package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.model.Attribute;
import dev.segmentation.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a person by position answers exactly as reading it by name. */
class PersonTest {

  @Test
  void valueByPosition_equalsValueByName_forEveryPositionAndAttribute() {
    Schema schema = Population.schema();
    List<Person> people = Population.generate(200).list();
    int n = schema.attributeList().size();
    for (Person p : people) {
      for (Attribute<?> a : schema.attributeList()) {
        for (int position = -1; position <= n; position++) {
          assertThat(p.value(position, a.name()))
              .as("%s at %d", a.name(), position)
              .isSameAs(p.value(a.name()));
        }
        assertThat(p.value(schema.indexOf(a.name()), new String(a.name())))
            .isSameAs(p.value(a.name()));
      }
    }
  }
}
