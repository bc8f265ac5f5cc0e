package dev.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.segment.RfmSegment;
import org.junit.jupiter.api.Test;

class ExternalNameTest {

  @Test
  void find_knownName_theConstant() {
    assertThat(ExternalName.find(Operator.class, "ge")).isEqualTo(Operator.GE);
    assertThat(ExternalName.find(AttributeType.class, "stringSet"))
        .isEqualTo(AttributeType.STRING_SET);
  }

  @Test
  void find_unknownOrJavaName_null() {
    assertThat(ExternalName.find(Operator.class, "gte")).isNull();
    assertThat(ExternalName.find(Operator.class, "GE")).isNull();
  }

  @Test
  void names_declarationOrder() {
    assertThat(ExternalName.names(Operator.class))
        .containsExactly("eq", "ne", "lt", "le", "gt", "ge");
  }

  @Test
  void fromExternalName_everyEnum_agreesWithFind() {
    for (WindowUnit u : WindowUnit.values()) {
      assertThat(WindowUnit.fromExternalName(u.externalName())).isSameAs(u);
    }
    for (Aggregate a : Aggregate.values()) {
      assertThat(Aggregate.fromExternalName(a.externalName())).isSameAs(a);
    }
    for (RfmSegment s : RfmSegment.values()) {
      assertThat(RfmSegment.fromExternalName(s.externalName())).isSameAs(s);
    }
  }

  @Test
  void inWords_everyType_anArticleAndTheAuthorsWords() {
    assertThat(AttributeType.INTEGER.inWords()).isEqualTo("an integer");
    assertThat(AttributeType.STRING_SET.inWords()).isEqualTo("a set of strings");
    assertThat(AttributeType.GEO_POINT.inWords()).isEqualTo("a geo point");
    for (AttributeType t : AttributeType.values()) {
      assertThat(t.inWords()).matches("an? [a-z ]+");
    }
  }
}
