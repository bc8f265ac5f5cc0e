package dev.segmentation.plan.eval;

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
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.GeoPoint;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * How values and conditions are written in explanations. The one place that knows the wording, so
 * that golden files change only when it does.
 */
final class Show {
  private Show() {}

  /** Values shown of a list before "... (N more)". */
  static final int MAX_LISTED = 10;

  private static final int MAX_STRING = 80;

  /** A value: strings quoted, numbers and times as written in rules, sets in brackets. */
  static String value(Object v) {
    if (v == null) {
      return "missing";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Collection<?> c) {
      return list(c);
    }
    if (v instanceof GeoPoint p) {
      return "(" + p.latitude() + ", " + p.longitude() + ")";
    }
    return v.toString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_STRING) + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      if (i == MAX_STRING) {
        sb.append("...");
        break;
      }
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  static String list(Collection<?> values) {
    StringBuilder sb = new StringBuilder("[");
    int i = 0;
    for (Object v : values) {
      if (i == MAX_LISTED) {
        sb.append(", ... (").append(values.size() - MAX_LISTED).append(" more)");
        break;
      }
      sb.append(i == 0 ? "" : ", ").append(value(v));
      i++;
    }
    return sb.append(']').toString();
  }

  /** {@code thisMonth} as {@code this month}. */
  static String period(CalendarPeriod p) {
    return words(p.externalName());
  }

  private static String words(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        sb.append(' ').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@code 90 days}, {@code 1 year}. */
  static String amount(long amount, WindowUnit unit) {
    String u = unit.externalName();
    return amount + " " + (amount == 1 ? u.substring(0, u.length() - 1) : u);
  }

  static String window(EventWindow w) {
    if (w instanceof EventWindow.Last last) {
      return "in the last " + amount(last.amount(), last.unit());
    }
    if (w instanceof EventWindow.Between b) {
      return "from " + b.from() + " to " + b.to();
    }
    if (w instanceof EventWindow.InCalendar c) {
      return "in " + period(c.period());
    }
    return "ever";
  }

  /**
   * The subject of an event condition, e.g. {@code count of purchase events in the last 90 days}.
   */
  static String eventSubject(EventCondition e) {
    String events =
        e.eventType()
            + " events"
            + (e.where().kind() == dev.segmentation.condition.Kind.ALWAYS
                ? ""
                : " where " + inline(e.where()))
            + " "
            + window(e.window());
    return aggregate(e.aggregate(), e.property()) + " " + events;
  }

  private static String aggregate(Aggregate a, String property) {
    switch (a) {
      case COUNT:
        return "count of";
      case SUM:
        return "sum of " + property + " of";
      case AVG:
        return "average " + property + " of";
      case MIN:
        return "minimum " + property + " of";
      case MAX:
        return "maximum " + property + " of";
      case DISTINCT_COUNT:
        return "distinct count of " + property + " of";
      case DAYS_SINCE_FIRST:
        return "days since the first of";
      case DAYS_SINCE_LAST:
        return "days since the last of";
    }
    throw new AssertionError(a);
  }

  /**
   * What a leaf expects of its value, e.g. {@code >= 30}; its description is subject + expected.
   */
  static String expected(Condition c) {
    return switch (c.kind()) {
      case COMPARE -> {
        Compare cmp = (Compare) c;
        yield cmp.op().symbol() + " " + value(cmp.value());
      }
      case BETWEEN -> {
        Between b = (Between) c;
        yield "between " + value(b.low()) + " and " + value(b.high());
      }
      case IN -> "in " + list(((In) c).values());
      case STRING_MATCH -> {
        StringMatch s = (StringMatch) c;
        yield s.op().externalName()
            + " "
            + (s.op() == StringMatch.Op.MATCHES ? "/" + s.value() + "/" : quote(s.value()))
            + (s.ignoreCase() ? " ignoring case" : "");
      }
      case TAG_MATCH -> {
        TagMatch t = (TagMatch) c;
        yield t.op().externalName() + " " + list(t.values());
      }
      case TAG_COUNT -> {
        TagCount n = (TagCount) c;
        yield "has size " + n.op().symbol() + " " + n.count();
      }
      case PRESENCE -> ((Presence) c).present() ? "is present" : "is missing";
      case RELATIVE_TIME -> {
        RelativeTime r = (RelativeTime) c;
        yield r.op() == RelativeTime.Op.WITHIN_LAST
            ? "within the last " + amount(r.amount(), r.unit())
            : "more than " + amount(r.amount(), r.unit()) + " ago";
      }
      case CALENDAR_WINDOW -> "in " + period(((CalendarWindow) c).period());
      case ANNIVERSARY ->
          ((Anniversary) c).period() == Anniversary.Period.DAY
              ? "has its anniversary today"
              : "has its anniversary this month";
      case GEO_WITHIN -> {
        GeoWithin g = (GeoWithin) c;
        yield "within " + g.kilometers() + " km of " + value(g.center());
      }
      case EVENT -> {
        EventCondition e = (EventCondition) c;
        yield e.op().symbol() + " " + e.value();
      }
      case SCORE -> {
        ScoreCondition sc = (ScoreCondition) c;
        yield sc.op().symbol() + " " + sc.value();
      }
      case IN_TIER -> "= " + quote(((InTier) c).tier());
      case ALWAYS, NEVER, AND, OR, NOT, IN_SEGMENT ->
          throw new IllegalArgumentException("not a leaf with an expected value: " + c.kind());
    };
  }

  /** The description of a leaf, or of a logical node as in explanations ({@code and}, ...). */
  static String description(Condition c) {
    return switch (c.kind()) {
      case ALWAYS -> "always";
      case NEVER -> {
        String reason = ((Never) c).reason();
        yield reason.isEmpty() ? "never" : "never (" + reason + ")";
      }
      case AND -> "and";
      case OR -> "or";
      case NOT -> "not";
      case IN_SEGMENT -> "in segment " + quote(((InSegment) c).segment());
      case EVENT -> eventSubject((EventCondition) c) + " " + expected(c);
      case SCORE -> "score " + quote(((ScoreCondition) c).score()) + " " + expected(c);
      case IN_TIER -> "tier of " + quote(((InTier) c).tiering()) + " " + expected(c);
      case COMPARE,
          BETWEEN,
          IN,
          STRING_MATCH,
          TAG_MATCH,
          TAG_COUNT,
          PRESENCE,
          RELATIVE_TIME,
          CALENDAR_WINDOW,
          ANNIVERSARY,
          GEO_WITHIN ->
          subject(c) + " " + expected(c);
    };
  }

  private static String subject(Condition c) {
    String attribute = c.attribute();
    if (attribute == null) {
      throw new IllegalArgumentException("not an attribute leaf: " + c.kind());
    }
    return attribute;
  }

  /** A whole condition on one line, e.g. {@code (category = "paper" or amount > 100)}. */
  static String inline(Condition c) {
    if (!c.kind().isOperator()) {
      return description(c);
    }
    if (c.kind() == dev.segmentation.condition.Kind.NOT) {
      return "not " + inline(c.children().get(0));
    }
    List<Condition> of = c.children();
    if (of.isEmpty()) {
      return c.kind() == dev.segmentation.condition.Kind.AND ? "always" : "never";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < of.size(); i++) {
      sb.append(i == 0 ? "" : " " + description(c) + " ").append(inline(of.get(i)));
    }
    return sb.append(')').toString();
  }
}
