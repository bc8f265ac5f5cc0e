package dev.segmentation.dsl;

import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Operator;
import dev.segmentation.model.Attribute;

/** A boolean attribute: {@code EMAIL_OPT_IN.eq(true)}; UNKNOWN when it has no value. */
public final class BooleanField extends Field<Boolean> {
  BooleanField(Attribute<Boolean> attribute) {
    super(attribute);
  }

  /** {@code attribute = value}. */
  public Condition eq(boolean value) {
    return new Compare(name(), Operator.EQ, value);
  }

  /** {@code attribute != value}. */
  public Condition ne(boolean value) {
    return new Compare(name(), Operator.NE, value);
  }
}
