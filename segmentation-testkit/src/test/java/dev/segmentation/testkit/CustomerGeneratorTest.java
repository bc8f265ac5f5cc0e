package dev.segmentation.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerGeneratorTest {

  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final int N = 20_000;
  private static List<SchemaCustomer> sample;

  @BeforeAll
  static void generate() {
    sample = new CustomerGenerator(7).customers(N, AS_OF).collect(Collectors.toList());
  }

  @Test
  void customers_sameSeed_identicalOutput() {
    List<SchemaCustomer> a = new CustomerGenerator(42).customers(500, AS_OF).toList();
    List<SchemaCustomer> b = new CustomerGenerator(42).customers(500, AS_OF).toList();
    assertThat(a).isEqualTo(b);
    // toString includes every value; equal strings guard against equals() missing a field
    assertThat(a.toString()).isEqualTo(b.toString());
  }

  @Test
  void customers_differentSeed_differentOutput() {
    List<SchemaCustomer> a = new CustomerGenerator(1).customers(50, AS_OF).toList();
    List<SchemaCustomer> b = new CustomerGenerator(2).customers(50, AS_OF).toList();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void customer_byIndex_sameAsInStreamAndIndependentOfCount() {
    CustomerGenerator gen = new CustomerGenerator(42);
    List<SchemaCustomer> ten = gen.customers(10, AS_OF).toList();
    List<SchemaCustomer> hundred = gen.customers(100, AS_OF).toList();
    assertThat(hundred.subList(0, 10)).isEqualTo(ten);
    assertThat(gen.customer(42, AS_OF)).isEqualTo(hundred.get(42));
    assertThat(gen.customer(42, AS_OF).id()).isEqualTo("c-42");
    List<SchemaCustomer> viaForEach = new ArrayList<>();
    gen.forEach(100, AS_OF, viaForEach::add);
    assertThat(viaForEach).isEqualTo(hundred);
    assertThat(gen.customers(100, AS_OF).parallel().toList()).isEqualTo(hundred);
  }

  @Test
  void customer_withSomeEventTypes_isTheSameCustomerWithOnlyThoseEvents() {
    CustomerGenerator gen = new CustomerGenerator(42);
    for (long i = 0; i < 300; i++) {
      SchemaCustomer all = gen.customer(i, AS_OF);
      SchemaCustomer purchases = gen.customer(i, AS_OF, java.util.Set.of("purchase"));
      SchemaCustomer.Builder expected = Customer.builder(CustomerGenerator.schema(), all.id());
      for (String name : CustomerGenerator.schema().attributes().keySet()) {
        expected.set(name, all.value(name));
      }
      all.events("purchase").forEach(expected::event);
      assertThat(purchases).isEqualTo(expected.build());
      assertThat(gen.customer(i, AS_OF, null)).isEqualTo(all);
    }
  }

  @Test
  void customers_seed42_matchGoldenFile() throws IOException {
    // Pins the sequence: a change to the generator changes benchmark and example data, so it must
    // be deliberate (regenerate with -Dgolden.update=true, and regenerate
    // examples/customers.jsonl).
    StringBuilder sb = new StringBuilder();
    new CustomerGenerator(42)
        .forEach(
            3,
            AS_OF,
            c -> {
              sb.append(c).append('\n');
              c.events()
                  .values()
                  .forEach(list -> list.forEach(e -> sb.append("  ").append(e).append('\n')));
            });
    Path golden = Path.of("src/test/resources/golden/generator-seed42.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, sb, StandardCharsets.UTF_8);
    }
    assertThat(sb.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void customers_badArguments_clearErrors() {
    CustomerGenerator gen = new CustomerGenerator(1);
    assertThatThrownBy(() -> gen.customers(-1, AS_OF)).hasMessageContaining("-1");
    assertThatThrownBy(() -> gen.customers(1, null)).hasMessageContaining("asOf");
    assertThatThrownBy(() -> gen.customer(-5, AS_OF)).hasMessageContaining("-5");
  }

  @Test
  void countries_skewedWithFinlandFirst_citiesInTheirCountry() {
    Map<String, Integer> byCountry = new HashMap<>();
    for (SchemaCustomer c : sample) {
      String country = c.get(CustomerGenerator.COUNTRY);
      byCountry.merge(country, 1, Integer::sum);
      CustomerGenerator.Country declared =
          Places.COUNTRIES.stream().filter(k -> k.code().equals(country)).findFirst().orElseThrow();
      CustomerGenerator.City city =
          declared.cities().stream()
              .filter(k -> k.name().equals(c.get(CustomerGenerator.CITY)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("city not in its country: " + c));
      GeoPoint p = c.get(CustomerGenerator.LOCATION);
      assertThat(
              GeoPoint.distanceKm(p.latitude(), p.longitude(), city.latitude(), city.longitude()))
          .isLessThan(60);
    }
    int fi = byCountry.get("FI");
    int se = byCountry.get("SE");
    int ca = byCountry.getOrDefault("CA", 0);
    assertThat(fi).isGreaterThan(se);
    assertThat(fi).isBetween(N / 5, N / 2);
    assertThat(se).isGreaterThan(ca * 4);
    assertThat(byCountry).hasSize(Places.COUNTRIES.size());
  }

  @Test
  void ages_adultAndSkewed_someMissing() {
    List<Long> ages = new ArrayList<>();
    int missing = 0;
    for (SchemaCustomer c : sample) {
      Long age = c.get(CustomerGenerator.AGE);
      if (age == null) {
        missing++;
      } else {
        ages.add(age);
      }
    }
    assertThat(ages).allMatch(a -> a >= 18 && a <= 95);
    ages.sort(null);
    long median = ages.get(ages.size() / 2);
    assertThat(median).isBetween(30L, 45L);
    double mean = ages.stream().mapToLong(Long::longValue).average().orElseThrow();
    assertThat(mean).isGreaterThan(median); // right-skewed
    assertThat(missing).isBetween(N / 100, N / 20);
  }

  @Test
  void firmographics_onlyForBusinessCustomers_logNormalSizes() {
    int business = 0;
    int micro = 0;
    int enterprise = 0;
    for (SchemaCustomer c : sample) {
      Set<String> tags = c.get(CustomerGenerator.TAGS);
      boolean b2b = tags.contains("b2b");
      assertThat(c.get(CustomerGenerator.INDUSTRY) != null).isEqualTo(b2b);
      assertThat(c.get(CustomerGenerator.EMPLOYEES) != null).isEqualTo(b2b);
      assertThat(c.get(CustomerGenerator.REVENUE) != null).isEqualTo(b2b);
      assertThat(c.get(CustomerGenerator.TECH_STACK) != null).isEqualTo(b2b);
      if (b2b) {
        business++;
        String size = c.get(CustomerGenerator.COMPANY_SIZE);
        micro += size.equals("micro") ? 1 : 0;
        enterprise += size.equals("enterprise") ? 1 : 0;
        assertThat(c.get(CustomerGenerator.EMPLOYEES)).isPositive();
      }
    }
    assertThat(business).isBetween(N / 4, N * 35 / 100);
    assertThat(micro).isGreaterThan(enterprise * 10);
    assertThat(enterprise).isPositive();
  }

  @Test
  void tags_atMostFiveFromVocabulary() {
    Set<String> vocabulary = Set.of(Vocabulary.TAGS);
    Map<String, Integer> counts = new HashMap<>();
    for (SchemaCustomer c : sample) {
      Set<String> tags = c.get(CustomerGenerator.TAGS);
      assertThat(tags.size()).isLessThanOrEqualTo(5);
      assertThat(vocabulary).containsAll(tags);
      tags.forEach(t -> counts.merge(t, 1, Integer::sum));
    }
    assertThat(counts.size()).isGreaterThan(40);
    assertThat(counts.get("mobile")).isGreaterThan(counts.getOrDefault("gamer", 0) * 5);
  }

  @Test
  void events_withinTwoYearsAfterSignup_andNinetyDayTotalsAgree() {
    Instant twoYearsAgo = AS_OF.minus(Duration.ofDays(730));
    long totalEvents = 0;
    for (SchemaCustomer c : sample) {
      LocalDate signup = c.get(CustomerGenerator.SIGNUP_DATE);
      assertThat(signup).isBetween(LocalDate.of(2021, 10, 31), LocalDate.of(2026, 11, 1));
      Instant latest = null;
      double spend = 0;
      long orders = 0;
      for (String type : List.of("purchase", "email_open", "page_view")) {
        for (Event e : c.events(type)) {
          totalEvents++;
          assertThat(e.timestamp()).isBetween(twoYearsAgo, AS_OF);
          assertThat(e.timestamp())
              .isAfterOrEqualTo(signup.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
          latest = latest == null || e.timestamp().isAfter(latest) ? e.timestamp() : latest;
          if (type.equals("purchase") && e.timestamp().isAfter(AS_OF.minus(Duration.ofDays(90)))) {
            spend += (Double) e.value("amount");
            orders++;
          }
        }
      }
      assertThat(c.get(CustomerGenerator.ORDERS_90D)).isEqualTo(orders);
      assertThat(c.get(CustomerGenerator.SPEND_90D))
          .isCloseTo(spend, org.assertj.core.data.Offset.offset(0.01));
      if (latest != null) {
        assertThat(c.get(CustomerGenerator.LAST_SEEN)).isEqualTo(latest);
      }
    }
    double mean = (double) totalEvents / N;
    assertThat(mean).isBetween(7.0, 13.0);
  }

  @Test
  void purchases_manyOneTimeBuyersFewLoyal() {
    int none = 0;
    int once = 0;
    int loyal = 0;
    for (SchemaCustomer c : sample) {
      int n = c.events("purchase").size();
      none += n == 0 ? 1 : 0;
      once += n == 1 ? 1 : 0;
      loyal += n >= 16 ? 1 : 0;
    }
    assertThat(once).isGreaterThan(none);
    assertThat(none).isGreaterThan(loyal * 4);
    assertThat(loyal).isBetween(N / 50, N / 20);
  }
}
