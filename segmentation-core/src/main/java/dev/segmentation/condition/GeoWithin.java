package dev.segmentation.condition;

import dev.segmentation.model.GeoPoint;
import java.util.Objects;

/**
 * TRUE when a geo-point attribute lies within {@code kilometers} (great-circle distance, inclusive)
 * of {@code center}. UNKNOWN when it has no value.
 *
 * @param attribute the attribute's name
 * @param center the centre
 * @param kilometers the radius, finite and at least 0
 */
public record GeoWithin(String attribute, GeoPoint center, double kilometers) implements Condition {
  public GeoWithin {
    Args.name(attribute, "attribute");
    Args.notNull(center, "center");
    if (!(kilometers >= 0) || Double.isInfinite(kilometers)) {
      throw new IllegalArgumentException(
          "kilometers must be a finite number at least 0, got " + kilometers);
    }
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof GeoWithin that
        && Objects.equals(attribute, that.attribute)
        && Objects.equals(center, that.center)
        && Double.compare(kilometers, that.kilometers) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(attribute, center, kilometers);
  }

  @Override
  public Kind kind() {
    return Kind.GEO_WITHIN;
  }
}
