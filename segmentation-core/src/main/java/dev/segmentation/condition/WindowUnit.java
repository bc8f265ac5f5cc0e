package dev.segmentation.condition;

import dev.segmentation.model.ExternalName;
import java.time.temporal.ChronoUnit;

/**
 * Units of relative time windows. MINUTES to WEEKS are fixed durations; MONTHS and YEARS are
 * calendar units applied in the evaluation's zone ({@code asOf} minus one month is the same day of
 * the previous month, clamped to its last day). (Named {@code TimeUnit} before 0.2; renamed so that
 * a static import of {@code DAYS} does not clash with {@code java.util.concurrent.TimeUnit}.)
 */
public enum WindowUnit implements ExternalName {
  MINUTES("minutes", ChronoUnit.MINUTES),
  HOURS("hours", ChronoUnit.HOURS),
  DAYS("days", ChronoUnit.DAYS),
  WEEKS("weeks", ChronoUnit.WEEKS),
  MONTHS("months", ChronoUnit.MONTHS),
  YEARS("years", ChronoUnit.YEARS);

  private final String externalName;
  private final ChronoUnit chronoUnit;

  WindowUnit(String externalName, ChronoUnit chronoUnit) {
    this.externalName = externalName;
    this.chronoUnit = chronoUnit;
  }

  /** The stable name in rule documents, e.g. {@code "days"}. */
  @Override
  public String externalName() {
    return externalName;
  }

  public ChronoUnit chronoUnit() {
    return chronoUnit;
  }

  /** True for units shorter than a day, which make no sense on DATE attributes. */
  public boolean isTimeOfDay() {
    return this == MINUTES || this == HOURS;
  }

  /** The unit with this external name, or null. */
  public static WindowUnit fromExternalName(String name) {
    return ExternalName.find(WindowUnit.class, name);
  }
}
