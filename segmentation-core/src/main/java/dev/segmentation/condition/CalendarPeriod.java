package dev.segmentation.condition;

import dev.segmentation.model.ExternalName;

/**
 * Calendar windows around {@code asOf} in the evaluation's zone. Weeks start on Monday (ISO);
 * quarters are January-March, April-June, July-September, October-December. "This" windows cover
 * the whole period, including days after {@code asOf}.
 */
public enum CalendarPeriod implements ExternalName {
  TODAY("today"),
  YESTERDAY("yesterday"),
  THIS_WEEK("thisWeek"),
  LAST_WEEK("lastWeek"),
  THIS_MONTH("thisMonth"),
  LAST_MONTH("lastMonth"),
  THIS_QUARTER("thisQuarter"),
  LAST_QUARTER("lastQuarter"),
  THIS_YEAR("thisYear"),
  LAST_YEAR("lastYear");

  private final String externalName;

  CalendarPeriod(String externalName) {
    this.externalName = externalName;
  }

  /** The stable name in rule documents, e.g. {@code "lastQuarter"}. */
  @Override
  public String externalName() {
    return externalName;
  }

  /** The period with this external name, or null. */
  public static CalendarPeriod fromExternalName(String name) {
    return ExternalName.find(CalendarPeriod.class, name);
  }
}
