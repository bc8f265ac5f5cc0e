package dev.segmentation.testkit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.check.CheckResult;
import dev.segmentation.check.Checker;
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
import dev.segmentation.condition.Kind;
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
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmSegment;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * A seeded random schema, with valid catalogs and customers over it, for differential tests of the
 * engines. The schema has 1 to 12 attributes of random types and names (several of one type
 * allowed) and 0 to 3 event types with typed properties. Every attribute and property has its own
 * pool of values, which customers draw from and which literals draw from or land next to, so that
 * every leaf is TRUE for some customers and FALSE or UNKNOWN for others. Pools hold boundary values
 * (Long.MAX_VALUE and MIN_VALUE, 2^53 + 1, -0.0, 1e17, timestamps with nanoseconds, dates centuries
 * apart, strings with non-ASCII characters and case variants) and vary in size (a string attribute
 * may have 1 distinct value or hundreds; a tag attribute may have more than 64 tags), so that a
 * columnar table's encoding choices are all exercised.
 *
 * <p>Schema, catalogs and customers come from separate random streams derived from the seed: the
 * same seed gives the same schema and catalog however many customers are drawn.
 *
 * <pre>{@code
 * RandomSchemas r = new RandomSchemas(seed);
 * Catalog catalog = r.catalog(6);                 // passes the Checker
 * List<SchemaCustomer> customers = r.customers(300);
 * BatchResult result = ColumnarEngine.compile(catalog, r.schema()).evaluate(table, r.context(), 2);
 * }</pre>
 */
public final class RandomSchemas {

  /** Instants evaluations happen at: a plain Sunday, a leap day, a DST change, year ends. */
  private static final Instant[] AS_OFS = {
    Instant.parse("2026-11-22T12:00:00Z"),
    Instant.parse("2024-02-29T23:30:00.000000001Z"),
    Instant.parse("2026-03-29T01:30:00Z"),
    Instant.parse("2026-01-01T00:00:00Z"),
    Instant.parse("2025-12-31T23:59:59.999999999Z"),
    Instant.parse("2026-10-04T15:45:30.5Z"),
  };

  /** Zones with odd offsets, DST, and the date line. */
  private static final String[] ZONES = {
    "UTC",
    "Europe/Helsinki",
    "America/St_Johns",
    "Pacific/Kiritimati",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/Los_Angeles",
  };

  private static final String[] NAME_STEMS =
      "age balance country email active birthday lastSeen tags location plan revenue city signup score channel device segment x Q"
          .split(" ");

  private static final String[] EVENT_STEMS =
      "purchase page_view email.open login refund ticket session-start".split(" ");

  /** Strings whose case folding or code points are easy to get wrong. */
  private static final String[] TRICKY_STRINGS = {
    "FI",
    "fi",
    "Fi",
    "SE",
    "se",
    "ø",
    "Ø",
    "ß",
    "SS",
    "ss",
    "ẞ",
    "straße",
    "STRASSE",
    "İ",
    "i",
    "I",
    "ı",
    "İstanbul",
    "istanbul",
    "Σ",
    "σ",
    "ς",
    "\u212A",
    "k",
    "K",
    "é",
    "e\u0301",
    "É",
    "\uD83D\uDE00",
    "a\uD83D\uDE00b",
    "ǅ",
    "ǆ",
    "ﬀ",
    "FF",
    "Ａ",
    "a",
    "A",
    "",
    " ",
    "a b",
    "ann@acme.com",
    "Bob@ACME.com",
    "carl@initech.io",
    "dana@example.org",
    "tab\there",
    "quote\"s",
    "back\\slash",
    "line\nbreak",
    "中文",
    "ÅLAND",
    "åland",
    "0",
    "00",
    "-1",
    "null",
  };

  /** RE2 patterns, including anchors, classes, Unicode and case flags. */
  private static final String[] PATTERNS = {
    "^a",
    "a$",
    "^$",
    ".",
    "^.$",
    "^..$",
    "[0-9]+",
    "\\d{2}",
    "^(fi|se)$",
    "ø",
    "(?i)ø",
    "\\p{Lu}",
    "\\pL+",
    "^\\s",
    "@[a-z]+\\.",
    "ß",
    "s+",
    "^[^@]*@",
    "\\x{1F600}",
    "é",
    "\\.",
    "a|b|c",
    "(?s).",
    "\\n",
    "K",
    "^item-1",
    "^(?i)fi$",
    "[[:upper:]]",
    "\\bcom\\b",
    "^.{3,}$",
    "ı",
    "i̇",
  };

  /** The RE2 patterns rules are drawn from, for tests of translations of them. */
  public static List<String> patterns() {
    return List.of(PATTERNS);
  }

  private static final double[] NUMBER_SPECIALS = {
    0.0,
    -0.0,
    0.5,
    2.5,
    3.0,
    -1.5,
    0.1,
    0.2,
    0.30000000000000004,
    100.0,
    1e17,
    -1e17,
    0x1p53,
    0x1p53 + 2,
    0x1p63,
    -0x1p63,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.MIN_VALUE,
    1e-300,
    999_999_999_999_999.5,
  };

  private static final long[] INTEGER_SPECIALS = {
    0,
    1,
    -1,
    17,
    18,
    65,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    Long.MAX_VALUE - 1,
    Long.MIN_VALUE + 1,
    1L << 53,
    (1L << 53) + 1,
    -((1L << 53) + 1),
    100_000_000_000_000_000L,
    Integer.MAX_VALUE,
    (long) Integer.MIN_VALUE - 1,
  };

  private static final LocalDate[] FAR_DATES = {
    LocalDate.of(1, 1, 1),
    LocalDate.of(1900, 1, 1),
    LocalDate.of(1969, 12, 31),
    LocalDate.of(1970, 1, 1),
    LocalDate.of(2000, 2, 29),
    LocalDate.of(2024, 2, 29),
    LocalDate.of(9999, 12, 31),
    LocalDate.of(-5000, 6, 15),
    LocalDate.MIN,
    LocalDate.MAX,
  };

  private static final Instant[] FAR_INSTANTS = {
    Instant.EPOCH,
    Instant.EPOCH.minusNanos(1),
    Instant.parse("0001-01-01T00:00:00Z"),
    Instant.parse("1900-01-01T00:00:00.000000001Z"),
    Instant.parse("9999-12-31T23:59:59.999999999Z"),
    Instant.parse("2024-02-29T12:00:00Z"),
    Instant.MIN,
    Instant.MAX,
  };

  private static final WindowUnit[] DAY_UNITS = {
    WindowUnit.DAYS, WindowUnit.WEEKS, WindowUnit.MONTHS, WindowUnit.YEARS
  };

  private final long seed;
  private final Instant asOf;
  private final ZoneId zone;
  private final Instant[] instantEdges;
  private final Schema schema;
  private final Map<String, Domain> attributes = new LinkedHashMap<>();
  private final Map<String, EventDomain> events = new LinkedHashMap<>();
  private final Random rules;
  private final Random data;
  private int budget; // condition nodes left for the condition being built

  public RandomSchemas(long seed) {
    this.seed = seed;
    Random r = new Random(seed);
    this.rules = new Random(seed * 0x9E3779B97F4A7C15L + 1);
    this.data = new Random(seed * 0xC2B2AE3D27D4EB4FL + 2);
    this.asOf = chance(r, 0.5) ? AS_OFS[0] : pick(r, AS_OFS);
    this.zone = ZoneId.of(chance(r, 0.3) ? "UTC" : pick(r, ZONES));
    this.instantEdges = instantEdges(asOf, zone);
    Schema.Builder b = Schema.builder();
    Set<String> names = new LinkedHashSet<>();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      Domain d = domain(r, name(r, NAME_STEMS, names), pick(r, AttributeType.values()));
      attributes.put(d.attribute.name(), d);
      b.attribute(d.attribute);
    }
    int eventTypes = r.nextInt(4);
    Set<String> eventNames = new LinkedHashSet<>();
    for (int i = 0; i < eventTypes; i++) {
      String name = name(r, EVENT_STEMS, eventNames);
      Map<String, Domain> properties = new LinkedHashMap<>();
      Set<String> propertyNames = new LinkedHashSet<>();
      int p = r.nextInt(5);
      for (int j = 0; j < p; j++) {
        // Numbers and strings are what event filters and aggregates mostly read.
        AttributeType type =
            chance(r, 0.6)
                ? pick(r, new AttributeType[] {AttributeType.NUMBER, AttributeType.INTEGER})
                : pick(r, AttributeType.values());
        Domain d = domain(r, name(r, NAME_STEMS, propertyNames), type);
        properties.put(d.attribute.name(), d);
      }
      EventDomain e =
          new EventDomain(
              EventType.of(
                  name,
                  properties.values().stream().map(d -> d.attribute).toArray(Attribute<?>[]::new)),
              properties);
      events.put(name, e);
      b.eventType(e.type);
    }
    this.schema = b.build();
  }

  public long seed() {
    return seed;
  }

  public Schema schema() {
    return schema;
  }

  /** The instant and zone the case is evaluated at; values cluster around them. */
  public EvaluationContext context() {
    return EvaluationContext.at(asOf, zone);
  }

  // ------------------------------------------------------------------ schema and value pools

  /**
   * A fresh name from the stems, sometimes with '.', '_', '-' or digits, never "id" or "events".
   */
  private static String name(Random r, String[] stems, Set<String> taken) {
    while (true) {
      String name = pick(r, stems);
      if (chance(r, 0.4)) {
        name += pick(r, new String[] {".", "_", "-", ""}) + r.nextInt(20);
      }
      // The customer JSON Lines format uses the fields "id" and "events" itself.
      if (!name.equals("id") && !name.equals("events") && taken.add(name)) {
        return name;
      }
    }
  }

  private Domain domain(Random r, String name, AttributeType type) {
    Attribute<?> attribute = Attribute.of(name, type);
    double missing = chance(r, 0.1) ? 0 : chance(r, 0.05) ? 1 : r.nextDouble() * 0.5;
    List<Object> pool = new ArrayList<>();
    int size = pick(r, new Integer[] {1, 2, 3, 5, 8, 20, 70, 300});
    switch (type) {
      case INTEGER:
        for (int i = 0; i < size; i++) {
          pool.add(
              chance(r, 0.2)
                  ? INTEGER_SPECIALS[r.nextInt(INTEGER_SPECIALS.length)]
                  : (long) (r.nextInt(2 * size + 1) - (chance(r, 0.2) ? size : 0)));
        }
        break;
      case NUMBER:
        for (int i = 0; i < size; i++) {
          pool.add(
              chance(r, 0.25)
                  ? NUMBER_SPECIALS[r.nextInt(NUMBER_SPECIALS.length)]
                  : chance(r, 0.5)
                      ? (double) r.nextInt(4 * size) * 0.25
                      : Math.round(r.nextGaussian() * 1000 * 100) / 100.0);
        }
        break;
      case STRING:
        {
          boolean generated = size > TRICKY_STRINGS.length / 2 || chance(r, 0.3);
          for (int i = 0; i < size; i++) {
            pool.add(
                generated && !chance(r, 0.1)
                    ? pick(r, new String[] {"item-", "Item-", "ITEM-", "ø-", "user"})
                        + i
                        + pick(r, new String[] {"", "@acme.com", "@ACME.com", "\uD83D\uDE00"})
                    : pick(r, TRICKY_STRINGS));
          }
          break;
        }
      case BOOLEAN:
        pool.add(true);
        pool.add(false);
        break;
      case DATE:
        {
          LocalDate today = LocalDate.ofInstant(asOf, zone);
          for (int i = 0; i < Math.max(size, 4); i++) {
            pool.add(date(r, today));
          }
          break;
        }
      case TIMESTAMP:
        for (int i = 0; i < Math.max(size, 4); i++) {
          pool.add(instant(r));
        }
        break;
      case STRING_SET:
        {
          int tags = pick(r, new Integer[] {2, 6, 65, 80, 200});
          for (int i = 0; i < tags; i++) {
            pool.add(
                chance(r, 0.15)
                    ? pick(r, TRICKY_STRINGS)
                    : pick(r, new String[] {"t", "T", "tag", "vip", "VIP", "b2b"}) + i);
          }
          break;
        }
      case GEO_POINT:
        {
          GeoPoint center =
              chance(r, 0.2)
                  ? pick(
                      r,
                      new GeoPoint[] {
                        new GeoPoint(90, 0),
                        new GeoPoint(-90, 180),
                        new GeoPoint(0, 180),
                        new GeoPoint(0, -180),
                        new GeoPoint(-0.0, -0.0),
                      })
                  : new GeoPoint(r.nextDouble() * 160 - 80, r.nextDouble() * 360 - 180);
          pool.add(center);
          for (int i = 0; i < size; i++) {
            pool.add(near(r, center, pick(r, new Double[] {0.001, 0.1, 1.0, 10.0})));
          }
          break;
        }
    }
    List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(pool));
    return new Domain(attribute, ImmutableList.copyOf(distinct), missing, r.nextDouble() * 0.4);
  }

  /** A point up to {@code degrees} away from the centre, clamped onto the globe. */
  private static GeoPoint near(Random r, GeoPoint center, double degrees) {
    double lat = center.latitude() + (r.nextDouble() * 2 - 1) * degrees;
    double lon = center.longitude() + (r.nextDouble() * 2 - 1) * degrees;
    return new GeoPoint(Math.max(-90, Math.min(90, lat)), Math.max(-180, Math.min(180, lon)));
  }

  private LocalDate date(Random r, LocalDate today) {
    switch (r.nextInt(6)) {
      case 0:
        return pick(r, FAR_DATES);
      case 1:
        {
          // The first and last days of the calendar periods around asOf.
          LocalDate[] edges = {
            today,
            today.minusDays(1),
            today.plusDays(1),
            today.withDayOfMonth(1),
            today.withDayOfMonth(1).minusDays(1),
            today.withDayOfMonth(1).minusMonths(1),
            today.with(IsoFields.DAY_OF_QUARTER, 1),
            today.with(IsoFields.DAY_OF_QUARTER, 1).minusDays(1),
            today.withDayOfYear(1),
            today.withDayOfYear(1).minusDays(1),
            today.minusYears(1 + r.nextInt(40)),
            today.minusDays(90),
            today.minusMonths(1),
            today.minusWeeks(1),
          };
          return pick(r, edges);
        }
      default:
        return today.minusDays(r.nextInt(900) - 60);
    }
  }

  /** Instants at the boundaries of windows and calendar periods around asOf, in the zone. */
  private static Instant[] instantEdges(Instant asOf, ZoneId zone) {
    ZonedDateTime local = asOf.atZone(zone);
    Instant today = local.truncatedTo(ChronoUnit.DAYS).toInstant();
    return new Instant[] {
      asOf,
      asOf.minusNanos(1),
      asOf.plusNanos(1),
      asOf.minus(1, ChronoUnit.DAYS),
      asOf.minus(90, ChronoUnit.DAYS),
      asOf.minus(7, ChronoUnit.DAYS).plusNanos(1),
      today,
      today.minusNanos(1),
      local.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant(),
      local.minusMonths(1).toInstant(),
      local.minusYears(1).toInstant(),
      local.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).toInstant(),
    };
  }

  private Instant instant(Random r) {
    switch (r.nextInt(8)) {
      case 0:
        return chance(r, 0.3) ? pick(r, FAR_INSTANTS) : FAR_INSTANTS[r.nextInt(6)];
      case 1:
        return pick(r, instantEdges);
      default:
        {
          long seconds = (long) (r.nextDouble() * 900 * 86_400) - 30L * 86_400;
          long nanos = chance(r, 0.5) ? 0 : r.nextInt(1_000_000_000);
          return asOf.minusSeconds(seconds).plusNanos(nanos);
        }
    }
  }

  // ------------------------------------------------------------------ customers

  /** {@code n} customers with ids c0..c(n-1). */
  public List<SchemaCustomer> customers(int n) {
    List<SchemaCustomer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(customer("c" + i));
    }
    return out;
  }

  /** A customer: values from each attribute's pool, some missing; events of every type. */
  public SchemaCustomer customer(String id) {
    SchemaCustomer.Builder b = Customer.builder(schema, id);
    for (Domain d : attributes.values()) {
      if (!chance(data, d.missing)) {
        b.set(d.attribute.name(), value(d, data));
      }
    }
    for (EventDomain e : events.values()) {
      // Mostly a few events, sometimes dozens, rarely hundreds.
      double draw = data.nextDouble();
      int count =
          draw < 0.3
              ? 0
              : draw < 0.92
                  ? 1 + data.nextInt(5)
                  : draw < 0.995 ? 6 + data.nextInt(25) : 50 + data.nextInt(200);
      for (int i = 0; i < count; i++) {
        ImmutableMap.Builder<String, Object> properties = ImmutableMap.builder();
        for (Domain p : e.properties.values()) {
          if (!chance(data, p.missing * 0.5)) {
            properties.put(p.attribute.name(), value(p, data));
          }
        }
        // Pool values are canonical already; the builder still checks them against the type.
        b.event(new Event(e.type.name(), instant(data), properties.buildOrThrow()));
      }
    }
    return b.build();
  }

  private static Object value(Domain d, Random r) {
    if (d.attribute.type() == AttributeType.STRING_SET) {
      if (chance(r, d.emptySets)) {
        return ImmutableSet.of();
      }
      int n =
          chance(r, 0.05) ? Math.min(d.pool.size(), 70) : 1 + r.nextInt(Math.min(6, d.pool.size()));
      Set<String> tags = new LinkedHashSet<>();
      for (int i = 0; i < n; i++) {
        tags.add((String) d.pool.get(r.nextInt(d.pool.size())));
      }
      return ImmutableSet.copyOf(tags);
    }
    // Skewed towards the first values, so that some values are common and others rare.
    int i = chance(r, 0.5) ? r.nextInt(Math.min(3, d.pool.size())) : r.nextInt(d.pool.size());
    return d.pool.get(i);
  }

  // ------------------------------------------------------------------ catalogs

  /**
   * A valid catalog of {@code segments} segments, 0 to 2 score models, 0 to 2 tierings and,
   * sometimes, an RFM model. Each segment, score and tiering may refer to those made before it, in
   * a random order, so references go every way (a score reading a segment, a tiering reading a
   * score, a segment reading a tier) without cycles.
   *
   * @throws IllegalStateException when the generated catalog does not pass the {@link Checker} (a
   *     bug of this generator)
   */
  public Catalog catalog(int segments) {
    Refs refs = new Refs();
    EventDomain rfmEvents = null;
    for (EventDomain e : events.values()) {
      if (e.numericProperty() != null && chance(rules, 0.5)) {
        rfmEvents = e;
      }
    }
    List<RfmModel> rfm = new ArrayList<>();
    if (rfmEvents != null) {
      RfmModel m =
          new RfmModel(
              "rfm-" + rfmEvents.type.name(),
              "",
              rfmEvents.type.name(),
              rfmEvents.numericProperty(),
              window(),
              ImmutableList.of(7.0, 30.0, 90.0, 365.0),
              ImmutableList.of(1.0, 2.0, 3.0, 5.0),
              ImmutableList.of(0.0, 10.0, 100.0, 1000.0));
      rfm.add(m);
      refs.tiers.put(
          m.name(),
          ImmutableList.copyOf(
              Arrays.stream(RfmSegment.values()).map(RfmSegment::externalName).toList()));
    }
    List<Character> order = new ArrayList<>();
    for (int i = 0; i < segments; i++) {
      order.add('s');
    }
    int scoreCount = rules.nextInt(3);
    int tieringCount = rules.nextInt(3);
    for (int i = 0; i < scoreCount; i++) {
      order.add('c');
    }
    for (int i = 0; i < tieringCount; i++) {
      order.add('t');
    }
    Collections.shuffle(order, rules);
    List<Segment> segmentList = new ArrayList<>();
    List<ScoreModel> scores = new ArrayList<>();
    List<Tiering> tierings = new ArrayList<>();
    for (char kind : order) {
      switch (kind) {
        case 's':
          {
            String name = "s" + segmentList.size() + (chance(rules, 0.2) ? "-x.y_z" : "");
            segmentList.add(Segment.of(name, rootCondition(1 + rules.nextInt(8), refs)));
            refs.segments.add(name);
            break;
          }
        case 'c':
          {
            ScoreModel s = score("score" + scores.size(), refs);
            scores.add(s);
            refs.scores.put(s.name(), s);
            break;
          }
        default:
          {
            Tiering t = tiering("tiering" + tierings.size(), refs);
            tierings.add(t);
            refs.tiers.put(t.name(), t.tierNames());
          }
      }
    }
    Catalog catalog =
        new Catalog(
            ImmutableList.copyOf(segmentList),
            ImmutableList.copyOf(scores),
            ImmutableList.copyOf(tierings),
            ImmutableList.copyOf(rfm));
    CheckResult check = Checker.standard().check(catalog, schema);
    if (!check.errors().isEmpty()) {
      throw new IllegalStateException(
          "seed " + seed + ": the generator made an invalid catalog: " + check.errors());
    }
    return catalog;
  }

  /** What conditions made so far may refer to. */
  private static final class Refs {
    final List<String> segments = new ArrayList<>();
    final Map<String, ScoreModel> scores = new LinkedHashMap<>();
    final Map<String, List<String>> tiers = new LinkedHashMap<>();
  }

  private ScoreModel score(String name, Refs refs) {
    int n = 1 + rules.nextInt(4);
    List<ScoreRule> list = new ArrayList<>();
    Map<String, Double> caps = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      // Fractional points make the order of summation visible.
      double points = pick(rules, new Double[] {10.0, 15.0, -5.0, 0.1, 0.2, 2.5, 1e9, -0.3});
      String group = chance(rules, 0.5) ? null : pick(rules, new String[] {"g1", "g2"});
      list.add(new ScoreRule(rootCondition(1 + rules.nextInt(4), refs), points, group));
      if (group != null && chance(rules, 0.5)) {
        caps.put(group, pick(rules, new Double[] {0.0, 12.0, 20.0, 0.3}));
      }
    }
    Double totalCap = chance(rules, 0.3) ? pick(rules, new Double[] {15.0, 25.0, 0.25}) : null;
    return new ScoreModel(
        name, "", ImmutableList.copyOf(list), ImmutableMap.copyOf(caps), totalCap);
  }

  private Tiering tiering(String name, Refs refs) {
    int n = 1 + rules.nextInt(3);
    List<Tier> tiers = new ArrayList<>();
    String[] names = {"gold", "silver", "Platinum", "tier.3", "b-2"};
    for (int i = 0; i < n; i++) {
      tiers.add(new Tier(names[i], rootCondition(1 + rules.nextInt(5), refs)));
    }
    return new Tiering(name, "", ImmutableList.copyOf(tiers), "other_wise");
  }

  private Condition rootCondition(int depth, Refs refs) {
    budget = 10 + rules.nextInt(50);
    return condition(depth, customerScope(refs));
  }

  /** Where a condition's attributes come from, and what it may refer to. */
  private record Scope(Map<String, Domain> attributes, Refs refs, boolean eventFilter) {}

  private Scope customerScope(Refs refs) {
    return new Scope(attributes, refs, false);
  }

  /** A random condition of at most {@code depth} levels (and at most {@link #budget} nodes). */
  private Condition condition(int depth, Scope scope) {
    budget--;
    if (depth <= 1 || budget <= 0 || chance(rules, 0.3)) {
      return leaf(scope);
    }
    int kind = rules.nextInt(10);
    if (kind < 4) {
      return new And(operands(depth, scope));
    }
    if (kind < 8) {
      return new Or(operands(depth, scope));
    }
    // Chains of NOT: NOT NOT x must equal x, NOT UNKNOWN must stay UNKNOWN.
    int nots = chance(rules, 0.5) ? 1 : 2 + rules.nextInt(4);
    Condition c = condition(depth - 1, scope);
    for (int i = 0; i < nots; i++) {
      c = new Not(c);
    }
    return c;
  }

  private ImmutableList<Condition> operands(int depth, Scope scope) {
    int n = chance(rules, 0.03) ? 0 : 1 + rules.nextInt(chance(rules, 0.1) ? 6 : 3);
    ImmutableList.Builder<Condition> b = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      b.add(condition(depth - 1, scope));
    }
    return b.build();
  }

  private Condition leaf(Scope scope) {
    List<Kind> kinds = new ArrayList<>();
    for (Kind k : Kind.values()) {
      if (applies(k, scope)) {
        kinds.add(k);
        if (k == Kind.EVENT) {
          kinds.add(k); // events are the richest leaves: draw them twice as often
        }
      }
    }
    Kind kind = kinds.get(rules.nextInt(kinds.size()));
    switch (kind) {
      case COMPARE:
        {
          Domain d = attribute(scope, RandomSchemas::comparable);
          AttributeType t = d.attribute.type();
          Operator op =
              t == AttributeType.BOOLEAN
                  ? (chance(rules, 0.5) ? Operator.EQ : Operator.NE)
                  : pick(rules, Operator.values());
          return new Compare(d.attribute.name(), op, literal(d));
        }
      case BETWEEN:
        {
          Domain d = attribute(scope, t -> t.isOrdered());
          return new Between(d.attribute.name(), literal(d), literal(d));
        }
      case IN:
        {
          Domain d = attribute(scope, RandomSchemas::comparable);
          int n = chance(rules, 0.1) ? 100 + rules.nextInt(300) : 1 + rules.nextInt(4);
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            values.add(literal(d));
          }
          return In.of(d.attribute.name(), values);
        }
      case STRING_MATCH:
        {
          Domain d = attribute(scope, t -> t == AttributeType.STRING);
          StringMatch.Op op = pick(rules, StringMatch.Op.values());
          String value = op == StringMatch.Op.MATCHES ? pattern(d) : fragment(d, op);
          return new StringMatch(d.attribute.name(), op, value, rules.nextBoolean());
        }
      case TAG_MATCH:
        {
          Domain d = attribute(scope, t -> t == AttributeType.STRING_SET);
          int n = chance(rules, 0.05) ? 0 : 1 + rules.nextInt(chance(rules, 0.1) ? 70 : 3);
          Set<String> values = new LinkedHashSet<>();
          for (int i = 0; i < n; i++) {
            values.add(
                chance(rules, 0.1)
                    ? pick(rules, TRICKY_STRINGS)
                    : (String) d.pool.get(rules.nextInt(d.pool.size())));
          }
          return new TagMatch(
              d.attribute.name(), pick(rules, TagMatch.Op.values()), ImmutableSet.copyOf(values));
        }
      case TAG_COUNT:
        {
          Domain d = attribute(scope, t -> t == AttributeType.STRING_SET);
          return new TagCount(
              d.attribute.name(),
              pick(rules, Operator.values()),
              chance(rules, 0.1) ? 70 : rules.nextInt(5));
        }
      case PRESENCE:
        return new Presence(attribute(scope, t -> true).attribute.name(), rules.nextBoolean());
      case RELATIVE_TIME:
        {
          Domain d = attribute(scope, AttributeType::isTemporal);
          WindowUnit unit =
              d.attribute.type() == AttributeType.DATE
                  ? pick(rules, DAY_UNITS)
                  : pick(rules, WindowUnit.values());
          long amount =
              chance(rules, 0.05)
                  ? RelativeTime.MAX_AMOUNT
                  : chance(rules, 0.1) ? 0 : rules.nextInt(chance(rules, 0.5) ? 15 : 400);
          return new RelativeTime(
              d.attribute.name(), pick(rules, RelativeTime.Op.values()), amount, unit);
        }
      case CALENDAR_WINDOW:
        return new CalendarWindow(
            attribute(scope, AttributeType::isTemporal).attribute.name(),
            pick(rules, CalendarPeriod.values()));
      case ANNIVERSARY:
        return new Anniversary(
            attribute(scope, AttributeType::isTemporal).attribute.name(),
            pick(rules, Anniversary.Period.values()));
      case GEO_WITHIN:
        {
          Domain d = attribute(scope, t -> t == AttributeType.GEO_POINT);
          GeoPoint center = (GeoPoint) d.pool.get(rules.nextInt(d.pool.size()));
          GeoPoint other = (GeoPoint) d.pool.get(rules.nextInt(d.pool.size()));
          double km =
              chance(rules, 0.3)
                  ? center.distanceKm(other) // exactly on the boundary (inclusive)
                  : pick(rules, new Double[] {0.0, 0.001, 1.0, 10.0, 100.0, 1000.0, 20_015.1});
          return new GeoWithin(d.attribute.name(), center, km);
        }
      case IN_SEGMENT:
        return new InSegment(pick(rules, scope.refs.segments.toArray(new String[0])));
      case SCORE:
        {
          ScoreModel s = pick(rules, scope.refs.scores.values().toArray(new ScoreModel[0]));
          return new ScoreCondition(s.name(), pick(rules, Operator.values()), scoreLiteral(s));
        }
      case IN_TIER:
        {
          String tiering = pick(rules, scope.refs.tiers.keySet().toArray(new String[0]));
          List<String> tiers = scope.refs.tiers.get(tiering);
          return new InTier(tiering, tiers.get(rules.nextInt(tiers.size())));
        }
      case EVENT:
        return event(scope);
      case ALWAYS:
        return new Always();
      case NEVER:
        return new Never();
      default:
        throw new AssertionError(kind); // AND, OR, NOT are not leaves
    }
  }

  private boolean applies(Kind kind, Scope scope) {
    switch (kind) {
      case COMPARE:
      case IN:
        return has(scope, RandomSchemas::comparable);
      case BETWEEN:
        return has(scope, AttributeType::isOrdered);
      case STRING_MATCH:
        return has(scope, t -> t == AttributeType.STRING);
      case TAG_MATCH:
      case TAG_COUNT:
        return has(scope, t -> t == AttributeType.STRING_SET);
      case PRESENCE:
        return !scope.attributes.isEmpty();
      case RELATIVE_TIME:
      case CALENDAR_WINDOW:
      case ANNIVERSARY:
        return has(scope, AttributeType::isTemporal);
      case GEO_WITHIN:
        return has(scope, t -> t == AttributeType.GEO_POINT);
      case IN_SEGMENT:
        return !scope.eventFilter && !scope.refs.segments.isEmpty();
      case SCORE:
        return !scope.eventFilter && !scope.refs.scores.isEmpty();
      case IN_TIER:
        return !scope.eventFilter && !scope.refs.tiers.isEmpty();
      case EVENT:
        return !scope.eventFilter && !events.isEmpty();
      case ALWAYS:
      case NEVER:
        return chance(rules, 0.1) || scope.attributes.isEmpty();
      default:
        return false; // AND, OR, NOT
    }
  }

  private static boolean comparable(AttributeType t) {
    return t != AttributeType.STRING_SET && t != AttributeType.GEO_POINT;
  }

  private static boolean has(Scope scope, Function<AttributeType, Boolean> type) {
    for (Domain d : scope.attributes.values()) {
      if (type.apply(d.attribute.type())) {
        return true;
      }
    }
    return false;
  }

  private Domain attribute(Scope scope, Function<AttributeType, Boolean> type) {
    List<Domain> fit = new ArrayList<>();
    for (Domain d : scope.attributes.values()) {
      if (type.apply(d.attribute.type())) {
        fit.add(d);
      }
    }
    return fit.get(rules.nextInt(fit.size()));
  }

  // ------------------------------------------------------------------ literals

  /** A literal of the attribute's type: a pool value, a neighbour of one, or a boundary value. */
  private Object literal(Domain d) {
    Object v = d.pool.get(rules.nextInt(d.pool.size()));
    switch (d.attribute.type()) {
      case INTEGER:
      case NUMBER:
        return numberNear(v instanceof Long l ? (double) l : (Double) v, v);
      case STRING:
        {
          String s = (String) v;
          switch (rules.nextInt(6)) {
            case 0:
              return s.toUpperCase(Locale.ROOT);
            case 1:
              return s.toLowerCase(Locale.ROOT);
            case 2:
              return pick(rules, TRICKY_STRINGS);
            case 3:
              return s + (chance(rules, 0.5) ? "\0" : "a");
            default:
              return s;
          }
        }
      case BOOLEAN:
        return rules.nextBoolean();
      case DATE:
        {
          LocalDate date = (LocalDate) v;
          int shift = rules.nextInt(5) - 2;
          return shift == 0 || date.equals(LocalDate.MIN) || date.equals(LocalDate.MAX)
              ? date
              : date.plusDays(shift);
        }
      case TIMESTAMP:
        {
          Instant t = (Instant) v;
          if (t.equals(Instant.MIN) || t.equals(Instant.MAX) || chance(rules, 0.5)) {
            return t;
          }
          return t.plusNanos(rules.nextInt(3) - 1).plusSeconds(chance(rules, 0.3) ? 3600 : 0);
        }
      default:
        throw new AssertionError(d.attribute.type());
    }
  }

  /** A Long or Double equal to, just beside, or far from {@code v}, which came from a pool. */
  private Number numberNear(double asDouble, Object v) {
    switch (rules.nextInt(8)) {
      case 0:
        return INTEGER_SPECIALS[rules.nextInt(INTEGER_SPECIALS.length)];
      case 1:
        return NUMBER_SPECIALS[rules.nextInt(NUMBER_SPECIALS.length)] + 0.0;
      case 2:
        if (v instanceof Long l) {
          long step = rules.nextBoolean() ? 1 : -1;
          long next = l + step;
          return (step > 0 ? next > l : next < l) ? next : l; // no overflow
        }
        return asDouble == Double.MAX_VALUE ? asDouble : Math.nextUp(asDouble);
      case 3:
        return Math.abs(asDouble) < 1e15 ? asDouble + 0.5 : asDouble + 0.0;
      case 4:
        // The same value in the other representation: 3 and 3.0, or a rounded long.
        if (v instanceof Long l) {
          return (double) l;
        }
        return asDouble == Math.rint(asDouble) && Math.abs(asDouble) < 0x1p63
            ? (Number) (long) asDouble
            : (Number) (asDouble + 0.0);
      default:
        return v instanceof Long l ? (Number) l : (Number) (asDouble + 0.0);
    }
  }

  /** A prefix, suffix or substring of a pool value (by code points), perhaps in another case. */
  private String fragment(Domain d, StringMatch.Op op) {
    if (chance(rules, 0.15)) {
      return pick(
          rules, new String[] {"ss", "SS", "ß", "σ", "k", "i", "I", "", "@acme", "COM", "ø", "é"});
    }
    String s = (String) d.pool.get(rules.nextInt(d.pool.size()));
    int[] cps = s.codePoints().toArray();
    int from = 0;
    int to = cps.length;
    if (cps.length > 0) {
      int len = rules.nextInt(cps.length + 1);
      switch (op) {
        case STARTS_WITH:
          to = len;
          break;
        case ENDS_WITH:
          from = cps.length - len;
          break;
        default:
          from = rules.nextInt(cps.length - len + 1);
          to = from + len;
      }
    }
    String f = new String(cps, from, to - from);
    switch (rules.nextInt(4)) {
      case 0:
        return f.toUpperCase(Locale.ROOT);
      case 1:
        return f.toLowerCase(Locale.ROOT);
      default:
        return f;
    }
  }

  private String pattern(Domain d) {
    if (chance(rules, 0.7)) {
      return pick(rules, PATTERNS);
    }
    // A pool value as a literal pattern, anchored or not.
    String s = (String) d.pool.get(rules.nextInt(d.pool.size()));
    StringBuilder quoted = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              if ("\\.[]{}()*+?^$|".indexOf(cp) >= 0) {
                quoted.append('\\');
              }
              quoted.appendCodePoint(cp);
            });
    return chance(rules, 0.5) ? "^" + quoted + "$" : quoted.toString();
  }

  private Number scoreLiteral(ScoreModel s) {
    // Sums of some of the rules' points, so that equality and the caps matter.
    double sum = 0;
    for (ScoreRule r : s.rules()) {
      if (rules.nextBoolean()) {
        sum += r.points();
      }
    }
    switch (rules.nextInt(4)) {
      case 0:
        return 0L;
      case 1:
        return sum == Math.rint(sum) && Math.abs(sum) < 1e15 ? (Number) (long) sum : sum;
      case 2:
        return sum + 0.5;
      default:
        return pick(rules, new Double[] {0.3, 0.30000000000000004, 10.0, 20.0, 25.0, -5.0});
    }
  }

  // ------------------------------------------------------------------ events

  private Condition event(Scope scope) {
    EventDomain e = pick(rules, events.values().toArray(new EventDomain[0]));
    Condition where = new Always();
    if (!e.properties.isEmpty() && chance(rules, 0.6)) {
      int saved = budget;
      budget = 2 + rules.nextInt(8);
      where = condition(1 + rules.nextInt(3), new Scope(e.properties, scope.refs, true));
      budget = saved;
    }
    List<Aggregate> aggregates = new ArrayList<>();
    for (Aggregate a : Aggregate.values()) {
      if (!a.needsProperty()
          || (a == Aggregate.DISTINCT_COUNT
              ? !e.properties.isEmpty()
              : e.numericProperty() != null)) {
        aggregates.add(a);
      }
    }
    Aggregate aggregate = aggregates.get(rules.nextInt(aggregates.size()));
    String property = null;
    Domain propertyDomain = null;
    if (aggregate.needsProperty()) {
      List<Domain> fit = new ArrayList<>();
      for (Domain d : e.properties.values()) {
        if (aggregate == Aggregate.DISTINCT_COUNT || d.attribute.type().isNumeric()) {
          fit.add(d);
        }
      }
      propertyDomain = fit.get(rules.nextInt(fit.size()));
      property = propertyDomain.attribute.name();
    }
    Number value;
    switch (aggregate) {
      case COUNT:
      case DISTINCT_COUNT:
        value = (long) rules.nextInt(chance(rules, 0.1) ? 150 : 5);
        break;
      case DAYS_SINCE_FIRST:
      case DAYS_SINCE_LAST:
        value = chance(rules, 0.8) ? (Number) (long) rules.nextInt(400) : (Number) 30.5;
        break;
      case SUM:
        {
          // A sum of a few values, or a single one.
          Number one = (Number) literal(propertyDomain);
          double three = one.doubleValue() * 3;
          value = chance(rules, 0.5) || !Double.isFinite(three) ? one : (Number) (three + 0.0);
          break;
        }
      default:
        value = (Number) literal(propertyDomain);
    }
    return new EventCondition(
        e.type.name(), where, window(), aggregate, property, pick(rules, Operator.values()), value);
  }

  private EventWindow window() {
    switch (rules.nextInt(4)) {
      case 0:
        return EventWindow.ever();
      case 1:
        return EventWindow.last(
            chance(rules, 0.1) ? 0 : rules.nextInt(chance(rules, 0.5) ? 15 : 400),
            pick(rules, WindowUnit.values()));
      case 2:
        {
          Instant a = instant(rules);
          Instant b = instant(rules);
          if (a.equals(b)) {
            b = a.equals(Instant.MAX) ? a.minusNanos(1) : a.plusNanos(1);
          }
          return a.isBefore(b) ? EventWindow.between(a, b) : EventWindow.between(b, a);
        }
      default:
        return EventWindow.in(pick(rules, CalendarPeriod.values()));
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The values of one attribute or event property, and how often it is missing. */
  private record Domain(
      Attribute<?> attribute, ImmutableList<Object> pool, double missing, double emptySets) {}

  private record EventDomain(EventType type, Map<String, Domain> properties) {
    /** The first numeric property, or null. */
    String numericProperty() {
      for (Domain d : properties.values()) {
        if (d.attribute.type().isNumeric()) {
          return d.attribute.name();
        }
      }
      return null;
    }
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static boolean chance(Random r, double p) {
    return r.nextDouble() < p;
  }
}
