package dev.segmentation.plan;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Values;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The typing of a leaf's literals for its attribute, done once when the plan is built (see {@link
 * PlanNode#literals()}). The checker has made sure that each literal fits its attribute's type
 * ({@code check.Literals}); this puts it in the one canonical form per type, without changing which
 * values it matches.
 */
final class Resolution {
  private Resolution() {}

  /**
   * The literals that leaf {@code c} compares its attribute's values with, typed for {@code type}:
   * those of {@code =}/{@code <}/..., {@code between} (low, high), {@code in} (distinct values, in
   * the written order), tag matches (the tags) and string matches (the needle or pattern); none for
   * the other kinds.
   */
  static ImmutableList<Object> literals(Condition c, AttributeType type) {
    return switch (c.kind()) {
      case COMPARE -> ImmutableList.of(typed(type, ((Compare) c).value()));
      case BETWEEN -> {
        Between b = (Between) c;
        yield ImmutableList.of(typed(type, b.low()), typed(type, b.high()));
      }
      case IN -> {
        Set<Object> distinct = new LinkedHashSet<>();
        for (Object v : ((In) c).values()) {
          distinct.add(typed(type, v));
        }
        yield ImmutableList.copyOf(distinct);
      }
      case TAG_MATCH -> ImmutableList.copyOf(((TagMatch) c).values());
      case STRING_MATCH -> ImmutableList.of(((StringMatch) c).value());
      case ALWAYS,
          NEVER,
          AND,
          OR,
          NOT,
          TAG_COUNT,
          PRESENCE,
          RELATIVE_TIME,
          CALENDAR_WINDOW,
          ANNIVERSARY,
          GEO_WITHIN,
          IN_SEGMENT,
          EVENT,
          SCORE,
          IN_TIER ->
          ImmutableList.of();
    };
  }

  /**
   * A literal in the canonical form for values of {@code type}: integer attributes compare with a
   * Long (a Double with a whole value in the long range becomes that Long; another stays a Double,
   * which no integer equals), number attributes with a Double (a Long that a double holds exactly
   * becomes that Double; another, beyond 2^53, stays a Long so that comparisons stay exact), the
   * other types with their own class (String, Boolean, LocalDate, Instant, GeoPoint).
   *
   * @throws IllegalStateException when the literal does not fit the type (the checker refuses it)
   */
  static Object typed(AttributeType type, Object literal) {
    if (type == AttributeType.INTEGER && literal instanceof Double d) {
      double x = d;
      // -2^63 is Long.MIN_VALUE exactly; 2^63 is above every long
      if (x == Math.rint(x) && x >= -0x1p63 && x < 0x1p63) {
        return (long) x;
      }
      return d;
    }
    if (type == AttributeType.NUMBER && literal instanceof Long l) {
      double d = l;
      if (Values.compare(l, d) == 0) {
        return d;
      }
      return l;
    }
    // A tag is a String; every other literal is of its attribute type's own class.
    Class<?> wanted = type == AttributeType.STRING_SET ? String.class : type.javaType();
    if (!wanted.isInstance(literal)) {
      throw new IllegalStateException(
          "a literal the checker lets through does not fit "
              + type.withArticle()
              + " attribute: "
              + literal);
    }
    return literal;
  }
}
