package dev.segmentation.dsl;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Condition;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;

/**
 * An exclusive segmentation under construction; {@link #otherwise(String)} completes it. Immutable.
 *
 * <pre>{@code
 * Tiering value = tiering("value")
 *     .tier("platinum", SPEND_12M.ge(5000))
 *     .tier("gold", SPEND_12M.ge(1000))
 *     .otherwise("bronze");
 * }</pre>
 */
public final class TieringBuilder {
  private final String name;
  private final String description;
  private final ImmutableList<Tier> tiers;

  TieringBuilder(String name, String description, ImmutableList<Tier> tiers) {
    this.name = name;
    this.description = description;
    this.tiers = tiers;
  }

  public TieringBuilder describedAs(String newDescription) {
    return new TieringBuilder(name, newDescription, tiers);
  }

  /** The next tier, for customers no earlier tier took and for whom {@code condition} is TRUE. */
  public TieringBuilder tier(String tier, Condition condition) {
    return new TieringBuilder(
        name,
        description,
        ImmutableList.<Tier>builder().addAll(tiers).add(new Tier(tier, condition)).build());
  }

  /** The tiering, with {@code tier} for customers no tier took. */
  public Tiering otherwise(String tier) {
    return new Tiering(name, description, tiers, tier);
  }
}
