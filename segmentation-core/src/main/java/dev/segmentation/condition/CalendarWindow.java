package dev.segmentation.condition;

import java.util.Objects;

/**
 * TRUE when a date or timestamp attribute falls in a calendar period around {@code asOf}, in the
 * evaluation's zone: {@code signupDate in lastQuarter}. UNKNOWN when it has no value.
 *
 * @param attribute the attribute's name
 * @param period the calendar period
 */
public record CalendarWindow(String attribute, CalendarPeriod period) implements Condition {
  public CalendarWindow {
    Args.name(attribute, "attribute");
    Args.notNull(period, "calendar period");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof CalendarWindow that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(period, that.period);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, period);
  }

  @Override
  public Kind kind() {
    return Kind.CALENDAR_WINDOW;
  }
}
