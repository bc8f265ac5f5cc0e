package dev.segmentation.condition;

import dev.segmentation.model.ExternalName;
import java.util.Objects;

/**
 * A date or timestamp attribute relative to the evaluation's {@code asOf}.
 *
 * <ul>
 *   <li>WITHIN_LAST N units: {@code asOf - N units < t <= asOf}.
 *   <li>MORE_THAN_AGO N units: {@code t <= asOf - N units}.
 * </ul>
 *
 * The two partition the past; a value after {@code asOf} satisfies neither. On a DATE attribute
 * {@code asOf} is first turned into a date in the evaluation zone and units must be days or longer.
 * UNKNOWN when the attribute has no value.
 *
 * @param attribute the attribute's name
 * @param op which side of the boundary
 * @param amount N, at least 0
 * @param unit the unit of N
 */
public record RelativeTime(String attribute, Op op, long amount, WindowUnit unit)
    implements Condition {

  /** Which side of {@code asOf - N units}. */
  public enum Op implements ExternalName {
    WITHIN_LAST("withinLast"),
    MORE_THAN_AGO("moreThanAgo");

    private final String externalName;

    Op(String externalName) {
      this.externalName = externalName;
    }

    /** The stable name in rule documents. */
    @Override
    public String externalName() {
      return externalName;
    }

    /** The op with this external name, or null. */
    public static Op fromExternalName(String name) {
      return ExternalName.find(Op.class, name);
    }
  }

  /**
   * Largest amount accepted: about 100 years in minutes, so that date arithmetic cannot overflow.
   */
  public static final long MAX_AMOUNT = 60_000_000L;

  public RelativeTime {
    Args.name(attribute, "attribute");
    Args.notNull(op, "relative time operator");
    Args.notNull(unit, "unit");
    if (amount < 0 || amount > MAX_AMOUNT) {
      throw new IllegalArgumentException(
          "amount must be between 0 and " + MAX_AMOUNT + ", got " + amount);
    }
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof RelativeTime that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(op, that.op)
        && amount == that.amount
        && Objects.equals(unit, that.unit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, op, amount, unit);
  }

  @Override
  public Kind kind() {
    return Kind.RELATIVE_TIME;
  }
}
