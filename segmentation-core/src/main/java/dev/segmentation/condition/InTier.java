package dev.segmentation.condition;

import java.util.Objects;

/**
 * TRUE when the customer's tier in a tiering (or RFM model) of the catalog is {@code tier}, FALSE
 * when it is another tier, UNKNOWN when the customer has no tier there (an RFM model gives no tier
 * to a customer without events).
 *
 * @param tiering the name of the tiering or RFM model
 * @param tier the tier's name
 */
public record InTier(String tiering, String tier) implements Condition {
  public InTier {
    Args.name(tiering, "tiering");
    Args.name(tier, "tier");
  }

  // Explicit equals and hashCode, with the record defaults' meaning: see Condition.
  @Override
  public boolean equals(Object o) {
    return o instanceof InTier that
        && Objects.equals(tiering, that.tiering)
        && Objects.equals(tier, that.tier);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tiering, tier);
  }

  @Override
  public Kind kind() {
    return Kind.IN_TIER;
  }
}
