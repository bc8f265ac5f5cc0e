package dev.segmentation.dsl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.Condition;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lead score under construction. Immutable: every step returns a new builder.
 *
 * <pre>{@code
 * ScoreModel engagement = scoreModel("engagement")
 *     .rule(EMAIL_OPT_IN.eq(true), 10, "email")
 *     .rule(events("page_view").inLast(30, DAYS).count().ge(5), 25)
 *     .rule(LAST_SEEN.moreThanAgo(180, DAYS), -20)
 *     .groupCap("email", 15)
 *     .cap(100)
 *     .build();
 * }</pre>
 */
public final class ScoreModelBuilder {
  private final String name;
  private final String description;
  private final ImmutableList<ScoreRule> rules;
  private final ImmutableMap<String, Double> groupCaps;
  private final Double cap;

  ScoreModelBuilder(
      String name,
      String description,
      ImmutableList<ScoreRule> rules,
      ImmutableMap<String, Double> groupCaps,
      Double cap) {
    this.name = name;
    this.description = description;
    this.rules = rules;
    this.groupCaps = groupCaps;
    this.cap = cap;
  }

  public ScoreModelBuilder describedAs(String newDescription) {
    return new ScoreModelBuilder(name, newDescription, rules, groupCaps, cap);
  }

  /** {@code points} when {@code condition} is TRUE. */
  public ScoreModelBuilder rule(Condition condition, double points) {
    return rule(condition, points, null);
  }

  /** {@code points} when {@code condition} is TRUE, counted in a cap group. */
  public ScoreModelBuilder rule(Condition condition, double points, String group) {
    return new ScoreModelBuilder(
        name,
        description,
        ImmutableList.<ScoreRule>builder()
            .addAll(rules)
            .add(new ScoreRule(condition, points, group))
            .build(),
        groupCaps,
        cap);
  }

  /** The points of a group's rules add up to at most {@code max}. */
  public ScoreModelBuilder groupCap(String group, double max) {
    Map<String, Double> caps = new LinkedHashMap<>(groupCaps);
    caps.put(group, max);
    return new ScoreModelBuilder(name, description, rules, ImmutableMap.copyOf(caps), cap);
  }

  /** The total is at most {@code max}. */
  public ScoreModelBuilder cap(double max) {
    return new ScoreModelBuilder(name, description, rules, groupCaps, max);
  }

  public ScoreModel build() {
    return new ScoreModel(name, description, rules, groupCaps, cap);
  }
}
