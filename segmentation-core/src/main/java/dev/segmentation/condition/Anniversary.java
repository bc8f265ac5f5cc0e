package dev.segmentation.condition;

import dev.segmentation.model.ExternalName;
import java.util.Objects;

/**
 * Whether a date or timestamp attribute's anniversary falls on {@code asOf}'s day or month, in the
 * evaluation zone: birthdays today, customers who signed up in this month of an earlier year. With
 * DAY, February 29 counts as February 28 in years that have no February 29. UNKNOWN when the
 * attribute has no value.
 *
 * @param attribute the attribute's name
 * @param period DAY (same month and day) or MONTH (same month)
 */
public record Anniversary(String attribute, Period period) implements Condition {

  /** How close the anniversary must be. */
  public enum Period implements ExternalName {
    DAY("day"),
    MONTH("month");

    private final String externalName;

    Period(String externalName) {
      this.externalName = externalName;
    }

    /** The stable name in rule documents. */
    @Override
    public String externalName() {
      return externalName;
    }

    /** The period with this external name, or null. */
    public static Period fromExternalName(String name) {
      return ExternalName.find(Period.class, name);
    }
  }

  public Anniversary {
    Args.name(attribute, "attribute");
    Args.notNull(period, "anniversary period");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof Anniversary that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(period, that.period);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, period);
  }

  @Override
  public Kind kind() {
    return Kind.ANNIVERSARY;
  }
}
