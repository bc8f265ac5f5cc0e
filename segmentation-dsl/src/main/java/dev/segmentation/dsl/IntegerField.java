package dev.segmentation.dsl;

import dev.segmentation.model.Attribute;

/** A 64-bit integer attribute; compares by exact value with any number ({@code 3 = 3.0}). */
public final class IntegerField extends ComparableField<Long, Number> {
  IntegerField(Attribute<Long> attribute) {
    super(attribute);
  }
}
