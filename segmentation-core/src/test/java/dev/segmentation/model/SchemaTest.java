package dev.segmentation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaTest {

  @Test
  void builder_duplicateAttribute_isRejectedNamingIt() {
    assertThatThrownBy(
            () ->
                Schema.builder()
                    .attribute(Attribute.integer("age"))
                    .attribute(Attribute.string("age")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute \"age\" is declared twice");
  }

  @Test
  void builder_duplicateEventType_isRejected() {
    assertThatThrownBy(
            () ->
                Schema.builder()
                    .eventType(EventType.of("purchase"))
                    .eventType(EventType.of("purchase")))
        .hasMessageContaining("event type \"purchase\" is declared twice");
  }

  @Test
  void attributeNames_mustBeWellFormed() {
    for (String bad : new String[] {"", "1age", "a b", "x".repeat(129), "ä"}) {
      assertThatThrownBy(() -> Attribute.integer(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed");
    }
    assertThatThrownBy(() -> Attribute.integer(null)).hasMessageContaining("must not be null");
    assertThat(Attribute.string("a.b-c_1").name()).isEqualTo("a.b-c_1");
  }

  @Test
  void lookup_byNameAndPosition() {
    Schema s = Schema.of(Attribute.integer("age"), Attribute.string("country"));
    assertThat(s.attribute("country")).isEqualTo(Attribute.string("country"));
    assertThat(s.attribute("nope")).isNull();
    assertThat(s.indexOf("country")).isEqualTo(1);
    assertThat(s.indexOf("nope")).isEqualTo(-1);
    assertThat(s.attributeList()).extracting(Attribute::name).containsExactly("age", "country");
    assertThat(s).isEqualTo(Schema.of(Attribute.integer("age"), Attribute.string("country")));
  }

  @Test
  void eventType_duplicatePropertyIsRejected() {
    assertThatThrownBy(
            () -> EventType.of("purchase", Attribute.number("amount"), Attribute.string("amount")))
        .hasMessageContaining("declares property \"amount\" twice");
  }

  @Test
  void attributeType_fromExternalName_listsKnownTypesOnError() {
    assertThat(AttributeType.fromExternalName("stringSet")).isEqualTo(AttributeType.STRING_SET);
    assertThatThrownBy(() -> AttributeType.fromExternalName("int"))
        .hasMessageContaining("unknown attribute type \"int\"")
        .hasMessageContaining("integer");
  }
}
