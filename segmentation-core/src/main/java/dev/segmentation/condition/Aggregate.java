package dev.segmentation.condition;

import dev.segmentation.model.ExternalName;

/**
 * What an {@link EventCondition} computes over the matching events. Over zero events COUNT, SUM and
 * DISTINCT_COUNT are 0; AVG, MIN, MAX, DAYS_SINCE_FIRST and DAYS_SINCE_LAST have no value, so the
 * condition is UNKNOWN. SUM, AVG, MIN and MAX read a numeric property and ignore events where it
 * has no value (as SQL does); DISTINCT_COUNT counts distinct present values of any property.
 * DAYS_SINCE_* are whole days, rounded down: {@code floor((asOf - t) / 24h)}.
 */
public enum Aggregate implements ExternalName {
  COUNT("count", false),
  SUM("sum", true),
  AVG("avg", true),
  MIN("min", true),
  MAX("max", true),
  DISTINCT_COUNT("distinctCount", true),
  DAYS_SINCE_FIRST("daysSinceFirst", false),
  DAYS_SINCE_LAST("daysSinceLast", false);

  private final String externalName;
  private final boolean needsProperty;

  Aggregate(String externalName, boolean needsProperty) {
    this.externalName = externalName;
    this.needsProperty = needsProperty;
  }

  /** The stable name in rule documents, e.g. {@code "daysSinceLast"}. */
  @Override
  public String externalName() {
    return externalName;
  }

  /** Whether the aggregate reads a property of the events. */
  public boolean needsProperty() {
    return needsProperty;
  }

  /** Whether the aggregate is a value (0) over zero events rather than "no value". */
  public boolean hasValueWhenEmpty() {
    return this == COUNT || this == SUM || this == DISTINCT_COUNT;
  }

  /** The aggregate with this external name, or null. */
  public static Aggregate fromExternalName(String name) {
    return ExternalName.find(Aggregate.class, name);
  }
}
