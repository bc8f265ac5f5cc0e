package dev.segmentation.dsl;

import dev.segmentation.model.Attribute;
import java.time.Instant;

/** An instant attribute: comparisons with instants, and time relative to {@code asOf}. */
public final class TimestampField extends ComparableField<Instant, Instant> implements TimeField {
  TimestampField(Attribute<Instant> attribute) {
    super(attribute);
  }
}
