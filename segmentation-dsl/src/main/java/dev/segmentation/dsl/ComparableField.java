package dev.segmentation.dsl;

import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.model.Attribute;
import java.util.Arrays;
import java.util.Collection;

/**
 * A field whose values are ordered: numbers, strings, dates, timestamps. Comparisons are UNKNOWN
 * when the attribute has no value, so {@code AGE.lt(30).negate()} does not match customers without
 * an age.
 *
 * @param <T> the Java type of the attribute's values
 * @param <L> the type of literals compared with
 */
public abstract class ComparableField<T, L> extends Field<T> {

  ComparableField(Attribute<T> attribute) {
    super(attribute);
  }

  ComparableField(String name) {
    super(name);
  }

  /** {@code attribute = value}. */
  public final Condition eq(L value) {
    return new Compare(name(), Operator.EQ, value);
  }

  /** {@code attribute != value}. */
  public final Condition ne(L value) {
    return new Compare(name(), Operator.NE, value);
  }

  /** {@code attribute < value}. */
  public final Condition lt(L value) {
    return new Compare(name(), Operator.LT, value);
  }

  /** {@code attribute <= value}. */
  public final Condition le(L value) {
    return new Compare(name(), Operator.LE, value);
  }

  /** {@code attribute > value}. */
  public final Condition gt(L value) {
    return new Compare(name(), Operator.GT, value);
  }

  /** {@code attribute >= value}. */
  public final Condition ge(L value) {
    return new Compare(name(), Operator.GE, value);
  }

  /** {@code low <= attribute <= high}, both ends inclusive. */
  public final Condition between(L low, L high) {
    return new Between(name(), low, high);
  }

  /** TRUE when the attribute equals one of {@code values}. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, never stored or exposed
  public final Condition in(L... values) {
    return in(Arrays.stream(values).toList());
  }

  /** TRUE when the attribute equals one of {@code values}. */
  public final Condition in(Collection<? extends L> values) {
    return In.of(name(), values);
  }

  /** SQL's NOT IN: TRUE when the attribute has a value equal to none of {@code values}. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, never stored or exposed
  public final Condition notIn(L... values) {
    return notIn(Arrays.stream(values).toList());
  }

  /** SQL's NOT IN: TRUE when the attribute has a value equal to none of {@code values}. */
  public final Condition notIn(Collection<? extends L> values) {
    return new Not(In.of(name(), values));
  }
}
