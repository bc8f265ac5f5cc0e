package dev.segmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.WindowUnit;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EvaluationContextTest {

  @Test
  void boundsBeyondTheTimeLine_saturate_beforeEveryInstantAndDay() {
    EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-11-22T12:00:00Z"));
    assertThat(ctx.minus(Long.MAX_VALUE, WindowUnit.YEARS)).isEqualTo(Instant.MIN);
    assertThat(ctx.minus(Long.MAX_VALUE, WindowUnit.MINUTES)).isEqualTo(Instant.MIN);
    assertThat(ctx.minusDays(Long.MAX_VALUE, WindowUnit.YEARS))
        .isEqualTo(EvaluationContext.BEFORE_ALL_DAYS);
    // The largest amount a rule may hold stays on the time line.
    assertThat(ctx.minus(RelativeTime.MAX_AMOUNT, WindowUnit.YEARS)).isAfter(Instant.MIN);
    assertThat(ctx.minus(90, WindowUnit.DAYS)).isEqualTo(Instant.parse("2026-08-24T12:00:00Z"));
    assertThat(ctx.minusDays(1, WindowUnit.MONTHS))
        .isEqualTo(java.time.LocalDate.parse("2026-10-22").toEpochDay());
    assertThatThrownBy(() -> ctx.minusDays(1, WindowUnit.HOURS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hours do not apply to dates");
    assertThat(ctx.range(new EventWindow.Last(90, WindowUnit.DAYS)))
        .isEqualTo(
            new EvaluationContext.Range(
                Instant.parse("2026-08-24T12:00:00Z"), false, ctx.asOf(), true));
    assertThat(ctx.range(EventWindow.ever()))
        .isEqualTo(new EvaluationContext.Range(Instant.MIN, true, ctx.asOf(), true));
  }

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
