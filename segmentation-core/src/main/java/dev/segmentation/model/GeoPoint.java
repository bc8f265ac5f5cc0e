package dev.segmentation.model;

/**
 * A point on the earth in degrees (WGS 84).
 *
 * @param latitude degrees in [-90, 90]
 * @param longitude degrees in [-180, 180]
 */
public record GeoPoint(double latitude, double longitude) {

  /** Mean earth radius in kilometres (IUGG), used by distance conditions. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must be in [-90, 90], got " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must be in [-180, 180], got " + longitude);
    }
  }

  // Explicit equals and hashCode, with the record defaults' meaning (and hash, without boxing):
  // see dev.segmentation.condition.Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof GeoPoint that
        && Double.compare(latitude, that.latitude) == 0
        && Double.compare(longitude, that.longitude) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(latitude) + Double.hashCode(longitude);
  }

  /** Great-circle distance in kilometres (haversine formula). */
  public double distanceKm(GeoPoint other) {
    return distanceKm(latitude, longitude, other.latitude, other.longitude);
  }

  /** Great-circle distance in kilometres between two points given in degrees. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double sinPhi = Math.sin(dPhi / 2);
    double sinLambda = Math.sin(dLambda / 2);
    double a = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }
}
