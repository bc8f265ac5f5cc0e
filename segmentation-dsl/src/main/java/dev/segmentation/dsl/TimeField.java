package dev.segmentation.dsl;

import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.WindowUnit;

/** Conditions relative to the evaluation's {@code asOf}, for date and timestamp fields. */
public interface TimeField {

  /** The attribute's name. */
  String name();

  /** {@code asOf - amount units < value <= asOf}: {@code LAST_SEEN.withinLast(30, DAYS)}. */
  default Condition withinLast(long amount, WindowUnit unit) {
    return new RelativeTime(name(), RelativeTime.Op.WITHIN_LAST, amount, unit);
  }

  /** {@code value <= asOf - amount units}: {@code LAST_SEEN.moreThanAgo(180, DAYS)}. */
  default Condition moreThanAgo(long amount, WindowUnit unit) {
    return new RelativeTime(name(), RelativeTime.Op.MORE_THAN_AGO, amount, unit);
  }

  /** The value falls in a calendar period around {@code asOf}: {@code SIGNUP.in(LAST_QUARTER)}. */
  default Condition in(CalendarPeriod period) {
    return new CalendarWindow(name(), period);
  }

  /** The value's anniversary is on {@code asOf}'s day or in its month: birthdays this month. */
  default Condition anniversary(Anniversary.Period period) {
    return new Anniversary(name(), period);
  }
}
