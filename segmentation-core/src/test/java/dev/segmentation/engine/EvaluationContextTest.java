package dev.segmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EvaluationContextTest {

  @Test
  void at_instantBeyondYear9999_illegalArgumentNamingTheRange() {
    Instant far = Instant.parse("+999999999-06-01T00:00:00Z");
    assertThatThrownBy(() -> EvaluationContext.at(far))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "asOf +999999999-06-01T00:00:00Z is outside the supported range"
                + " 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> EvaluationContext.at(Instant.MIN, ZoneId.of("Europe/Helsinki")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void at_bothEndsOfTheRange_accepted() {
    assertThat(EvaluationContext.at(Instant.parse("0001-01-01T00:00:00Z")).asOf())
        .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(
            EvaluationContext.at(
                    Instant.parse("9999-12-31T23:59:59.999999999Z"),
                    ZoneId.of("Pacific/Kiritimati"))
                .asOf())
        .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
  }
}
