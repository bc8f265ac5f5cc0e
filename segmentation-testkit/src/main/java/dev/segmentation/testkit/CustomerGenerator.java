package dev.segmentation.testkit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates a realistic, seeded customer base for demos, tests and benchmarks: skewed countries
 * (Zipf-like, Finland first) with cities inside them, adult ages, log-normal incomes, a business
 * share with industries, employees and revenue, tags, devices and tech stacks, and two years of
 * purchase, email-open and page-view events with many one-time buyers and a few loyal ones.
 *
 * <pre>{@code
 * CustomerGenerator gen = new CustomerGenerator(42);
 * Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
 * try (Stream<SchemaCustomer> customers = gen.customers(1_000_000, asOf)) {
 *   customers.forEach(table::add);
 * }
 * SchemaCustomer c42 = gen.customer(42, asOf); // the same customer as above, by index
 * }</pre>
 *
 * Output is a pure function of the seed, the customer's index and {@code asOf}: the same seed gives
 * identical customers on every run and JDK, customer {@code i} does not depend on how many are
 * generated, and customers are produced one at a time, so any number can be streamed in constant
 * memory. Customer ids are {@code c-0}, {@code c-1}, ... Values that real exports often lack are
 * sometimes missing (no value): age, income, device; firmographic and technographic attributes are
 * present only for business customers (those tagged {@code b2b}). Instances are immutable and
 * thread-safe.
 */
public final class CustomerGenerator {

  /** Age in whole years (18..95). */
  public static final Attribute<Long> AGE = Attribute.integer("age");

  /** ISO 3166 alpha-2 country code, e.g. {@code FI}. */
  public static final Attribute<String> COUNTRY = Attribute.string("country");

  /** A city in the customer's country. */
  public static final Attribute<String> CITY = Attribute.string("city");

  /** Yearly personal income in euros. */
  public static final Attribute<Double> INCOME = Attribute.number("income");

  /** Industry of a business customer, e.g. {@code restaurant}. */
  public static final Attribute<String> INDUSTRY = Attribute.string("industry");

  /** Number of employees of a business customer. */
  public static final Attribute<Long> EMPLOYEES = Attribute.integer("employees");

  /**
   * Size class from employees: micro (under 10), small (under 50), medium (under 250), large (under
   * 1000), enterprise.
   */
  public static final Attribute<String> COMPANY_SIZE = Attribute.string("companySize");

  /** Yearly revenue of a business customer in euros. */
  public static final Attribute<Double> REVENUE = Attribute.number("revenue");

  /** The day the customer signed up (within five years before asOf). */
  public static final Attribute<LocalDate> SIGNUP_DATE = Attribute.date("signupDate");

  /** The last time the customer was seen (its latest event, or its signup). */
  public static final Attribute<Instant> LAST_SEEN = Attribute.timestamp("lastSeen");

  /** Whether the customer agreed to receive marketing email. */
  public static final Attribute<Boolean> EMAIL_OPT_IN = Attribute.bool("emailOptIn");

  /** Up to five tags out of about fifty, e.g. {@code vip}, {@code newsletter}, {@code b2b}. */
  public static final Attribute<Set<String>> TAGS = Attribute.stringSet("tags");

  /** Main device: {@code ios}, {@code android} or {@code desktop}. */
  public static final Attribute<String> DEVICE = Attribute.string("device");

  /** Software a business customer uses, e.g. {@code shopify}, {@code salesforce}. */
  public static final Attribute<Set<String>> TECH_STACK = Attribute.stringSet("techStack");

  /** A point near the customer's city. */
  public static final Attribute<GeoPoint> LOCATION = Attribute.geoPoint("location");

  /** Sum of purchase amounts in the 90 days up to asOf (asOf - 90 days, asOf]. */
  public static final Attribute<Double> SPEND_90D = Attribute.number("spend90d");

  /** Number of purchases in the 90 days up to asOf. */
  public static final Attribute<Long> ORDERS_90D = Attribute.integer("orders90d");

  /** A purchase: {@code amount} (euros), {@code category}, {@code channel} (web, app, store). */
  public static final EventType PURCHASE =
      EventType.of(
          "purchase",
          Attribute.number("amount"),
          Attribute.string("category"),
          Attribute.string("channel"));

  /** An opened marketing email: {@code campaign}. */
  public static final EventType EMAIL_OPEN =
      EventType.of("email_open", Attribute.string("campaign"));

  /** A page view: {@code path}. */
  public static final EventType PAGE_VIEW = EventType.of("page_view", Attribute.string("path"));

  private static final Schema SCHEMA =
      Schema.builder()
          .attribute(AGE)
          .attribute(COUNTRY)
          .attribute(CITY)
          .attribute(INCOME)
          .attribute(INDUSTRY)
          .attribute(EMPLOYEES)
          .attribute(COMPANY_SIZE)
          .attribute(REVENUE)
          .attribute(SIGNUP_DATE)
          .attribute(LAST_SEEN)
          .attribute(EMAIL_OPT_IN)
          .attribute(TAGS)
          .attribute(DEVICE)
          .attribute(TECH_STACK)
          .attribute(LOCATION)
          .attribute(SPEND_90D)
          .attribute(ORDERS_90D)
          .eventType(PURCHASE)
          .eventType(EMAIL_OPEN)
          .eventType(PAGE_VIEW)
          .build();

  private static final long DAY = 86_400L;
  private static final long SIGNUP_DAYS = 5 * 365 + 1;
  private static final long EVENT_DAYS = 2 * 365;

  private final long seed;

  /** A generator whose output is fixed by {@code seed}. */
  public CustomerGenerator(long seed) {
    this.seed = seed;
  }

  /** The schema of every generated customer: the attributes and event types declared above. */
  public static Schema schema() {
    return SCHEMA;
  }

  /** The seed this generator was created with. */
  public long seed() {
    return seed;
  }

  /**
   * Customers {@code c-0} to {@code c-(n-1)}, generated lazily one at a time as the stream is
   * consumed (constant memory for any {@code n}). The stream may be made parallel; each customer is
   * the same either way.
   *
   * @throws IllegalArgumentException when {@code n} is negative or {@code asOf} is null
   */
  public Stream<SchemaCustomer> customers(int n, Instant asOf) {
    checkArguments(n, asOf);
    return IntStream.range(0, n).mapToObj(i -> customer(i, asOf));
  }

  /** Passes customers {@code c-0} to {@code c-(n-1)} to {@code action} in order, one at a time. */
  public void forEach(int n, Instant asOf, Consumer<? super SchemaCustomer> action) {
    checkArguments(n, asOf);
    if (action == null) {
      throw new IllegalArgumentException("action must not be null");
    }
    for (int i = 0; i < n; i++) {
      action.accept(customer(i, asOf));
    }
  }

  private static void checkArguments(int n, Instant asOf) {
    if (n < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + n);
    }
    if (asOf == null) {
      throw new IllegalArgumentException("asOf must not be null");
    }
  }

  /**
   * The customer with index {@code index} (id {@code "c-" + index}) as of {@code asOf}: its events
   * lie in the two years up to {@code asOf}, its signup within the five years before.
   */
  public SchemaCustomer customer(long index, Instant asOf) {
    return customer(index, asOf, null);
  }

  /**
   * The customer {@link #customer(long, Instant)} gives, with only the events of the named types
   * (every value, including those derived from the other events such as {@code lastSeen}, is the
   * same): for jobs that read few event types, it skips building the others' events.
   *
   * @param eventTypes the event types to keep; null keeps all
   */
  public SchemaCustomer customer(long index, Instant asOf, Set<String> eventTypes) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, got " + index);
    }
    if (asOf == null) {
      throw new IllegalArgumentException("asOf must not be null");
    }
    Rng r = new Rng(Rng.derive(seed, index));
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, "c-" + index);
    long now = asOf.getEpochSecond();

    // Where: a Zipf-skewed country, a Zipf-skewed city in it, a point within a few km.
    Country country = Places.COUNTRIES.get(r.pick(Places.COUNTRY_WEIGHTS));
    City city = country.cities().get(r.pick(country.cityWeights()));
    b.set(COUNTRY, country.code());
    b.set(CITY, city.name());
    double lat = clamp(city.latitude() + r.nextGaussian() * 0.05, -90, 90);
    double lon = clamp(city.longitude() + r.nextGaussian() * 0.08, -180, 180);
    b.set(LOCATION, new GeoPoint(round(lat, 4), round(lon, 4)));

    // Who: ages skew towards 25-45 with a long tail; some values are missing, as in real exports.
    if (!r.chance(0.03)) {
      long age = 18 + Math.round(r.logNormal(19, 0.55));
      b.set(AGE, Math.min(age, 95));
    }
    if (!r.chance(0.12)) {
      b.set(INCOME, round(clamp(r.logNormal(38_000, 0.55), 6_000, 2_000_000), 0));
    }
    if (!r.chance(0.05)) {
      b.set(DEVICE, Vocabulary.DEVICES[r.pick(Vocabulary.DEVICE_WEIGHTS)]);
    }

    // Business customers carry firmographic and technographic values.
    boolean business = r.chance(0.3);
    if (business) {
      b.set(INDUSTRY, Vocabulary.INDUSTRIES[r.pick(Vocabulary.INDUSTRY_WEIGHTS)]);
      long employees = Math.max(1, Math.min(250_000, Math.round(r.logNormal(9, 1.5))));
      b.set(EMPLOYEES, employees);
      b.set(COMPANY_SIZE, companySize(employees));
      b.set(REVENUE, round(employees * r.logNormal(95_000, 0.7), 0));
      int tools = 1 + r.nextInt(4);
      ImmutableSet.Builder<String> stack = ImmutableSet.builder();
      for (int i = 0; i < tools; i++) {
        stack.add(Vocabulary.TECH[r.pick(Vocabulary.TECH_WEIGHTS)]);
      }
      b.set(TECH_STACK, stack.build());
    }

    boolean optIn = r.chance(0.62);
    b.set(EMAIL_OPT_IN, optIn);

    // Signups grow over time: more recent days are likelier.
    long signupDaysAgo = (long) (SIGNUP_DAYS * Math.pow(r.nextDouble(), 1.4));
    LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    LocalDate signup = today.minusDays(signupDaysAgo);
    b.set(SIGNUP_DATE, signup);
    long signupSecond =
        Math.min(now, signup.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + r.nextInt(86_400));

    // Activity: events between signup (at most two years back) and an end; about a third churned.
    long start = Math.max(signupSecond, now - EVENT_DAYS * DAY);
    long end = now;
    if (r.chance(0.3)) {
      end = start + (long) ((now - start) * r.nextDouble());
    }
    long span = Math.max(1, end - start);
    Buyer buyer = Buyer.values()[r.pick(Buyer.WEIGHTS)];
    int purchases = buyer.purchases(r);
    int opens = optIn ? r.geometric(4.5) : (r.chance(0.1) ? 1 : 0);
    int views = r.geometric(buyer == Buyer.NONE ? 2.5 : 4.0);

    long lastSeen = signupSecond;
    double spend = 0;
    long orders = 0;
    long window = now - 90 * DAY;
    double basket = business ? 3.0 : 1.0;
    List<Event> events = new ArrayList<>(purchases + opens + views);
    boolean keepPurchases = eventTypes == null || eventTypes.contains(PURCHASE.name());
    boolean keepOpens = eventTypes == null || eventTypes.contains(EMAIL_OPEN.name());
    boolean keepViews = eventTypes == null || eventTypes.contains(PAGE_VIEW.name());
    // Skipped events still draw their random numbers, so that the other values stay the same.
    for (int i = 0; i < purchases; i++) {
      long t = start + (long) (span * r.nextDouble());
      double amount = round(clamp(basket * r.logNormal(42, 0.9), 1, 50_000), 2);
      String category = Vocabulary.CATEGORIES[r.pick(Vocabulary.CATEGORY_WEIGHTS)];
      String channel = Vocabulary.CHANNELS[r.pick(Vocabulary.CHANNEL_WEIGHTS)];
      if (keepPurchases) {
        events.add(
            new Event(
                PURCHASE.name(),
                Instant.ofEpochSecond(t),
                ImmutableMap.of("amount", amount, "category", category, "channel", channel)));
      }
      if (t > window) {
        spend += amount;
        orders++;
      }
      lastSeen = Math.max(lastSeen, t);
    }
    for (int i = 0; i < opens; i++) {
      long t = start + (long) (span * r.nextDouble());
      String campaign = Vocabulary.CAMPAIGNS[r.pick(Vocabulary.CAMPAIGN_WEIGHTS)];
      if (keepOpens) {
        events.add(
            new Event(
                EMAIL_OPEN.name(),
                Instant.ofEpochSecond(t),
                ImmutableMap.of("campaign", campaign)));
      }
      lastSeen = Math.max(lastSeen, t);
    }
    for (int i = 0; i < views; i++) {
      long t = start + (long) (span * r.nextDouble());
      String path = Vocabulary.PATHS[r.pick(Vocabulary.PATH_WEIGHTS)];
      if (keepViews) {
        events.add(
            new Event(PAGE_VIEW.name(), Instant.ofEpochSecond(t), ImmutableMap.of("path", path)));
      }
      lastSeen = Math.max(lastSeen, t);
    }
    for (Event e : events) {
      b.event(e);
    }
    b.set(LAST_SEEN, Instant.ofEpochSecond(lastSeen));
    b.set(SPEND_90D, round(spend, 2));
    b.set(ORDERS_90D, orders);

    // Tags: a few popular ones, some implied by behaviour.
    Set<String> tags = new LinkedHashSet<>();
    if (business) {
      tags.add("b2b");
    }
    if (buyer == Buyer.LOYAL && r.chance(0.6)) {
      tags.add("vip");
    }
    if (optIn && r.chance(0.5)) {
      tags.add("newsletter");
    }
    int extra = r.pick(Vocabulary.TAG_COUNT_WEIGHTS);
    for (int i = 0; i < extra && tags.size() < 5; i++) {
      tags.add(Vocabulary.TAGS[r.pick(Vocabulary.TAG_WEIGHTS)]);
    }
    b.set(TAGS, ImmutableSet.copyOf(tags));
    return b.build();
  }

  private static String companySize(long employees) {
    if (employees < 10) {
      return "micro";
    }
    if (employees < 50) {
      return "small";
    }
    if (employees < 250) {
      return "medium";
    }
    if (employees < 1000) {
      return "large";
    }
    return "enterprise";
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  private static double round(double x, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(x * scale) / scale;
  }

  /** How often a customer buys in two years: many never or once, a few loyal. */
  private enum Buyer {
    NONE,
    ONE_TIME,
    OCCASIONAL,
    REGULAR,
    LOYAL;

    static final double[] WEIGHTS = Rng.cumulative(0.25, 0.35, 0.25, 0.12, 0.03);

    int purchases(Rng r) {
      switch (this) {
        case NONE:
          return 0;
        case ONE_TIME:
          return 1;
        case OCCASIONAL:
          return 2 + r.nextInt(3);
        case REGULAR:
          return 5 + r.nextInt(11);
        case LOYAL:
          return 16 + r.nextInt(45);
      }
      throw new AssertionError(this);
    }
  }

  record City(String name, double latitude, double longitude) {}

  record Country(String code, ImmutableList<City> cities, double[] cityWeights) {
    Country(String code, City... cities) {
      this(code, ImmutableList.copyOf(cities), Rng.zipf(cities.length, 1.2));
    }
  }
}
