package dev.segmentation.benchmarks;

import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.engine.EvaluationContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Translates a core condition into a boolean expression of a peer engine that is true exactly when
 * the condition is TRUE under the library's three-valued logic. The peers are two-valued, so the
 * translation carries the polarity down the tree: TRUE of {@code AND} is the AND of the operands'
 * TRUE, FALSE of {@code AND} the OR of their FALSE, {@code NOT} swaps, and a leaf is TRUE (or
 * FALSE) only when its attribute is present and the test holds (or fails). That is what makes every
 * contender count the same customers; a peer that ignored missing values would not.
 *
 * <p>Covers the kinds the batch rules use (comparisons, ranges, in-lists, prefixes, tag tests,
 * relative dates and event counts); dates and instants are compared as epoch days and seconds.
 */
abstract class Translation {

  private final EvaluationContext context;

  Translation(EvaluationContext context) {
    this.context = context;
  }

  /** The peer expression that is true exactly when {@code condition} is TRUE. */
  final String truth(Condition condition) {
    return translate(condition, true);
  }

  private String translate(Condition c, boolean positive) {
    switch (c.kind()) {
      case AND:
      case OR:
        {
          List<String> parts = new ArrayList<>();
          for (Condition child : c.children()) {
            parts.add(translate(child, positive));
          }
          boolean conjunction = (c.kind() == dev.segmentation.condition.Kind.AND) == positive;
          return conjunction ? and(parts) : or(parts);
        }
      case NOT:
        return translate(c.children().get(0), !positive);
      case EVENT:
        {
          String test = event((EventCondition) c);
          return positive ? test : not(test);
        }
      default:
        {
          String test = leaf(c); // throws for a leaf without a peer translation
          return and(List.of(present(field(c.attribute())), positive ? test : not(test)));
        }
    }
  }

  /** The test on a present value. */
  private String leaf(Condition c) {
    switch (c.kind()) {
      case COMPARE:
        {
          Compare cmp = (Compare) c;
          return compare(field(cmp.attribute()), cmp.op(), cmp.value());
        }
      case BETWEEN:
        {
          Between b = (Between) c;
          String f = field(b.attribute());
          return and(List.of(compare(f, Operator.GE, b.low()), compare(f, Operator.LE, b.high())));
        }
      case IN:
        {
          In in = (In) c;
          return in(field(in.attribute()), new ArrayList<>(in.values()));
        }
      case STRING_MATCH:
        {
          StringMatch s = (StringMatch) c;
          if (s.op() != StringMatch.Op.STARTS_WITH || s.ignoreCase()) {
            throw new UnsupportedOperationException("only case-sensitive prefixes: " + s);
          }
          return startsWith(field(s.attribute()), s.value());
        }
      case TAG_MATCH:
        {
          TagMatch t = (TagMatch) c;
          String f = field(t.attribute());
          List<String> each = t.values().stream().map(v -> contains(f, v)).toList();
          switch (t.op()) {
            case CONTAINS_ANY:
              return or(each);
            case CONTAINS_ALL:
              return and(each);
            case CONTAINS_NONE:
              return not(or(each));
          }
          throw new AssertionError(t.op());
        }
      case RELATIVE_TIME:
        {
          RelativeTime r = (RelativeTime) c;
          String f = field(r.attribute());
          long high;
          long boundary;
          if (isDate(r.attribute())) {
            high = context.asOfDate().toEpochDay();
            boundary = context.minusDays(r.amount(), r.unit());
          } else {
            high = context.asOf().getEpochSecond();
            boundary = context.minus(r.amount(), r.unit()).getEpochSecond();
          }
          if (r.op() == RelativeTime.Op.WITHIN_LAST) {
            return and(List.of(compare(f, Operator.GT, boundary), compare(f, Operator.LE, high)));
          }
          return compare(f, Operator.LE, boundary);
        }
      default:
        throw new UnsupportedOperationException("no peer translation of " + c.kind());
    }
  }

  private String event(EventCondition e) {
    if (!"purchase".equals(e.eventType())
        || e.where().kind() != dev.segmentation.condition.Kind.ALWAYS
        || e.aggregate() != dev.segmentation.condition.Aggregate.COUNT
        || !(e.window() instanceof EventWindow.Last)) {
      throw new UnsupportedOperationException("only counts of purchases in the last N: " + e);
    }
    EventWindow.Last last = (EventWindow.Last) e.window();
    long high = context.asOf().getEpochSecond();
    long low = context.minus(last.amount(), last.unit()).getEpochSecond();
    return compareValue(countPurchases(low, high), e.op(), e.value());
  }

  private static boolean isDate(String attribute) {
    return attribute.equals("signupDate");
  }

  /**
   * The name under which the peer's data holds the attribute: dates and instants as epoch numbers.
   */
  static String dataName(String attribute) {
    switch (attribute) {
      case "signupDate":
        return "signupDay";
      case "lastSeen":
        return "lastSeenSecond";
      default:
        return attribute;
    }
  }

  /** {@code a op b} for the peer, with {@code field} and a literal. */
  final String compare(String field, Operator op, Object literal) {
    return compareValue(field, op, literal);
  }

  /** A literal as the peer writes it; subclasses refine. */
  String literal(Object value) {
    if (value instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (value instanceof Double d) {
      String plain = BigDecimal.valueOf(d).toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return String.valueOf(value);
  }

  final String literals(List<Object> values) {
    return values.stream().map(this::literal).collect(Collectors.joining(", "));
  }

  abstract String field(String attribute);

  abstract String present(String field);

  abstract String and(List<String> parts);

  abstract String or(List<String> parts);

  abstract String not(String part);

  abstract String compareValue(String left, Operator op, Object literal);

  abstract String in(String field, List<Object> values);

  abstract String startsWith(String field, String prefix);

  abstract String contains(String setField, String value);

  /** The number of purchases with {@code low < t <= high} (epoch seconds). */
  abstract String countPurchases(long low, long high);

  static String symbol(Operator op) {
    switch (op) {
      case EQ:
        return "==";
      case NE:
        return "!=";
      case LT:
        return "<";
      case LE:
        return "<=";
      case GT:
        return ">";
      case GE:
        return ">=";
    }
    throw new AssertionError(op);
  }

  static String join(List<String> parts, String operator) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" " + operator + " ", parts) + ")";
  }

  /** Google CEL over a map variable {@code c}. */
  static final class Cel extends Translation {
    Cel(EvaluationContext context) {
      super(context);
    }

    @Override
    String field(String attribute) {
      return "c." + dataName(attribute);
    }

    @Override
    String present(String field) {
      return "has(" + field + ")";
    }

    @Override
    String and(List<String> parts) {
      return join(parts, "&&");
    }

    @Override
    String or(List<String> parts) {
      return join(parts, "||");
    }

    @Override
    String not(String part) {
      return "!(" + part + ")";
    }

    @Override
    String compareValue(String left, Operator op, Object literal) {
      return left + " " + symbol(op) + " " + literal(literal);
    }

    @Override
    String in(String field, List<Object> values) {
      return field + " in [" + literals(values) + "]";
    }

    @Override
    String startsWith(String field, String prefix) {
      return field + ".startsWith(" + literal(prefix) + ")";
    }

    @Override
    String contains(String setField, String value) {
      return literal(value) + " in " + setField;
    }

    @Override
    String countPurchases(long low, long high) {
      return "c.purchases.filter(t, t > " + low + " && t <= " + high + ").size()";
    }
  }

  /** MVEL over a {@link Person}'s getters. */
  static final class Mvel extends Translation {
    Mvel(EvaluationContext context) {
      super(context);
    }

    @Override
    String field(String attribute) {
      return dataName(attribute);
    }

    @Override
    String present(String field) {
      return field + " != null";
    }

    @Override
    String and(List<String> parts) {
      return join(parts, "&&");
    }

    @Override
    String or(List<String> parts) {
      return join(parts, "||");
    }

    @Override
    String not(String part) {
      return "!(" + part + ")";
    }

    @Override
    String compareValue(String left, Operator op, Object literal) {
      return left + " " + symbol(op) + " " + literal(literal);
    }

    @Override
    String in(String field, List<Object> values) {
      return "[" + literals(values) + "] contains " + field;
    }

    @Override
    String startsWith(String field, String prefix) {
      return field + ".startsWith(" + literal(prefix) + ")";
    }

    @Override
    String contains(String setField, String value) {
      return setField + " contains " + literal(value);
    }

    @Override
    String countPurchases(long low, long high) {
      return "($ in purchaseSeconds if $ > " + low + "L && $ <= " + high + "L).size()";
    }

    @Override
    String literal(Object value) {
      return value instanceof Long l ? l + "L" : super.literal(value);
    }
  }

  /** Spring SpEL over a {@link Person}'s getters. */
  static final class Spel extends Translation {
    Spel(EvaluationContext context) {
      super(context);
    }

    @Override
    String field(String attribute) {
      return dataName(attribute);
    }

    @Override
    String present(String field) {
      return field + " != null";
    }

    @Override
    String and(List<String> parts) {
      return join(parts, "and");
    }

    @Override
    String or(List<String> parts) {
      return join(parts, "or");
    }

    @Override
    String not(String part) {
      return "!(" + part + ")";
    }

    @Override
    String compareValue(String left, Operator op, Object literal) {
      return left + " " + symbol(op) + " " + literal(literal);
    }

    @Override
    String in(String field, List<Object> values) {
      return "{" + literals(values) + "}.contains(" + field + ")";
    }

    @Override
    String startsWith(String field, String prefix) {
      return field + ".startsWith(" + literal(prefix) + ")";
    }

    @Override
    String contains(String setField, String value) {
      return setField + ".contains(" + literal(value) + ")";
    }

    @Override
    String countPurchases(long low, long high) {
      return "purchaseSeconds.?[#this > " + low + "L and #this <= " + high + "L].size()";
    }

    @Override
    String literal(Object value) {
      if (value instanceof String s) {
        return "'" + s.replace("'", "''") + "'";
      }
      return value instanceof Long l ? l + "L" : super.literal(value);
    }
  }

  /** json-logic over a map, written as JSON. */
  static final class JsonLogic extends Translation {
    JsonLogic(EvaluationContext context) {
      super(context);
    }

    @Override
    String field(String attribute) {
      return "{\"var\":\"" + dataName(attribute) + "\"}";
    }

    @Override
    String present(String field) {
      return "{\"!==\":[" + field + ",null]}";
    }

    @Override
    String and(List<String> parts) {
      return parts.size() == 1 ? parts.get(0) : "{\"and\":[" + String.join(",", parts) + "]}";
    }

    @Override
    String or(List<String> parts) {
      return parts.size() == 1 ? parts.get(0) : "{\"or\":[" + String.join(",", parts) + "]}";
    }

    @Override
    String not(String part) {
      return "{\"!\":[" + part + "]}";
    }

    @Override
    String compareValue(String left, Operator op, Object literal) {
      return "{\"" + symbol(op) + "\":[" + left + "," + literal(literal) + "]}";
    }

    @Override
    String in(String field, List<Object> values) {
      return "{\"in\":["
          + field
          + ",["
          + String.join(",", values.stream().map(this::literal).toList())
          + "]]}";
    }

    @Override
    String startsWith(String field, String prefix) {
      return "{\"===\":[{\"substr\":["
          + field
          + ",0,"
          + prefix.length()
          + "]},"
          + literal(prefix)
          + "]}";
    }

    @Override
    String contains(String setField, String value) {
      return "{\"in\":[" + literal(value) + "," + setField + "]}";
    }

    @Override
    String countPurchases(long low, long high) {
      return "{\"reduce\":[{\"filter\":[{\"var\":\"purchases\"},{\"and\":[{\">\":[{\"var\":\"\"},"
          + low
          + "]},{\"<=\":[{\"var\":\"\"},"
          + high
          + "]}]}]},{\"+\":[{\"var\":\"accumulator\"},1]},0]}";
    }

    @Override
    String literal(Object value) {
      if (value instanceof String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      }
      return value instanceof Long l ? String.valueOf(l) : super.literal(value);
    }
  }
}
