package dev.segmentation.dsl;

import dev.segmentation.model.Attribute;
import java.time.LocalDate;

/** A calendar date attribute: comparisons with dates, and time relative to {@code asOf}. */
public final class DateField extends ComparableField<LocalDate, LocalDate> implements TimeField {
  DateField(Attribute<LocalDate> attribute) {
    super(attribute);
  }
}
