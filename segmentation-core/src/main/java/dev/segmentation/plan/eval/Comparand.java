package dev.segmentation.plan.eval;

import dev.segmentation.internal.CodePointOrder;
import dev.segmentation.internal.NumericLiteral;
import dev.segmentation.model.AttributeType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A literal of a rule, prepared for comparing values of one attribute type with it: numbers by
 * exact value across Long and Double, strings by code point, dates and timestamps by time, booleans
 * for equality only. {@link #compareWith} receives a value already checked to be of the type.
 */
abstract class Comparand {

  /** Sign of {@code value - literal}; for booleans 0 when equal and 1 otherwise. */
  abstract int compareWith(Object value);

  /**
   * A comparand for {@code literal} and values of {@code type}, or null when the literal cannot be
   * compared with such values (e.g. a string literal for an integer attribute).
   */
  static Comparand of(AttributeType type, Object literal) {
    switch (type) {
      case INTEGER:
      case NUMBER:
        if (literal instanceof Long || literal instanceof Double) {
          NumericLiteral n = NumericLiteral.of((Number) literal);
          return new Comparand() {
            @Override
            int compareWith(Object value) {
              return n.compareWith((Number) value);
            }
          };
        }
        return null;
      case STRING:
        if (literal instanceof String s) {
          return new Comparand() {
            @Override
            int compareWith(Object value) {
              return CodePointOrder.compare((String) value, s);
            }
          };
        }
        return null;
      case DATE:
        if (literal instanceof LocalDate d) {
          long day = d.toEpochDay();
          return new Comparand() {
            @Override
            int compareWith(Object value) {
              return Long.compare(((LocalDate) value).toEpochDay(), day);
            }
          };
        }
        return null;
      case TIMESTAMP:
        if (literal instanceof Instant t) {
          return new Comparand() {
            @Override
            int compareWith(Object value) {
              return ((Instant) value).compareTo(t);
            }
          };
        }
        return null;
      case BOOLEAN:
        if (literal instanceof Boolean b) {
          return new Comparand() {
            @Override
            int compareWith(Object value) {
              return b.equals(value) ? 0 : 1;
            }
          };
        }
        return null;
      default:
        return null;
    }
  }
}
