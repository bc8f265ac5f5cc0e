package dev.segmentation.testkit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.CalendarWindow;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.GeoWithin;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random schemas' data, valid catalogs over every condition kind, and customers, for
 * differential and round-trip tests. Literals and values come from small shared domains, so that
 * leaves are TRUE for some customers and FALSE or UNKNOWN for others.
 *
 * <pre>{@code
 * RandomCatalogs r = new RandomCatalogs(seed);
 * Catalog catalog = r.catalog(5);
 * List<SchemaCustomer> customers = r.customers(200);
 * }</pre>
 */
public final class RandomCatalogs {

  /** Sunday 22 November 2026, noon UTC. */
  public static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  public static final EvaluationContext CTX = EvaluationContext.at(AS_OF);

  /** One attribute of every type, and two event types. */
  public static final Schema SCHEMA =
      Schema.builder()
          .attribute("age", AttributeType.INTEGER)
          .attribute("balance", AttributeType.NUMBER)
          .attribute("country", AttributeType.STRING)
          .attribute("email", AttributeType.STRING)
          .attribute("active", AttributeType.BOOLEAN)
          .attribute("birthday", AttributeType.DATE)
          .attribute("lastSeen", AttributeType.TIMESTAMP)
          .attribute("tags", AttributeType.STRING_SET)
          .attribute("location", AttributeType.GEO_POINT)
          .eventType(
              EventType.of("purchase", Attribute.number("amount"), Attribute.string("category")))
          .eventType(EventType.of("page_view", Attribute.string("path")))
          .build();

  private static final long[] AGES = {0, 17, 18, 30, 31, 65, Long.MAX_VALUE, -1};
  private static final double[] BALANCES = {0.0, 2.5, 3.0, -1.5, 100.0, 1e17, 0.1};
  private static final String[] COUNTRIES = {"FI", "SE", "NO", "DE", "fi", "Ø", "\uD83D\uDE00"};
  private static final String[] EMAILS = {
    "ann@acme.com", "Bob@ACME.com", "carl@initech.io", "dana@example.org", ""
  };
  private static final String[] TAGS = {"vip", "b2b", "new", "churned", "mobile"};
  private static final String[] CATEGORIES = {"paper", "ink", "desks"};
  private static final String[] PATHS = {"/pricing", "/pricing/team", "/blog", "/"};

  private final Random random;

  public RandomCatalogs(long seed) {
    this.random = new Random(seed);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  // ------------------------------------------------------------------ customers

  /** {@code n} customers with ids c0..c(n-1); about one value in six is missing. */
  public List<SchemaCustomer> customers(int n) {
    List<SchemaCustomer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(customer("c" + i));
    }
    return out;
  }

  public SchemaCustomer customer(String id) {
    SchemaCustomer.Builder b = Customer.builder(SCHEMA, id);
    if (!chance(0.17)) {
      b.set("age", AGES[random.nextInt(AGES.length)] + (chance(0.5) ? 0 : random.nextInt(3)));
    }
    if (!chance(0.17)) {
      b.set("balance", BALANCES[random.nextInt(BALANCES.length)]);
    }
    if (!chance(0.17)) {
      b.set("country", pick(COUNTRIES));
    }
    if (!chance(0.17)) {
      b.set("email", pick(EMAILS));
    }
    if (!chance(0.17)) {
      b.set("active", random.nextBoolean());
    }
    if (!chance(0.17)) {
      b.set("birthday", date());
    }
    if (!chance(0.17)) {
      b.set("lastSeen", instant());
    }
    if (!chance(0.17)) {
      ImmutableSet.Builder<String> tags = ImmutableSet.builder();
      for (String t : TAGS) {
        if (chance(0.3)) {
          tags.add(t);
        }
      }
      b.set("tags", tags.build());
    }
    if (!chance(0.17)) {
      b.set("location", new GeoPoint(60 + random.nextDouble() - 0.5, 25 + random.nextDouble()));
    }
    int purchases = random.nextInt(5);
    for (int i = 0; i < purchases; i++) {
      Map<String, Object> props =
          chance(0.1)
              ? ImmutableMap.of("category", pick(CATEGORIES))
              : ImmutableMap.of(
                  "amount", (double) (random.nextInt(40) * 25), "category", pick(CATEGORIES));
      b.event("purchase", instant(), props);
    }
    int views = random.nextInt(4);
    for (int i = 0; i < views; i++) {
      b.event("page_view", instant(), ImmutableMap.of("path", pick(PATHS)));
    }
    return b.build();
  }

  private LocalDate date() {
    return LocalDate.of(2026, 11, 22).minusDays(random.nextInt(800) - 40);
  }

  private Instant instant() {
    return AS_OF.minusSeconds((long) (random.nextInt(400 * 24) - 24 * 10) * 3600);
  }

  // ------------------------------------------------------------------ rules

  /**
   * A valid catalog of {@code segments} segments (later ones may refer to earlier ones), a score
   * model {@code engagement} and a tiering {@code value} that conditions may read.
   */
  public Catalog catalog(int segments) {
    ScoreModel score =
        new ScoreModel(
            "engagement",
            "",
            ImmutableList.of(
                new ScoreRule(condition(2, List.of(), false), 10, "g"),
                new ScoreRule(condition(2, List.of(), false), 15, "g"),
                new ScoreRule(condition(2, List.of(), false), -5, null)),
            ImmutableMap.of("g", 20.0),
            null);
    Tiering tiering =
        new Tiering(
            "value",
            "",
            ImmutableList.of(
                new Tier("gold", condition(2, List.of(), false)),
                new Tier("silver", condition(2, List.of(), false))),
            "bronze");
    List<Segment> list = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < segments; i++) {
      list.add(Segment.of("s" + i, condition(4, names, true)));
      names.add("s" + i);
    }
    return new Catalog(
        ImmutableList.copyOf(list),
        ImmutableList.of(score),
        ImmutableList.of(tiering),
        ImmutableList.of());
  }

  /** A random condition of at most {@code depth} levels over {@link #SCHEMA}. */
  public Condition condition(int depth, List<String> segments, boolean catalogReferences) {
    if (depth <= 1 || chance(0.35)) {
      return leaf(segments, catalogReferences);
    }
    switch (random.nextInt(3)) {
      case 0:
        return new And(operands(depth, segments, catalogReferences));
      case 1:
        return new Or(operands(depth, segments, catalogReferences));
      default:
        return new Not(condition(depth - 1, segments, catalogReferences));
    }
  }

  private ImmutableList<Condition> operands(int depth, List<String> segments, boolean refs) {
    int n = 1 + random.nextInt(3);
    ImmutableList.Builder<Condition> b = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      b.add(condition(depth - 1, segments, refs));
    }
    return b.build();
  }

  private Operator op() {
    return pick(Operator.values());
  }

  private Condition leaf(List<String> segments, boolean refs) {
    int kinds = refs ? 22 : 19;
    switch (random.nextInt(kinds)) {
      case 0:
        return new Compare("age", op(), numberNear(AGES[random.nextInt(AGES.length)]));
      case 1:
        return new Compare("balance", op(), numberNear(BALANCES[random.nextInt(BALANCES.length)]));
      case 2:
        return new Between("age", (long) random.nextInt(40), numberNear(20 + random.nextInt(60)));
      case 3:
        return In.of("age", 18L, 30.0, 31.5, (long) random.nextInt(70));
      case 4:
        return In.of("balance", 3L, 2.5, BALANCES[random.nextInt(BALANCES.length)]);
      case 5:
        return chance(0.5)
            ? new Compare("country", op(), pick(COUNTRIES))
            : In.of("country", pick(COUNTRIES), pick(COUNTRIES));
      case 6:
        return new StringMatch(
            "email",
            pick(StringMatch.Op.values()),
            pick(new String[] {"ann", "@acme", "COM", "^b.*\\.com$", ""}),
            random.nextBoolean());
      case 7:
        return new Compare("active", chance(0.5) ? Operator.EQ : Operator.NE, random.nextBoolean());
      case 8:
        return chance(0.5)
            ? new Compare("birthday", op(), date())
            : new Between("birthday", date(), date());
      case 9:
        return new RelativeTime(
            chance(0.5) ? "birthday" : "lastSeen",
            pick(RelativeTime.Op.values()),
            random.nextInt(400),
            pick(
                new WindowUnit[] {
                  WindowUnit.DAYS, WindowUnit.WEEKS, WindowUnit.MONTHS, WindowUnit.YEARS
                }));
      case 10:
        return new CalendarWindow(
            chance(0.5) ? "birthday" : "lastSeen", pick(CalendarPeriod.values()));
      case 11:
        return new Anniversary(
            chance(0.5) ? "birthday" : "lastSeen", pick(Anniversary.Period.values()));
      case 12:
        return new TagMatch(
            "tags", pick(TagMatch.Op.values()), ImmutableSet.of(pick(TAGS), pick(TAGS)));
      case 13:
        return new TagCount("tags", op(), random.nextInt(4));
      case 14:
        return new Presence(
            pick(SCHEMA.attributes().keySet().toArray(new String[0])), random.nextBoolean());
      case 15:
        return new GeoWithin("location", new GeoPoint(60, 25.5), random.nextInt(80));
      case 16:
        return new Compare("lastSeen", op(), instant());
      case 17:
        return event();
      case 18:
        return chance(0.5) ? new Always() : new Never();
      case 19:
        return segments.isEmpty()
            ? new Always()
            : new InSegment(segments.get(random.nextInt(segments.size())));
      case 20:
        return new ScoreCondition("engagement", op(), (long) (random.nextInt(6) * 5));
      default:
        return new InTier("value", pick(new String[] {"gold", "silver", "bronze"}));
    }
  }

  private Number numberNear(double v) {
    return chance(0.5) && Math.abs(v) < 1e15
        ? (Number) (v + (chance(0.5) ? 0.5 : 0.0))
        : (Number) (long) v;
  }

  private Condition event() {
    boolean purchase = chance(0.6);
    String type = purchase ? "purchase" : "page_view";
    Condition where =
        chance(0.5)
            ? new Always()
            : purchase
                ? new Compare("category", Operator.EQ, pick(CATEGORIES))
                : new StringMatch("path", StringMatch.Op.STARTS_WITH, "/pricing", false);
    EventWindow window =
        switch (random.nextInt(4)) {
          case 0 -> EventWindow.ever();
          case 1 -> EventWindow.last(random.nextInt(200), WindowUnit.DAYS);
          case 2 -> EventWindow.in(pick(CalendarPeriod.values()));
          default ->
              EventWindow.between(
                  AS_OF.minusSeconds(86400L * 300), AS_OF.minusSeconds(86400L * 30));
        };
    Aggregate aggregate =
        purchase
            ? pick(Aggregate.values())
            : pick(
                new Aggregate[] {
                  Aggregate.COUNT,
                  Aggregate.DISTINCT_COUNT,
                  Aggregate.DAYS_SINCE_FIRST,
                  Aggregate.DAYS_SINCE_LAST
                });
    String property =
        aggregate.needsProperty()
            ? (aggregate == Aggregate.DISTINCT_COUNT ? (purchase ? "category" : "path") : "amount")
            : null;
    return new EventCondition(
        type,
        where,
        window,
        aggregate,
        property,
        op(),
        (long) random.nextInt(aggregate == Aggregate.SUM ? 600 : 5));
  }
}
