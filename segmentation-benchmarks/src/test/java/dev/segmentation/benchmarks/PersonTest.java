package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.model.Attribute;
import dev.segmentation.model.Schema;
import dev.segmentation.model.Values;
import java.time.Instant;
import java.time.LocalDate;
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

  /**
   * The primitive reads answer the boxed value or "ask value()" (the ifAbsent passed), never
   * anything else, at every position; and at the attribute's own position they answer every present
   * integer, number, date and whole-millisecond instant.
   */
  @Test
  void primitiveReads_equalTheBoxedValue_orAsk() {
    Schema schema = Population.schema();
    long ask = Long.MIN_VALUE;
    for (Person p : Population.generate(200).list()) {
      for (Attribute<?> a : schema.attributeList()) {
        Object v = p.value(a.name());
        int own = schema.indexOf(a.name());
        for (int position = -1; position <= schema.attributeList().size(); position++) {
          long l = p.longValue(position, a.name(), ask);
          double d = p.doubleValue(position, a.name(), Double.NaN);
          long day = p.epochDayValue(position, a.name(), ask);
          long milli = p.epochMilliValue(position, a.name(), ask);
          boolean here = position == own;
          assertThat(l).isEqualTo(v instanceof Long x && here ? x.longValue() : ask);
          assertThat((Object) d).isEqualTo(v instanceof Double x && here ? x : (Object) Double.NaN);
          assertThat(day).isEqualTo(v instanceof LocalDate x && here ? x.toEpochDay() : ask);
          assertThat(milli)
              .isEqualTo(v instanceof Instant x && here ? Values.epochMilliOrElse(x, ask) : ask);
        }
      }
    }
  }
}
