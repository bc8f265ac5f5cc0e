package dev.segmentation.testkit;

import com.google.re2j.Pattern;
import dev.segmentation.condition.Aggregate;
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
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.Values;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An independent, slow and obvious evaluator of a catalog, written directly from the semantics
 * table of the README (and {@code docs/behavioral.md} for events, scores, tiers and RFM): the
 * oracle the row and columnar engines are tested against. It shares no code with the engines: it
 * reads the condition, segment and model records and the customers' values (converted by the
 * model's one conversion rule, {@link Values#canonical}), and computes every result the plain way:
 * numbers are compared as {@link BigDecimal}s, sums are {@code BigDecimal} sums rounded once,
 * strings compare by their arrays of code points, case is folded with {@code
 * toLowerCase(Locale.ROOT)}, calendar periods are computed from {@code asOf}'s date in the zone,
 * and references ({@code inSegment}, {@code score}, {@code inTier}) are evaluated by recursion.
 *
 * <pre>{@code
 * ReferenceInterpreter reference = ReferenceInterpreter.of(catalog, schema);
 * Truth t = reference.segment("nordic-adults", customer, ctx);    // TRUE, FALSE or UNKNOWN
 * double points = reference.score("engagement", customer, ctx);
 * String tier = reference.tier("value", customer, ctx);           // null: an RFM model without events
 * }</pre>
 *
 * <p>The catalog is expected to pass the {@code Checker} against the schema; on one that does not,
 * evaluation may throw {@link IllegalArgumentException}. Bad customer data throws the model's
 * {@code InvalidDataException}, as the engines do. Instances are immutable and thread-safe; every
 * call evaluates afresh (within one call, each referenced segment, score and tier is computed
 * once).
 *
 * <p>Two definitions come from the model rather than being written again: the conversion of a
 * customer's values ({@link Values#canonical}, the README's "one conversion rule") and the
 * great-circle distance ({@link GeoPoint#distanceKm}, which defines "within 20 km").
 *
 * <p>Where the README leaves an order open, the interpreter follows the model's documentation: a
 * score adds the points of its TRUE ungrouped rules in rule order, then each group's capped sum in
 * the order the groups first appear, as doubles; regular expressions with {@code ignoreCase} use
 * RE2's case-insensitive flag (folding a pattern with {@code toLowerCase} would change its meaning,
 * {@code \p{Lu}} for one).
 */
public final class ReferenceInterpreter {
  private static final long SECONDS_PER_DAY = 86_400L;

  private final Catalog catalog;
  private final Schema schema;

  /** Compiled patterns by flag and text; compiling is the one thing worth remembering. */
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  private ReferenceInterpreter(Catalog catalog, Schema schema) {
    this.catalog = catalog;
    this.schema = schema;
  }

  /**
   * An interpreter of {@code catalog} over customers of {@code schema}.
   *
   * @throws IllegalArgumentException when either is null
   */
  public static ReferenceInterpreter of(Catalog catalog, Schema schema) {
    if (catalog == null || schema == null) {
      throw new IllegalArgumentException("catalog and schema must not be null");
    }
    return new ReferenceInterpreter(catalog, schema);
  }

  /**
   * The result of segment {@code name}'s condition for {@code customer}: a customer is a member
   * exactly when it is TRUE.
   *
   * @throws IllegalArgumentException when the catalog has no such segment
   */
  public Truth segment(String name, Customer customer, EvaluationContext ctx) {
    return evaluate(customer, ctx).segment(name);
  }

  /**
   * One evaluation of {@code customer} at {@code ctx}, for asking about several items: each
   * segment, score and tier it computes, directly or through a reference, is computed once.
   *
   * <pre>{@code
   * ReferenceInterpreter.Evaluation e = reference.evaluate(customer, ctx);
   * Truth adults = e.segment("adults");
   * double points = e.score("engagement");
   * }</pre>
   */
  public Evaluation evaluate(Customer customer, EvaluationContext ctx) {
    return new Evaluation(customer, ctx);
  }

  /**
   * The result of {@code condition} (which may refer to the catalog's items) for {@code customer}.
   */
  public Truth condition(Condition condition, Customer customer, EvaluationContext ctx) {
    Evaluation run = new Evaluation(customer, ctx);
    return run.eval(condition, run.customerScope());
  }

  /**
   * The value of score model {@code name} for {@code customer}.
   *
   * @throws IllegalArgumentException when the catalog has no such score model
   */
  public double score(String name, Customer customer, EvaluationContext ctx) {
    return evaluate(customer, ctx).score(name);
  }

  /**
   * The customer's tier in tiering or RFM model {@code name}: a tier's name, the tiering's {@code
   * otherwise}, or an RFM segment's external name; null for an RFM model when the customer has no
   * event in its window.
   *
   * @throws IllegalArgumentException when the catalog has no such tiering or RFM model
   */
  public String tier(String name, Customer customer, EvaluationContext ctx) {
    return evaluate(customer, ctx).tier(name);
  }

  /** Where leaves read their values: the customer's attributes, or an event's properties. */
  private record Scope(
      Function<String, Object> raw, Function<String, Attribute<?>> declared, String eventType) {}

  /**
   * One evaluation of one customer at one instant, remembering the catalog items it computed. Not
   * thread-safe; cheap to make.
   */
  public final class Evaluation {
    private final Customer customer;
    private final EvaluationContext ctx;
    private final Instant asOf;
    private final LocalDate today;
    private final Map<String, Truth> segments = new HashMap<>();
    private final Map<String, Double> scores = new HashMap<>();
    private final Map<String, String> tiers = new HashMap<>();
    private final Instant[][] periodInstants = new Instant[CalendarPeriod.values().length][];
    private final Scope customerScope;

    private Evaluation(Customer customer, EvaluationContext ctx) {
      if (customer == null || ctx == null) {
        throw new IllegalArgumentException("customer and context must not be null");
      }
      this.customer = customer;
      this.ctx = ctx;
      this.asOf = ctx.asOf();
      this.today = LocalDate.ofInstant(asOf, ctx.zone());
      this.customerScope = new Scope(customer::value, schema::attribute, null);
    }

    Scope customerScope() {
      return customerScope;
    }

    Scope eventScope(Event event, EventType type) {
      return new Scope(event.properties()::get, type::property, type.name());
    }

    // ---------------------------------------------------------------- catalog items

    /**
     * Segment {@code name}'s result.
     *
     * @throws IllegalArgumentException when the catalog has no such segment
     */
    public Truth segment(String name) {
      Truth known = segments.get(name);
      if (known != null) {
        return known;
      }
      Segment s = catalog.segment(name);
      if (s == null) {
        throw new IllegalArgumentException("the catalog has no segment \"" + name + "\"");
      }
      Truth t = eval(s.condition(), customerScope());
      segments.put(name, t);
      return t;
    }

    /**
     * Score model {@code name}'s value.
     *
     * @throws IllegalArgumentException when the catalog has no such score model
     */
    public double score(String name) {
      Double known = scores.get(name);
      if (known != null) {
        return known;
      }
      ScoreModel model = null;
      for (ScoreModel m : catalog.scores()) {
        if (m.name().equals(name)) {
          model = m;
        }
      }
      if (model == null) {
        throw new IllegalArgumentException("the catalog has no score \"" + name + "\"");
      }
      double total = 0;
      Map<String, Double> groups = new LinkedHashMap<>();
      for (ScoreRule rule : model.rules()) {
        if (rule.group() != null) {
          groups.putIfAbsent(rule.group(), 0.0);
        }
        if (eval(rule.condition(), customerScope()) != Truth.TRUE) {
          continue; // FALSE and UNKNOWN give no points
        }
        if (rule.group() == null) {
          total += rule.points();
        } else {
          groups.put(rule.group(), groups.get(rule.group()) + rule.points());
        }
      }
      for (Map.Entry<String, Double> g : groups.entrySet()) {
        Double cap = model.groupCaps().get(g.getKey());
        total += cap == null ? g.getValue() : Math.min(g.getValue(), cap);
      }
      if (model.totalCap() != null) {
        total = Math.min(total, model.totalCap());
      }
      scores.put(name, total);
      return total;
    }

    /**
     * The tier in tiering or RFM model {@code name}, as {@link ReferenceInterpreter#tier}.
     *
     * @throws IllegalArgumentException when the catalog has no such tiering or RFM model
     */
    public String tier(String name) {
      if (tiers.containsKey(name)) {
        return tiers.get(name);
      }
      String tier = null;
      boolean found = false;
      for (Tiering t : catalog.tierings()) {
        if (t.name().equals(name)) {
          tier = tieringTier(t);
          found = true;
        }
      }
      for (RfmModel m : catalog.rfmModels()) {
        if (m.name().equals(name)) {
          tier = rfmSegment(m);
          found = true;
        }
      }
      if (!found) {
        throw new IllegalArgumentException(
            "the catalog has no tiering or RFM model \"" + name + "\"");
      }
      tiers.put(name, tier);
      return tier;
    }

    /** The first tier whose condition is TRUE, else {@code otherwise}. */
    private String tieringTier(Tiering tiering) {
      for (Tier tier : tiering.tiers()) {
        if (eval(tier.condition(), customerScope()) == Truth.TRUE) {
          return tier.name();
        }
      }
      return tiering.otherwise();
    }

    /** docs/behavioral.md, "RFM": scores 1 to 5 from the frozen cuts, then the 11-row grid. */
    private String rfmSegment(RfmModel model) {
      EventType type = schema.eventType(model.eventType());
      long frequency = 0;
      Instant last = null;
      BigDecimal money = BigDecimal.ZERO;
      for (Event e : customer.events(model.eventType())) {
        if (!seen(e.timestamp()) || !inWindow(model.window(), e.timestamp())) {
          continue;
        }
        frequency++;
        if (last == null || e.timestamp().isAfter(last)) {
          last = e.timestamp();
        }
        Object v = read(eventScope(e, type), model.moneyProperty());
        if (v != null) {
          money = money.add(exact((Number) v));
        }
      }
      if (frequency == 0) {
        return null; // no RFM scores and no RFM segment
      }
      long days = wholeDaysSince(last);
      int r = 6 - ascendingScore(exact(days), model.recencyCuts()); // fewer days, higher R
      int f = ascendingScore(exact(frequency), model.frequencyCuts());
      int m = ascendingScore(beyondOrExact(money.doubleValue()), model.monetaryCuts());
      int fm = (f + m + 1) / 2; // the mean of F and M, halves rounded up
      for (Object[] row : RFM_GRID) {
        if (r >= (int) row[1] && r <= (int) row[2] && fm >= (int) row[3] && fm <= (int) row[4]) {
          return (String) row[0];
        }
      }
      throw new IllegalStateException("the RFM grid has no row for R=" + r + " FM=" + fm);
    }

    /** 1 when {@code value <= cut 0}, 2 when {@code <= cut 1}, ..., 5 above cut 3. */
    private int ascendingScore(BigDecimal value, List<Double> cuts) {
      for (int i = 0; i < 4; i++) {
        if (value.compareTo(exact(cuts.get(i))) <= 0) {
          return i + 1;
        }
      }
      return 5;
    }

    // ---------------------------------------------------------------- conditions

    /** One method per condition kind; the switch lists every kind. */
    Truth eval(Condition c, Scope scope) {
      return switch (c.kind()) {
        case ALWAYS -> Truth.TRUE;
        case NEVER -> Truth.FALSE;
        case AND -> junction(c.children(), Truth.FALSE, scope);
        case OR -> junction(c.children(), Truth.TRUE, scope);
        case NOT -> not(((Not) c).of(), scope);
        case COMPARE -> compare((Compare) c, scope);
        case BETWEEN -> between((Between) c, scope);
        case IN -> in((In) c, scope);
        case STRING_MATCH -> stringMatch((StringMatch) c, scope);
        case TAG_MATCH -> tagMatch((TagMatch) c, scope);
        case TAG_COUNT -> tagCount((TagCount) c, scope);
        case PRESENCE -> presence((Presence) c, scope);
        case RELATIVE_TIME -> relativeTime((RelativeTime) c, scope);
        case CALENDAR_WINDOW -> calendarWindow((CalendarWindow) c, scope);
        case ANNIVERSARY -> anniversary((Anniversary) c, scope);
        case GEO_WITHIN -> geoWithin((GeoWithin) c, scope);
        case IN_SEGMENT -> inSegment((InSegment) c, scope);
        case EVENT -> event((EventCondition) c, scope);
        case SCORE -> scoreCondition((ScoreCondition) c, scope);
        case IN_TIER -> inTier((InTier) c, scope);
      };
    }

    /**
     * Kleene's AND ({@code decisive} FALSE) and OR ({@code decisive} TRUE): the decisive value if
     * any operand has it, else UNKNOWN if any operand is UNKNOWN, else the other known value.
     */
    private Truth junction(List<Condition> operands, Truth decisive, Scope scope) {
      boolean unknown = false;
      for (Condition operand : operands) {
        Truth t = eval(operand, scope);
        if (t == decisive) {
          return decisive;
        }
        unknown |= t == Truth.UNKNOWN;
      }
      return unknown ? Truth.UNKNOWN : decisive == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
    }

    /** NOT swaps TRUE and FALSE; NOT UNKNOWN is UNKNOWN. */
    private Truth not(Condition operand, Scope scope) {
      return switch (eval(operand, scope)) {
        case TRUE -> Truth.FALSE;
        case FALSE -> Truth.TRUE;
        case UNKNOWN -> Truth.UNKNOWN;
      };
    }

    private Truth compare(Compare c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      return known(holds(c.op(), order(v, c.value())));
    }

    private Truth between(Between c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      return known(order(c.low(), v) <= 0 && order(v, c.high()) <= 0);
    }

    private Truth in(In c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      for (Object literal : c.values()) {
        if (order(v, literal) == 0) {
          return Truth.TRUE;
        }
      }
      return Truth.FALSE;
    }

    private Truth stringMatch(StringMatch c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      String value = (String) v;
      if (c.op() == StringMatch.Op.MATCHES) {
        Pattern p =
            patterns.computeIfAbsent(
                (c.ignoreCase() ? "i:" : "c:") + c.value(),
                k -> Pattern.compile(c.value(), c.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0));
        return known(p.matcher(value).find());
      }
      String needle = c.value();
      if (c.ignoreCase()) {
        value = value.toLowerCase(Locale.ROOT);
        needle = needle.toLowerCase(Locale.ROOT);
      }
      return known(
          switch (c.op()) {
            case STARTS_WITH -> value.startsWith(needle);
            case ENDS_WITH -> value.endsWith(needle);
            case CONTAINS -> value.contains(needle);
            case MATCHES -> throw new IllegalStateException("handled above");
          });
    }

    private Truth tagMatch(TagMatch c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN; // an empty set is a value
      }
      Set<?> tags = (Set<?>) v;
      int found = 0;
      for (String wanted : c.values()) {
        if (tags.contains(wanted)) {
          found++;
        }
      }
      return known(
          switch (c.op()) {
            case CONTAINS_ANY -> found > 0;
            case CONTAINS_ALL -> found == c.values().size();
            case CONTAINS_NONE -> found == 0;
          });
    }

    private Truth tagCount(TagCount c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      return known(holds(c.op(), Long.compare(((Set<?>) v).size(), c.count())));
    }

    private Truth presence(Presence c, Scope scope) {
      return known((read(scope, c.attribute()) != null) == c.present());
    }

    /** withinLast: {@code asOf - N units < t <= asOf}; moreThanAgo: {@code t <= asOf - N units}. */
    private Truth relativeTime(RelativeTime c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      boolean within = c.op() == RelativeTime.Op.WITHIN_LAST;
      if (v instanceof LocalDate d) {
        LocalDate boundary = today.minus(c.amount(), c.unit().chronoUnit());
        return known(within ? d.isAfter(boundary) && !d.isAfter(today) : !d.isAfter(boundary));
      }
      Instant t = (Instant) v;
      Instant boundary = minus(c.amount(), c.unit());
      return known(within ? t.isAfter(boundary) && !t.isAfter(asOf) : !t.isAfter(boundary));
    }

    private Truth calendarWindow(CalendarWindow c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      return known(
          v instanceof LocalDate d ? inPeriod(c.period(), d) : inPeriod(c.period(), (Instant) v));
    }

    /** Same month (and day, February 29 counting as the 28th in a year without one) as today. */
    private Truth anniversary(Anniversary c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      LocalDate d = v instanceof LocalDate date ? date : sameMonthAndDay((Instant) v);
      if (d.getMonth() != today.getMonth()) {
        return Truth.FALSE;
      }
      if (c.period() == Anniversary.Period.MONTH) {
        return Truth.TRUE;
      }
      int day = d.getDayOfMonth();
      if (d.getMonth() == Month.FEBRUARY && day == 29 && !today.isLeapYear()) {
        day = 28;
      }
      return known(day == today.getDayOfMonth());
    }

    private Truth geoWithin(GeoWithin c, Scope scope) {
      Object v = read(scope, c.attribute());
      if (v == null) {
        return Truth.UNKNOWN;
      }
      return known(((GeoPoint) v).distanceKm(c.center()) <= c.kilometers());
    }

    private Truth inSegment(InSegment c, Scope scope) {
      customerOnly(scope, "inSegment");
      return segment(c.segment());
    }

    private Truth scoreCondition(ScoreCondition c, Scope scope) {
      customerOnly(scope, "score");
      return known(holds(c.op(), order(score(c.score()), c.value())));
    }

    private Truth inTier(InTier c, Scope scope) {
      customerOnly(scope, "inTier");
      String tier = tier(c.tiering());
      return tier == null ? Truth.UNKNOWN : known(tier.equals(c.tier()));
    }

    /**
     * docs/behavioral.md, "Events": the events of the type up to {@code asOf}, inside the window,
     * whose properties make {@code where} TRUE; then the aggregate, compared exactly.
     */
    private Truth event(EventCondition c, Scope scope) {
      customerOnly(scope, "an event condition");
      EventType type = schema.eventType(c.eventType());
      if (type == null) {
        throw new IllegalArgumentException(
            "the schema has no event type \"" + c.eventType() + "\"");
      }
      long count = 0;
      Instant first = null;
      Instant last = null;
      List<Object> values = new ArrayList<>(); // present values of the property
      for (Event e : customer.events(c.eventType())) {
        Instant t = e.timestamp();
        if (!seen(t) || !inWindow(c.window(), t)) {
          continue;
        }
        Scope properties = eventScope(e, type);
        if (eval(c.where(), properties) != Truth.TRUE) {
          continue;
        }
        count++;
        first = first == null || t.isBefore(first) ? t : first;
        last = last == null || t.isAfter(last) ? t : last;
        if (c.property() != null) {
          Object v = read(properties, c.property());
          if (v != null) {
            values.add(v);
          }
        }
      }
      BigDecimal aggregate =
          aggregate(c.aggregate(), type, c.property(), count, first, last, values);
      if (aggregate == null) {
        return Truth.UNKNOWN; // avg, min, max, daysSince* over nothing have no value
      }
      return known(holds(c.op(), aggregate.compareTo(exact(c.value()))));
    }

    /** The aggregate's exact value, or null when it has none. */
    private BigDecimal aggregate(
        Aggregate aggregate,
        EventType type,
        String property,
        long count,
        Instant first,
        Instant last,
        List<Object> values) {
      BigDecimal sum = BigDecimal.ZERO;
      if (aggregate == Aggregate.SUM || aggregate == Aggregate.AVG) {
        for (Object v : values) {
          sum = sum.add(exact((Number) v));
        }
      }
      return switch (aggregate) {
        case COUNT -> exact(count);
        case SUM -> roundedSum(type.property(property).type(), sum);
        case AVG ->
            values.isEmpty()
                ? null
                : beyondOrExact(sum.doubleValue() / values.size()); // two roundings
        case MIN -> values.isEmpty() ? null : extreme(values, -1);
        case MAX -> values.isEmpty() ? null : extreme(values, 1);
        case DISTINCT_COUNT -> exact(distinct(values));
        case DAYS_SINCE_FIRST -> first == null ? null : exact(wholeDaysSince(first));
        case DAYS_SINCE_LAST -> last == null ? null : exact(wholeDaysSince(last));
      };
    }

    /**
     * The exact sum as a long when the property is an integer and the sum fits one; otherwise the
     * exact sum rounded once to the nearest double (ties to even; infinite beyond the largest).
     */
    private BigDecimal roundedSum(AttributeType propertyType, BigDecimal sum) {
      if (propertyType == AttributeType.INTEGER
          && sum.compareTo(exact(Long.MIN_VALUE)) >= 0
          && sum.compareTo(exact(Long.MAX_VALUE)) <= 0) {
        return sum;
      }
      return beyondOrExact(sum.doubleValue());
    }

    /** The smallest ({@code sign} -1) or largest (+1) value, by exact numeric value. */
    private BigDecimal extreme(List<Object> values, int sign) {
      BigDecimal best = null;
      for (Object v : values) {
        BigDecimal x = exact((Number) v);
        if (best == null || x.compareTo(best) * sign > 0) {
          best = x;
        }
      }
      return best;
    }

    /** Distinct present values; numbers equal by value count once (3 and 3.0, 0.0 and -0.0). */
    private long distinct(List<Object> values) {
      Set<Object> seen = new HashSet<>();
      for (Object v : values) {
        seen.add(v instanceof Number n ? exact(n).stripTrailingZeros() : v);
      }
      return seen.size();
    }

    // ---------------------------------------------------------------- time

    /** Events after {@code asOf} are never seen. */
    private boolean seen(Instant t) {
      return !t.isAfter(asOf);
    }

    private boolean inWindow(EventWindow window, Instant t) {
      if (window instanceof EventWindow.Ever) {
        return true;
      }
      if (window instanceof EventWindow.Last last) {
        return t.isAfter(minus(last.amount(), last.unit()));
      }
      if (window instanceof EventWindow.Between between) {
        return !t.isBefore(between.from()) && t.isBefore(between.to());
      }
      return inPeriod(((EventWindow.InCalendar) window).period(), t);
    }

    /** {@code asOf} minus an amount: fixed durations up to weeks, the zone's calendar beyond. */
    private Instant minus(long amount, WindowUnit unit) {
      return switch (unit) {
        case MINUTES -> asOf.minus(Duration.ofMinutes(amount));
        case HOURS -> asOf.minus(Duration.ofHours(amount));
        case DAYS -> asOf.minus(Duration.ofDays(amount));
        case WEEKS -> asOf.minus(Duration.ofDays(7 * amount));
        case MONTHS -> ZonedDateTime.ofInstant(asOf, ctx.zone()).minusMonths(amount).toInstant();
        case YEARS -> ZonedDateTime.ofInstant(asOf, ctx.zone()).minusYears(amount).toInstant();
      };
    }

    /** Whole days from {@code t} to {@code asOf}, rounded down. */
    private long wholeDaysSince(Instant t) {
      return Math.floorDiv(Duration.between(t, asOf).getSeconds(), SECONDS_PER_DAY);
    }

    /**
     * A date with the month and day of {@code t} in the evaluation zone. The Gregorian calendar
     * repeats every 400 years (146,097 days), so the date is taken in the 400 years from 1970,
     * which also covers instants whose own year a {@code LocalDate} cannot hold.
     */
    private LocalDate sameMonthAndDay(Instant t) {
      long local = t.getEpochSecond() + ctx.zone().getRules().getOffset(t).getTotalSeconds();
      return LocalDate.ofEpochDay(Math.floorMod(Math.floorDiv(local, SECONDS_PER_DAY), 146_097L));
    }

    /** Whether {@code t} lies in the period: from the start of its first day in the zone. */
    private boolean inPeriod(CalendarPeriod period, Instant t) {
      Instant[] bounds = periodInstants[period.ordinal()];
      if (bounds == null) {
        LocalDate[] days = period(period);
        bounds =
            new Instant[] {
              days[0].atStartOfDay(ctx.zone()).toInstant(),
              days[1].atStartOfDay(ctx.zone()).toInstant()
            };
        periodInstants[period.ordinal()] = bounds;
      }
      return !t.isBefore(bounds[0]) && t.isBefore(bounds[1]);
    }

    /**
     * Whether {@code d} lies in the calendar period around today (weeks start on Monday, quarters
     * on January, April, July and October; "this" periods include days after today).
     */
    private boolean inPeriod(CalendarPeriod period, LocalDate d) {
      LocalDate[] days = period(period);
      return !d.isBefore(days[0]) && d.isBefore(days[1]);
    }

    /** The first day of the period and the day after its last. */
    private LocalDate[] period(CalendarPeriod period) {
      LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
      assert monday.getDayOfWeek() == DayOfWeek.MONDAY;
      LocalDate quarter =
          LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
      return switch (period) {
        case TODAY -> new LocalDate[] {today, today.plusDays(1)};
        case YESTERDAY -> new LocalDate[] {today.minusDays(1), today};
        case THIS_WEEK -> new LocalDate[] {monday, monday.plusDays(7)};
        case LAST_WEEK -> new LocalDate[] {monday.minusDays(7), monday};
        case THIS_MONTH ->
            new LocalDate[] {today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1)};
        case LAST_MONTH ->
            new LocalDate[] {today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1)};
        case THIS_QUARTER -> new LocalDate[] {quarter, quarter.plusMonths(3)};
        case LAST_QUARTER -> new LocalDate[] {quarter.minusMonths(3), quarter};
        case THIS_YEAR ->
            new LocalDate[] {today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1)};
        case LAST_YEAR ->
            new LocalDate[] {today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1)};
      };
    }

    // ---------------------------------------------------------------- values

    /** The value of an attribute (or event property) in canonical form, or null for no value. */
    private Object read(Scope scope, String name) {
      Attribute<?> declared = scope.declared().apply(name);
      if (declared == null) {
        throw new IllegalArgumentException(
            (scope.eventType() == null ? "the schema has no attribute \"" : "no property \"")
                + name
                + "\"");
      }
      return Values.canonical(
          customer.id(), scope.eventType(), name, declared.type(), scope.raw().apply(name));
    }

    private void customerOnly(Scope scope, String what) {
      if (scope.eventType() != null) {
        throw new IllegalArgumentException(
            what + " cannot be part of the filter of a \"" + scope.eventType() + "\" event");
      }
    }
  }

  /**
   * The order of a value and a literal of its type: numbers by exact value (an integer attribute
   * and a fractional literal, too), strings by code point, dates and timestamps by time, booleans
   * only equal (0) or not (1).
   */
  private static int order(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x < y ? -1 : x > y ? 1 : 0; // by value: -0.0 equals 0.0
    }
    if (a instanceof Number x && b instanceof Number y) {
      return exact(x).compareTo(exact(y)); // a long and a double: neither is rounded
    }
    if (a instanceof String x && b instanceof String y) {
      return codePointOrder(x, y);
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.equals(y) ? 0 : 1;
    }
    throw new IllegalArgumentException(
        "cannot compare " + a + " (" + a.getClass().getSimpleName() + ") with " + b);
  }

  /** Strings by their sequences of code points (not UTF-16 units), the shorter prefix first. */
  private static int codePointOrder(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Whether {@code op} holds of a comparison result (negative, zero or positive). */
  private static boolean holds(Operator op, int order) {
    return switch (op) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
    };
  }

  private static Truth known(boolean b) {
    return b ? Truth.TRUE : Truth.FALSE;
  }

  /** The exact value of a number: a long as it is, a double as the binary fraction it holds. */
  private static BigDecimal exact(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + n);
    }
    if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
      return BigDecimal.valueOf((long) d); // the same value, without expanding a binary fraction
    }
    return new BigDecimal(d);
  }

  /**
   * The exact value of a double, where an infinity (a sum beyond the largest double) becomes a
   * number beyond every finite double, so that it compares as infinity does with every literal.
   */
  private static BigDecimal beyondOrExact(double d) {
    if (Double.isInfinite(d)) {
      BigDecimal beyond = new BigDecimal(Double.MAX_VALUE).multiply(BigDecimal.TEN);
      return d > 0 ? beyond : beyond.negate();
    }
    return exact(d);
  }

  private static BigDecimal exact(long n) {
    return BigDecimal.valueOf(n);
  }

  /** docs/behavioral.md, "RFM": segment, R range, FM range; the first matching row wins. */
  private static final Object[][] RFM_GRID = {
    {"champions", 4, 5, 4, 5},
    {"loyal", 3, 3, 4, 5},
    {"cannotLoseThem", 1, 1, 4, 5},
    {"atRisk", 2, 2, 3, 5},
    {"atRisk", 1, 1, 3, 3},
    {"potentialLoyalist", 4, 5, 2, 3},
    {"needAttention", 3, 3, 3, 3},
    {"new", 5, 5, 1, 1},
    {"promising", 4, 4, 1, 1},
    {"aboutToSleep", 3, 3, 1, 2},
    {"hibernating", 2, 2, 1, 2},
    {"lost", 1, 1, 1, 2},
  };
}
