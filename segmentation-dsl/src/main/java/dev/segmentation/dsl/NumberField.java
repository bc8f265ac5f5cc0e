package dev.segmentation.dsl;

import dev.segmentation.model.Attribute;

/** A floating-point attribute; compares by exact value with any number. */
public final class NumberField extends ComparableField<Double, Number> {
  NumberField(Attribute<Double> attribute) {
    super(attribute);
  }
}
