package dev.segmentation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.And;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RulesJsonTest {

  static String resource(String name) {
    try (InputStream in = RulesJsonTest.class.getResourceAsStream("/json/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void read_realisticDocument_buildsTypedTree() {
    RulesDocument doc = RulesJson.read(resource("realistic.json"));
    assertThat(doc.catalog().segments()).hasSize(5);
    assertThat(doc.catalog().segments().get(0).condition())
        .isInstanceOf(And.class)
        .extracting(c -> ((And) c).of().get(0))
        .isEqualTo(new Compare("age", Operator.GE, 18L));
    And signups = (And) doc.catalog().segments().get(3).condition();
    assertThat(((Compare) signups.of().get(0)).value()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(doc.catalog().scores().get(0).groupCaps()).containsEntry("email", 15.0);
    assertThat(doc.catalog().rfmModels().get(0).monetaryCuts())
        .containsExactly(50.0, 150.0, 400.0, 1000.0);
  }

  @Test
  void write_thenRead_givesTheSameDocument_andWriteIsAFixpoint() {
    RulesDocument doc = RulesJson.read(resource("realistic.json"));
    String canonical = RulesJson.write(doc);
    RulesDocument again = RulesJson.read(canonical);
    assertThat(again).isEqualTo(doc);
    assertThat(RulesJson.write(again)).isEqualTo(canonical);
  }

  @Test
  void read_syntaxError_givesLineAndColumn() {
    assertThatThrownBy(() -> RulesJson.read("{\n  \"format\": 1,\n  \"schema\": {]\n}"))
        .isInstanceOfSatisfying(
            RulesException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).line()).isEqualTo(3);
              assertThat(e.problems().get(0).column()).isEqualTo(14);
            });
  }

  /** Text after the document is named where it starts, in the reader's own words. */
  @Test
  void read_textAfterTheDocument_givesWhereItStarts() {
    assertThatThrownBy(() -> RulesJson.read("{\"format\": 1} {}"))
        .isInstanceOfSatisfying(
            RulesException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).message())
                  .isEqualTo("unexpected text after the document");
              assertThat(e.problems().get(0).line()).isEqualTo(1);
              assertThat(e.problems().get(0).column()).isEqualTo(15);
            });
  }
}
