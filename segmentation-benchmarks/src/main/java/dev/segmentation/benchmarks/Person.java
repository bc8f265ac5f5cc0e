package dev.segmentation.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Values;
import dev.segmentation.testkit.CustomerGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer as a plain Java object, the way a service holds it: one nullable field per attribute
 * of {@link CustomerGenerator#schema()} (null is "no value"), and the purchase events.
 *
 * <p>The hand-written if-chain reads the fields; MVEL and SpEL read the getters; the row engine
 * reads it through {@link Customer#value(int, String)}, which answers by the attribute's position
 * in the schema (a small switch the JIT inlines) and returns the fields as they are (they are
 * already in the canonical representation, so reading allocates nothing); integers, numbers, the
 * signup date (as an epoch day) and the last-seen instant (in epoch milliseconds) also through the
 * primitive reads ({@link Customer#longValue} and its kin), which skip the engine's class check.
 * Dates are also offered as epoch numbers ({@link #getSignupDay()}, {@link #getLastSeenSecond()},
 * {@link #getPurchaseSeconds()}) because the expression languages have no common date type.
 *
 * <p>Only purchase events are kept (the benchmark rules read no other event type), to keep ten
 * million customers in memory.
 */
public final class Person implements Customer {
  public final String id;
  public final Long age;
  public final String country;
  public final String city;
  public final Double income;
  public final String industry;
  public final Long employees;
  public final String companySize;
  public final Double revenue;
  public final LocalDate signupDate;
  public final Instant lastSeen;
  public final Boolean emailOptIn;
  public final ImmutableSet<String> tags;
  public final String device;
  public final ImmutableSet<String> techStack;
  public final GeoPoint location;
  public final Double spend90d;
  public final Long orders90d;
  public final ImmutableList<Event> purchases;

  // The last-seen instant in epoch milliseconds for the engine's primitive read, or Long.MIN_VALUE
  // (its "ask value()") when there is none or it is finer than a millisecond.
  private final long lastSeenMilli;

  // Derived, for the expression languages only.
  private final Long signupDay;
  private final Long lastSeenSecond;
  private final ImmutableList<Long> purchaseSeconds;

  Person(
      String id,
      Long age,
      String country,
      String city,
      Double income,
      String industry,
      Long employees,
      String companySize,
      Double revenue,
      LocalDate signupDate,
      Instant lastSeen,
      Boolean emailOptIn,
      ImmutableSet<String> tags,
      String device,
      ImmutableSet<String> techStack,
      GeoPoint location,
      Double spend90d,
      Long orders90d,
      ImmutableList<Event> purchases) {
    this.id = id;
    this.age = age;
    this.country = country;
    this.city = city;
    this.income = income;
    this.industry = industry;
    this.employees = employees;
    this.companySize = companySize;
    this.revenue = revenue;
    this.signupDate = signupDate;
    this.lastSeen = lastSeen;
    this.emailOptIn = emailOptIn;
    this.tags = tags;
    this.device = device;
    this.techStack = techStack;
    this.location = location;
    this.spend90d = spend90d;
    this.orders90d = orders90d;
    this.purchases = purchases;
    this.signupDay = signupDate == null ? null : signupDate.toEpochDay();
    this.lastSeenSecond = lastSeen == null ? null : lastSeen.getEpochSecond();
    this.lastSeenMilli =
        lastSeen == null ? Long.MIN_VALUE : Values.epochMilliOrElse(lastSeen, Long.MIN_VALUE);
    ImmutableList.Builder<Long> seconds = ImmutableList.builderWithExpectedSize(purchases.size());
    for (Event e : purchases) {
      seconds.add(e.timestamp().getEpochSecond());
    }
    this.purchaseSeconds = seconds.build();
  }

  /** The person with the values of a generated customer. */
  @SuppressWarnings("unchecked")
  static Person of(Customer c) {
    return new Person(
        c.id(),
        (Long) c.value("age"),
        (String) c.value("country"),
        (String) c.value("city"),
        (Double) c.value("income"),
        (String) c.value("industry"),
        (Long) c.value("employees"),
        (String) c.value("companySize"),
        (Double) c.value("revenue"),
        (LocalDate) c.value("signupDate"),
        (Instant) c.value("lastSeen"),
        (Boolean) c.value("emailOptIn"),
        (ImmutableSet<String>) c.value("tags"),
        (String) c.value("device"),
        (ImmutableSet<String>) c.value("techStack"),
        (GeoPoint) c.value("location"),
        (Double) c.value("spend90d"),
        (Long) c.value("orders90d"),
        ImmutableList.copyOf(c.events("purchase")));
  }

  @Override
  public String id() {
    return id;
  }

  /** The attributes' names in the order of {@link CustomerGenerator#schema()}: the positions. */
  private static final String[] NAMES =
      CustomerGenerator.schema().attributeList().stream()
          .map(Attribute::name)
          .toArray(String[]::new);

  /**
   * Answers from the position when it is the attribute's position in the generator's schema, as the
   * engine passes it for a catalog compiled against that schema; by name otherwise.
   */
  @Override
  public Object value(int position, String attribute) {
    if (!atItsPosition(position, attribute)) {
      return value(attribute);
    }
    switch (position) {
      case 0:
        return age;
      case 1:
        return country;
      case 2:
        return city;
      case 3:
        return income;
      case 4:
        return industry;
      case 5:
        return employees;
      case 6:
        return companySize;
      case 7:
        return revenue;
      case 8:
        return signupDate;
      case 9:
        return lastSeen;
      case 10:
        return emailOptIn;
      case 11:
        return tags;
      case 12:
        return device;
      case 13:
        return techStack;
      case 14:
        return location;
      case 15:
        return spend90d;
      default:
        return orders90d; // position 16, the last: NAMES has checked the range
    }
  }

  /** Whether the engine passed {@code attribute}'s position in the generator's schema. */
  private static boolean atItsPosition(int position, String attribute) {
    return position >= 0 && position < NAMES.length && NAMES[position].equals(attribute);
  }

  /**
   * The integers without the engine's class check: answers the unboxed field at the attribute's
   * position, {@code ifAbsent} when it is null or the position is another's (the engine then reads
   * {@link #value(int, String)}, which also answers by name).
   */
  @Override
  public long longValue(int position, String attribute, long ifAbsent) {
    if (!atItsPosition(position, attribute)) {
      return ifAbsent;
    }
    Long v =
        switch (position) {
          case 0 -> age;
          case 5 -> employees;
          case 16 -> orders90d;
          default -> null;
        };
    return v == null ? ifAbsent : v;
  }

  /** The numbers, as {@link #longValue} answers the integers. */
  @Override
  public double doubleValue(int position, String attribute, double ifAbsent) {
    if (!atItsPosition(position, attribute)) {
      return ifAbsent;
    }
    Double v =
        switch (position) {
          case 3 -> income;
          case 7 -> revenue;
          case 15 -> spend90d;
          default -> null;
        };
    return v == null ? ifAbsent : v;
  }

  /** The signup date as its epoch day, as {@link #longValue} answers the integers. */
  @Override
  public long epochDayValue(int position, String attribute, long ifAbsent) {
    return position == 8 && signupDay != null && atItsPosition(position, attribute)
        ? signupDay
        : ifAbsent;
  }

  /** The last-seen instant in epoch milliseconds, as {@link #longValue} answers the integers. */
  @Override
  public long epochMilliValue(int position, String attribute, long ifAbsent) {
    return position == 9 && lastSeenMilli != Long.MIN_VALUE && atItsPosition(position, attribute)
        ? lastSeenMilli
        : ifAbsent;
  }

  @Override
  public Object value(String attribute) {
    switch (attribute) {
      case "age":
        return age;
      case "country":
        return country;
      case "city":
        return city;
      case "income":
        return income;
      case "industry":
        return industry;
      case "employees":
        return employees;
      case "companySize":
        return companySize;
      case "revenue":
        return revenue;
      case "signupDate":
        return signupDate;
      case "lastSeen":
        return lastSeen;
      case "emailOptIn":
        return emailOptIn;
      case "tags":
        return tags;
      case "device":
        return device;
      case "techStack":
        return techStack;
      case "location":
        return location;
      case "spend90d":
        return spend90d;
      case "orders90d":
        return orders90d;
      default:
        return null;
    }
  }

  @Override
  public List<Event> events(String eventType) {
    return "purchase".equals(eventType) ? purchases : ImmutableList.of();
  }

  public Long getAge() {
    return age;
  }

  public String getCountry() {
    return country;
  }

  public String getCity() {
    return city;
  }

  public Double getIncome() {
    return income;
  }

  public String getIndustry() {
    return industry;
  }

  public Long getEmployees() {
    return employees;
  }

  public String getCompanySize() {
    return companySize;
  }

  public Double getRevenue() {
    return revenue;
  }

  /** The signup date as an epoch day, or null. */
  public Long getSignupDay() {
    return signupDay;
  }

  /** The last-seen instant in epoch seconds, or null. */
  public Long getLastSeenSecond() {
    return lastSeenSecond;
  }

  public Boolean getEmailOptIn() {
    return emailOptIn;
  }

  public ImmutableSet<String> getTags() {
    return tags;
  }

  public String getDevice() {
    return device;
  }

  public ImmutableSet<String> getTechStack() {
    return techStack;
  }

  public Double getSpend90d() {
    return spend90d;
  }

  public Long getOrders90d() {
    return orders90d;
  }

  /** The purchase instants in epoch seconds, oldest first. */
  public ImmutableList<Long> getPurchaseSeconds() {
    return purchaseSeconds;
  }

  @Override
  public String toString() {
    return "Person{" + id + "}";
  }
}
