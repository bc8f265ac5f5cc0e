package dev.segmentation.live;

import dev.segmentation.engine.columnar.MembershipDiff;
import java.time.Instant;
import java.util.Map;

/**
 * What changed between two snapshots of the same rules: per segment the ids that entered and left,
 * and per tiering (or RFM model) how many customers moved from each tier to each tier.
 *
 * @param from the earlier snapshot's {@code asOf}
 * @param to the later snapshot's {@code asOf}
 * @param segments entered and exited ids per segment, in catalog order
 * @param tierMoves per tiering, {@code from -> to -> customers}, tiers in name order, {@link #NONE}
 *     for a customer with no tier or in only one of the snapshots; staying customers are on the
 *     diagonal
 */
public record SnapshotDiff(
    Instant from,
    Instant to,
    MembershipDiff segments,
    Map<String, Map<String, Map<String, Long>>> tierMoves) {

  /** The tier of a customer with none, or absent from one snapshot. */
  public static final String NONE = "-";
}
