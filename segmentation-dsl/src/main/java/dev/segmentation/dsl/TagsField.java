package dev.segmentation.dsl;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.model.Attribute;
import java.util.Arrays;
import java.util.Set;

/**
 * A set-of-strings attribute (tags, categories). An empty set is a value: it contains none of
 * anything and has size 0; only a missing set is UNKNOWN.
 */
public final class TagsField extends Field<Set<String>> {
  TagsField(Attribute<Set<String>> attribute) {
    super(attribute);
  }

  /** TRUE when the set contains at least one of {@code tags}. */
  public Condition containsAny(String... tags) {
    return new TagMatch(name(), TagMatch.Op.CONTAINS_ANY, ImmutableSet.copyOf(Arrays.asList(tags)));
  }

  /** TRUE when the set contains every one of {@code tags}. */
  public Condition containsAll(String... tags) {
    return new TagMatch(name(), TagMatch.Op.CONTAINS_ALL, ImmutableSet.copyOf(Arrays.asList(tags)));
  }

  /** TRUE when the set contains none of {@code tags}. */
  public Condition containsNone(String... tags) {
    return new TagMatch(
        name(), TagMatch.Op.CONTAINS_NONE, ImmutableSet.copyOf(Arrays.asList(tags)));
  }

  /** TRUE when the set has no elements (and is present). */
  public Condition isEmpty() {
    return new TagCount(name(), Operator.EQ, 0);
  }

  /** Comparisons of the number of elements: {@code TAGS.size().ge(3)}; whole numbers only. */
  public Aggregated size() {
    return new Aggregated((op, n) -> new TagCount(name(), op, wholeCount(n)));
  }

  private static long wholeCount(Number n) {
    if (n == null) {
      throw new IllegalArgumentException("size must not be null");
    }
    double d = n.doubleValue();
    if (d != Math.rint(d) || d < 0 || d > Long.MAX_VALUE) {
      throw new IllegalArgumentException("size must be a whole number at least 0, got " + n);
    }
    return n.longValue();
  }
}
