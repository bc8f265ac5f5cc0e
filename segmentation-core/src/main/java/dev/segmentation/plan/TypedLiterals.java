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
import java.util.List;
import java.util.Set;

/**
 * The one rule by which a leaf's literals are typed for its attribute: what {@link
 * PlanNode#literals()} holds, computed once when the plan is built. A backend that compiles a
 * condition outside a plan (the condition as written, for explanations) types its literals here
 * too, so that both agree.
 *
 * <pre>{@code
 * TypedLiterals.of(In.of("age", 18L, 18.0, 21.5), AttributeType.INTEGER); // [18, 21.5]
 * TypedLiterals.of(AttributeType.NUMBER, 3L);                             // 3.0
 * TypedLiterals.of(AttributeType.NUMBER, (1L << 53) + 1);                 // stays a Long: exact
 * }</pre>
 *
 * Typing never changes which values a literal matches: numbers compare by exact value across Long
 * and Double. A literal that does not fit the type (which the checker refuses) is returned as it
 * is, for the caller to reject with its own message ({@link #fits}).
 */
public final class TypedLiterals {
  private TypedLiterals() {}

  /**
   * The literals that leaf {@code c} compares its attribute's values with, typed for {@code type}:
   * those of {@code =}/{@code <}/..., {@code between} (low, high), {@code in} (distinct values, in
   * the written order), tag matches (the tags) and string matches (the needle or pattern); none for
   * the other kinds.
   */
  public static List<Object> of(Condition c, AttributeType type) {
    return switch (c.kind()) {
      case COMPARE -> ImmutableList.of(of(type, ((Compare) c).value()));
      case BETWEEN -> {
        Between b = (Between) c;
        yield ImmutableList.of(of(type, b.low()), of(type, b.high()));
      }
      case IN -> {
        Set<Object> distinct = new LinkedHashSet<>();
        for (Object v : ((In) c).values()) {
          distinct.add(of(type, v));
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
   * becomes that Double, as {@link Values#canonical} converts values; another, beyond 2^53, stays a
   * Long so that comparisons stay exact), the other types with their own class (String, Boolean,
   * LocalDate, Instant, GeoPoint). A literal that does not fit is returned unchanged.
   */
  public static Object of(AttributeType type, Object literal) {
    if (type == AttributeType.INTEGER && literal instanceof Double d && Values.isWholeLong(d)) {
      return d.longValue(); // exact: a whole value in the long range
    }
    if (type == AttributeType.NUMBER && literal instanceof Long l) {
      double d = l;
      if (Values.compare(l, d) == 0) {
        return d;
      }
      return l;
    }
    return literal;
  }

  /**
   * Whether a typed literal fits values of {@code type}: a Long or Double for numbers, a String for
   * strings and tags, otherwise the type's own class ({@link AttributeType#javaType()}).
   */
  public static boolean fits(AttributeType type, Object literal) {
    return switch (type) {
      case INTEGER, NUMBER -> literal instanceof Long || literal instanceof Double;
      case STRING, STRING_SET -> literal instanceof String;
      case BOOLEAN, DATE, TIMESTAMP, GEO_POINT -> type.javaType().isInstance(literal);
    };
  }
}
