package dev.segmentation.segment;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.model.Attribute;
import java.util.List;
import java.util.Map;

/**
 * A lead score (HubSpot-style): the sum of the points of the rules whose condition is TRUE. Points
 * of the rules of one group add up to at most that group's cap; the total is at most {@code
 * totalCap}. Caps limit from above only; negative points are never capped. A score always has a
 * value (0 when no rule applies).
 *
 * @param name unique among the catalog's scores
 * @param description for people; may be empty
 * @param rules the rules in order (unmodifiable)
 * @param groupCaps the cap of each group named by a rule (unmodifiable)
 * @param totalCap the cap of the total, or null for none
 */
public record ScoreModel(
    String name,
    String description,
    List<ScoreRule> rules,
    Map<String, Double> groupCaps,
    Double totalCap) {

  public ScoreModel {
    Attribute.checkName(name, "score");
    description = description == null ? "" : description;
    if (rules == null) {
      throw new IllegalArgumentException("score \"" + name + "\" has no rules list");
    }
    rules = ImmutableList.copyOf(rules);
    groupCaps = groupCaps == null ? ImmutableMap.of() : ImmutableMap.copyOf(groupCaps);
    for (Map.Entry<String, Double> cap : groupCaps.entrySet()) {
      if (cap.getValue() == null || !Double.isFinite(cap.getValue())) {
        throw new IllegalArgumentException(
            "score \"" + name + "\": cap of group \"" + cap.getKey() + "\" must be finite");
      }
    }
    if (totalCap != null && !Double.isFinite(totalCap)) {
      throw new IllegalArgumentException("score \"" + name + "\": total cap must be finite");
    }
  }
}
