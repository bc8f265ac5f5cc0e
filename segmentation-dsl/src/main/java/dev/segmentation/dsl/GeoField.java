package dev.segmentation.dsl;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.GeoPoint;

/** A geographic point attribute. */
public final class GeoField extends Field<GeoPoint> {
  GeoField(Attribute<GeoPoint> attribute) {
    super(attribute);
  }

  /** TRUE within {@code km} kilometres (great circle, inclusive) of {@code center}. */
  public Condition withinKm(GeoPoint center, double km) {
    return new GeoWithin(name(), center, km);
  }
}
