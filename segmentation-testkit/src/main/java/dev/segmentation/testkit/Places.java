package dev.segmentation.testkit;

import com.google.common.collect.ImmutableList;
import dev.segmentation.testkit.CustomerGenerator.City;
import dev.segmentation.testkit.CustomerGenerator.Country;

/** Countries in order of popularity (Zipf-weighted) and their main cities with coordinates. */
final class Places {
  private Places() {}

  static final ImmutableList<Country> COUNTRIES =
      ImmutableList.of(
          new Country(
              "FI",
              new City("Helsinki", 60.1699, 24.9384),
              new City("Espoo", 60.2055, 24.6559),
              new City("Tampere", 61.4978, 23.7610),
              new City("Turku", 60.4518, 22.2666),
              new City("Oulu", 65.0121, 25.4651)),
          new Country(
              "SE",
              new City("Stockholm", 59.3293, 18.0686),
              new City("Gothenburg", 57.7089, 11.9746),
              new City("Malmö", 55.6050, 13.0038),
              new City("Uppsala", 59.8586, 17.6389)),
          new Country(
              "DE",
              new City("Berlin", 52.5200, 13.4050),
              new City("Munich", 48.1351, 11.5820),
              new City("Hamburg", 53.5511, 9.9937),
              new City("Frankfurt", 50.1109, 8.6821),
              new City("Cologne", 50.9375, 6.9603)),
          new Country(
              "NO",
              new City("Oslo", 59.9139, 10.7522),
              new City("Bergen", 60.3913, 5.3221),
              new City("Trondheim", 63.4305, 10.3951)),
          new Country(
              "DK",
              new City("Copenhagen", 55.6761, 12.5683),
              new City("Aarhus", 56.1629, 10.2039),
              new City("Odense", 55.4038, 10.4024)),
          new Country(
              "GB",
              new City("London", 51.5074, -0.1278),
              new City("Manchester", 53.4808, -2.2426),
              new City("Birmingham", 52.4862, -1.8904),
              new City("Edinburgh", 55.9533, -3.1883)),
          new Country(
              "US",
              new City("New York", 40.7128, -74.0060),
              new City("San Francisco", 37.7749, -122.4194),
              new City("Chicago", 41.8781, -87.6298),
              new City("Austin", 30.2672, -97.7431),
              new City("Seattle", 47.6062, -122.3321)),
          new Country(
              "FR",
              new City("Paris", 48.8566, 2.3522),
              new City("Lyon", 45.7640, 4.8357),
              new City("Marseille", 43.2965, 5.3698),
              new City("Toulouse", 43.6047, 1.4442)),
          new Country(
              "NL",
              new City("Amsterdam", 52.3676, 4.9041),
              new City("Rotterdam", 51.9244, 4.4777),
              new City("Utrecht", 52.0907, 5.1214)),
          new Country(
              "EE", new City("Tallinn", 59.4370, 24.7536), new City("Tartu", 58.3780, 26.7290)),
          new Country(
              "ES",
              new City("Madrid", 40.4168, -3.7038),
              new City("Barcelona", 41.3874, 2.1686),
              new City("Valencia", 39.4699, -0.3763)),
          new Country(
              "IT",
              new City("Milan", 45.4642, 9.1900),
              new City("Rome", 41.9028, 12.4964),
              new City("Turin", 45.0703, 7.6869)),
          new Country(
              "PL", new City("Warsaw", 52.2297, 21.0122), new City("Kraków", 50.0647, 19.9450)),
          new Country(
              "CA",
              new City("Toronto", 43.6532, -79.3832),
              new City("Vancouver", 49.2827, -123.1207)));

  static final double[] COUNTRY_WEIGHTS = Rng.zipf(COUNTRIES.size(), 1.1);
}
