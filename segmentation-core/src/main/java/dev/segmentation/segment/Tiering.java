package dev.segmentation.segment;

import com.google.common.collect.ImmutableList;
import dev.segmentation.model.Attribute;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An exclusive segmentation: every customer gets exactly one tier, the first whose condition is
 * TRUE, or {@code otherwise} when none is. Example: platinum / gold / silver by 12-month spend,
 * otherwise bronze.
 *
 * @param name unique among the catalog's tierings and RFM models
 * @param description for people; may be empty
 * @param tiers the tiers in priority order (unmodifiable)
 * @param otherwise the tier of customers no tier matches; must differ from the others
 */
public record Tiering(String name, String description, List<Tier> tiers, String otherwise) {
  public Tiering {
    Attribute.checkName(name, "tiering");
    description = description == null ? "" : description;
    if (tiers == null) {
      throw new IllegalArgumentException("tiering \"" + name + "\" has no tiers list");
    }
    tiers = ImmutableList.copyOf(tiers);
    Attribute.checkName(otherwise, "tier");
    Set<String> names = new HashSet<>();
    for (Tier t : tiers) {
      if (!names.add(t.name())) {
        throw new IllegalArgumentException(
            "tiering \"" + name + "\" has two tiers named \"" + t.name() + "\"");
      }
    }
    if (names.contains(otherwise)) {
      throw new IllegalArgumentException(
          "tiering \"" + name + "\": otherwise tier \"" + otherwise + "\" is also a tier");
    }
  }

  /** The tier names in order, then {@code otherwise}. */
  public List<String> tierNames() {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (Tier t : tiers) {
      b.add(t.name());
    }
    return b.add(otherwise).build();
  }
}
