package dev.segmentation.plan.eval;

import com.google.common.collect.ImmutableSet;
import com.google.re2j.Pattern;
import dev.segmentation.condition.Anniversary;
import dev.segmentation.condition.CalendarPeriod;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.internal.CaseFolding;
import dev.segmentation.internal.DoubleHashSet;
import dev.segmentation.internal.EpochTime;
import dev.segmentation.internal.LongHashSet;
import dev.segmentation.internal.StringHashSet;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.ValueSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** The compiled leaves that test one attribute's value. */
final class Leaves {
  private Leaves() {}

  /**
   * A leaf on a number, a Long for an integer attribute and a finite Double for a number attribute
   * (other numbers are converted, see {@link Leaf}): tests the class and the unboxed value in one
   * method.
   */
  abstract static class NumericLeaf extends Leaf {
    final boolean integer;

    NumericLeaf(AttributeRef attribute, String expected) {
      super(attribute, expected);
      this.integer = attribute.type() == AttributeType.INTEGER;
    }

    abstract boolean test(long x);

    abstract boolean test(double x);

    @Override
    final Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      if (integer) {
        long x = src.longValue(position, attribute, ASK);
        if (x != ASK) {
          return Truth.of(test(x));
        }
      } else {
        double x = src.doubleValue(position, attribute, Double.NaN);
        if (x - x == 0) { // finite: neither the NaN asked for nor an infinity
          return Truth.of(test(x));
        }
      }
      return confirm(src, customer, bounds);
    }

    @Override
    final boolean test(Object value, Bounds bounds) {
      return value instanceof Long l ? test(l.longValue()) : test(((Double) value).doubleValue());
    }
  }

  /** A leaf on a string: tests the class and the value in one method (see {@link Leaf}). */
  abstract static class StringLeaf extends Leaf {
    StringLeaf(AttributeRef attribute, String expected) {
      super(attribute, expected);
    }

    abstract boolean test(String s);

    @Override
    final Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      Object v = src.value(position, attribute);
      if (v instanceof String s) {
        return Truth.of(test(s));
      }
      return notAccepted(src, customer, v, bounds);
    }

    @Override
    final boolean test(Object value, Bounds bounds) {
      return test((String) value);
    }
  }

  /** A leaf on a string set: tests the class and the value in one method (see {@link Leaf}). */
  abstract static class SetLeaf extends Leaf {
    SetLeaf(AttributeRef attribute, String expected) {
      super(attribute, expected);
    }

    abstract boolean test(Set<?> tags);

    @Override
    final Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      Object v = src.value(position, attribute);
      if (v instanceof Set<?> tags) { // used as it is, see Leaf.accepts
        return Truth.of(test(tags));
      }
      return notAccepted(src, customer, v, bounds);
    }

    @Override
    final boolean test(Object value, Bounds bounds) {
      return test((Set<?>) value);
    }
  }

  /** {@code attribute op literal} or {@code low <= attribute <= high} on a number. */
  static final class NumberLeaf extends NumericLeaf {
    final NumberRange range;

    NumberLeaf(AttributeRef attribute, String expected, NumberRange range) {
      super(attribute, expected);
      this.range = range;
    }

    @Override
    boolean test(long x) {
      return range.contains(x);
    }

    @Override
    boolean test(double x) {
      return range.contains(x);
    }
  }

  /** A string in a set of literals, or not in it: {@code in}, {@code =} and {@code !=}. */
  static final class StringInLeaf extends StringLeaf {
    private final StringHashSet values;
    private final boolean negated;

    StringInLeaf(AttributeRef attribute, String expected, StringHashSet values, boolean negated) {
      super(attribute, expected);
      this.values = values;
      this.negated = negated;
    }

    @Override
    boolean test(String s) {
      return values.contains(s) != negated;
    }
  }

  /** A boolean equal to the wanted value ({@code = true}, {@code != false}, ...). */
  static final class BooleanLeaf extends Leaf {
    final boolean wanted;

    BooleanLeaf(AttributeRef attribute, String expected, boolean wanted) {
      super(attribute, expected);
      this.wanted = wanted;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      Object v = src.value(position, attribute);
      if (v instanceof Boolean b) {
        return Truth.of(b.booleanValue() == wanted);
      }
      return notAccepted(src, customer, v, bounds);
    }

    @Override
    boolean test(Object value, Bounds bounds) {
      return (Boolean) value == wanted;
    }
  }

  /** {@code attribute op literal} on strings (ordering), dates and timestamps. */
  static final class CompareLeaf extends Leaf {
    private final Operator op;
    private final Comparand literal;

    CompareLeaf(AttributeRef attribute, String expected, Operator op, Comparand c) {
      super(attribute, expected);
      this.op = op;
      this.literal = c;
    }

    @Override
    boolean test(Object value, Bounds bounds) {
      return op.test(literal.compareWith(value));
    }
  }

  /** {@code low <= attribute <= high} on strings, dates and timestamps. */
  static final class BetweenLeaf extends Leaf {
    private final Comparand low;
    private final Comparand high;

    BetweenLeaf(AttributeRef attribute, String expected, Comparand low, Comparand h) {
      super(attribute, expected);
      this.low = low;
      this.high = h;
    }

    @Override
    boolean test(Object value, Bounds bounds) {
      return low.compareWith(value) >= 0 && high.compareWith(value) <= 0;
    }
  }

  /**
   * Membership of a number in a list: integral members in a {@link LongHashSet}, and every member
   * that a double can equal exactly in a {@link DoubleHashSet}, so that 3 matches 3.0 and each
   * lookup is constant-time.
   */
  static final class NumberInLeaf extends NumericLeaf {
    private final LongHashSet longs;
    private final DoubleHashSet doubles;

    NumberInLeaf(AttributeRef attribute, String expected, LongHashSet l, DoubleHashSet d) {
      super(attribute, expected);
      this.longs = l;
      this.doubles = d;
    }

    @Override
    boolean test(long x) {
      return longs.contains(x);
    }

    @Override
    boolean test(double x) {
      return doubles.contains(x);
    }
  }

  /**
   * A comparison, between or in on a date or timestamp, read through the primitive path: epoch days
   * ({@link ValueSource#epochDayValue}) or epoch milliseconds ({@link
   * ValueSource#epochMilliValue}), tested against an exact interval of them ({@link
   * NumberRange#ofEpoch}) or a set of them (the literals that are whole milliseconds: no other can
   * equal a value read in milliseconds). A value that path does not give (none, or an instant finer
   * than a millisecond) is read boxed and tested by the leaf written for boxed values, {@code
   * boxed}, which also explains; the two tests agree on every value.
   */
  static final class EpochLeaf extends Leaf {
    private final boolean date;
    private final Leaf boxed;
    private final NumberRange range; // null for a list
    private final LongHashSet members; // null for a range

    private EpochLeaf(
        AttributeRef attribute, String expected, Leaf boxed, NumberRange r, LongHashSet m) {
      super(attribute, expected);
      assert attribute.type().isTemporal() && (r == null) != (m == null) : attribute;
      this.date = attribute.type() == AttributeType.DATE;
      this.boxed = boxed;
      this.range = r;
      this.members = m;
    }

    static EpochLeaf range(AttributeRef a, String expected, Leaf boxed, NumberRange range) {
      return new EpochLeaf(a, expected, boxed, range, null);
    }

    static EpochLeaf in(AttributeRef a, String expected, Leaf boxed, LongHashSet members) {
      return new EpochLeaf(a, expected, boxed, null, members);
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      long x =
          date
              ? src.epochDayValue(position, attribute, ASK)
              : src.epochMilliValue(position, attribute, ASK);
      if (x == ASK) {
        return confirm(src, customer, bounds);
      }
      return Truth.of(range != null ? range.contains(x) : members.contains(x));
    }

    @Override
    boolean test(Object value, Bounds bounds) {
      return boxed.test(value, bounds);
    }
  }

  /** Membership of a string, boolean, date or timestamp in a hash set of the literals. */
  static final class InLeaf extends Leaf {
    private final ImmutableSet<Object> values;

    InLeaf(AttributeRef attribute, String expected, ImmutableSet<Object> values) {
      super(attribute, expected);
      this.values = values;
    }

    @Override
    boolean test(Object value, Bounds bounds) {
      return values.contains(value);
    }
  }

  /** Prefix, suffix or substring, optionally ignoring case (needle lowercased at compile time). */
  static final class TextLeaf extends StringLeaf {
    private final StringMatch.Op op;
    private final String needle;
    private final boolean ignoreCase;

    TextLeaf(
        AttributeRef attribute, String expected, StringMatch.Op op, String needle, boolean ic) {
      super(attribute, expected);
      this.op = op;
      this.ignoreCase = ic;
      this.needle = ic ? CaseFolding.lower(needle) : needle;
    }

    @Override
    boolean test(String s) {
      switch (op) {
        case STARTS_WITH:
          return ignoreCase ? CaseFolding.startsWith(s, needle) : s.startsWith(needle);
        case ENDS_WITH:
          return ignoreCase ? CaseFolding.endsWith(s, needle) : s.endsWith(needle);
        case CONTAINS:
          return ignoreCase ? CaseFolding.contains(s, needle) : s.contains(needle);
        default:
          throw new AssertionError(op);
      }
    }
  }

  /**
   * An RE2 pattern with find semantics, compiled once. re2j allocates a matcher per test: the one
   * place on the evaluation path that allocates.
   */
  static final class RegexLeaf extends Leaf {
    private final Pattern pattern;

    RegexLeaf(AttributeRef attribute, String expected, Pattern pattern) {
      super(attribute, expected);
      this.pattern = pattern;
    }

    @Override
    boolean test(Object value, Bounds bounds) {
      return pattern.matcher((String) value).find();
    }
  }

  /** containsAny / containsAll / containsNone on a string set. */
  static final class TagLeaf extends SetLeaf {
    /** Above this many literals, a small tag set is iterated instead of the literals. */
    static final int ITERATE_TAGS_ABOVE = 16;

    final TagMatch.Op op;
    final String[] wanted; // read by Generator, never modified
    private final ImmutableSet<String> wantedSet;

    TagLeaf(AttributeRef attribute, String expected, TagMatch.Op op, ImmutableSet<String> wanted) {
      super(attribute, expected);
      this.op = op;
      this.wanted = wanted.toArray(new String[0]);
      this.wantedSet = wanted;
    }

    @Override
    boolean test(Set<?> tags) {
      switch (op) {
        case CONTAINS_ANY:
          return containsAny(tags);
        case CONTAINS_NONE:
          return !containsAny(tags);
        case CONTAINS_ALL:
          if (tags.size() < wanted.length) {
            return false; // the literals are distinct
          }
          for (String w : wanted) {
            if (!tags.contains(w)) {
              return false;
            }
          }
          return true;
      }
      throw new AssertionError(op);
    }

    private boolean containsAny(Set<?> tags) {
      if (wanted.length > ITERATE_TAGS_ABOVE && tags.size() < wanted.length) {
        for (Object t : tags) {
          if (wantedSet.contains(t)) {
            return true;
          }
        }
        return false;
      }
      for (String w : wanted) {
        if (tags.contains(w)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The size of a string set compared with a count. */
  static final class TagCountLeaf extends SetLeaf {
    private final Operator op;
    private final long count;

    TagCountLeaf(AttributeRef attribute, String expected, Operator op, long count) {
      super(attribute, expected);
      this.op = op;
      this.count = count;
    }

    @Override
    boolean test(Set<?> tags) {
      return op.test(Long.compare(tags.size(), count));
    }

    @Override
    String actual(Object value, Bounds bounds) {
      return Show.value(value) + " (size " + ((Set<?>) value).size() + ")";
    }
  }

  /** Within the last N units / more than N units ago, on a timestamp. */
  static final class RelativeInstantLeaf extends Leaf {
    private final boolean withinLast;
    private final int slot;

    RelativeInstantLeaf(AttributeRef attribute, String expected, RelativeTime.Op op, int slot) {
      super(attribute, expected);
      this.withinLast = op == RelativeTime.Op.WITHIN_LAST;
      this.slot = slot;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds b, Truth[] memo) {
      long t = src.epochMilliValue(position, attribute, ASK);
      if (t == ASK) {
        return confirm(src, customer, b); // no value, or finer than a millisecond
      }
      // Exact on whole milliseconds against the bounds' floors (see EpochTime.epochMilliFloor).
      long bound = b.instantMilliFloor(slot);
      return Truth.of(withinLast ? t > bound && t <= b.asOfMilliFloor : t <= bound);
    }

    @Override
    boolean test(Object value, Bounds b) {
      return test((Instant) value, b);
    }

    private boolean test(Instant t, Bounds b) {
      int vsBound = EpochTime.compare(t, b.instantSec(slot), b.instantNano(slot));
      if (withinLast) {
        return vsBound > 0 && EpochTime.compare(t, b.asOfSec, b.asOfNano) <= 0;
      }
      return vsBound <= 0;
    }
  }

  /** Within the last N units / more than N units ago, on a date ({@code asOf} as a zone date). */
  static final class RelativeDateLeaf extends Leaf {
    private final boolean withinLast;
    private final int slot;

    RelativeDateLeaf(AttributeRef attribute, String expected, RelativeTime.Op op, int slot) {
      super(attribute, expected);
      this.withinLast = op == RelativeTime.Op.WITHIN_LAST;
      this.slot = slot;
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      long day = src.epochDayValue(position, attribute, ASK);
      if (day == ASK) {
        return confirm(src, customer, bounds);
      }
      return Truth.of(test(day, bounds));
    }

    @Override
    boolean test(Object value, Bounds b) {
      return test(((LocalDate) value).toEpochDay(), b);
    }

    private boolean test(long d, Bounds b) {
      return withinLast ? d > b.day(slot) && d <= b.asOfDay : d <= b.day(slot);
    }
  }

  /** A date or timestamp inside a calendar period, start inclusive, end exclusive. */
  static final class CalendarLeaf extends Leaf {
    private final CalendarPeriod period;

    CalendarLeaf(AttributeRef attribute, String expected, CalendarPeriod period) {
      super(attribute, expected);
      this.period = period;
    }

    @Override
    boolean test(Object value, Bounds b) {
      if (value instanceof LocalDate d) {
        long day = d.toEpochDay();
        return day >= b.ctx.periodStartDay(period) && day < b.ctx.periodEndDay(period);
      }
      Instant t = (Instant) value;
      return t.compareTo(b.ctx.periodStart(period)) >= 0
          && t.compareTo(b.ctx.periodEnd(period)) < 0;
    }
  }

  /** Same month (and day) as {@code asOf} in the zone; Feb 29 counts as Feb 28 in common years. */
  static final class AnniversaryLeaf extends Leaf {
    private final boolean sameDay;

    AnniversaryLeaf(AttributeRef attribute, String expected, Anniversary.Period p) {
      super(attribute, expected);
      this.sameDay = p == Anniversary.Period.DAY;
    }

    /** A date read as its epoch day ({@link ValueSource#epochDayValue}), with no object made. */
    @Override
    Truth eval(ValueSource src, Customer customer, Bounds b, Truth[] memo) {
      if (type != AttributeType.DATE) {
        return super.eval(src, customer, b, memo);
      }
      long epochDay = src.epochDayValue(position, attribute, ASK);
      if (epochDay == ASK) {
        return confirm(src, customer, b);
      }
      return Truth.of(test(EpochTime.month(epochDay), EpochTime.dayOfMonth(epochDay), b));
    }

    @Override
    boolean test(Object value, Bounds b) {
      if (value instanceof LocalDate d) {
        return test(d.getMonthValue(), d.getDayOfMonth(), b);
      }
      long epochDay = EpochTime.epochDay((Instant) value, b.rules);
      return test(EpochTime.month(epochDay), EpochTime.dayOfMonth(epochDay), b);
    }

    private boolean test(int month, int day, Bounds b) {
      if (month != b.asOfMonth) {
        return false;
      }
      if (!sameDay) {
        return true;
      }
      if (month == 2 && day == 29 && !b.asOfLeapYear) {
        day = 28;
      }
      return day == b.asOfDayOfMonth;
    }
  }

  /** Great-circle distance from a centre at most a radius (inclusive). */
  static final class GeoLeaf extends Leaf {
    private final GeoPoint center;
    private final double km;

    GeoLeaf(AttributeRef attribute, String expected, GeoPoint center, double km) {
      super(attribute, expected);
      this.center = center;
      this.km = km;
    }

    @Override
    boolean test(Object value, Bounds b) {
      return ((GeoPoint) value).distanceKm(center) <= km;
    }

    @Override
    String actual(Object value, Bounds bounds) {
      return Show.value(value)
          + ", "
          + String.format(java.util.Locale.ROOT, "%.3f", ((GeoPoint) value).distanceKm(center))
          + " km away";
    }
  }

  /** isPresent / isMissing: never UNKNOWN. */
  static final class PresenceNode extends Node {
    private final AttributeRef attribute;
    private final boolean present;
    private final String expected;

    PresenceNode(AttributeRef attribute, boolean present, String expected) {
      this.attribute = attribute;
      this.present = present;
      this.expected = expected;
    }

    private Object read(ValueSource src, Customer customer) {
      return Leaf.read(src, customer, attribute.name(), attribute.position(), attribute.type());
    }

    @Override
    Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo) {
      return Truth.of((read(src, customer) != null) == present);
    }

    @Override
    Explanation explain(ValueSource src, Customer customer, Bounds bounds) {
      Object v = read(src, customer);
      return Explanation.leaf(
          Kind.PRESENCE,
          attribute.name() + " " + expected,
          Truth.of((v != null) == present),
          v == null ? Explanation.MISSING : Show.value(v),
          expected);
    }
  }
}
