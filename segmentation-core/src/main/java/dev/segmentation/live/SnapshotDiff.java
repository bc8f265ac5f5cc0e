package dev.segmentation.live;

import com.google.common.collect.ImmutableMap;
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
 *     diagonal (unmodifiable, at every level)
 */
public record SnapshotDiff(
    Instant from,
    Instant to,
    MembershipDiff segments,
    Map<String, Map<String, Map<String, Long>>> tierMoves) {

  public SnapshotDiff {
    ImmutableMap.Builder<String, Map<String, Map<String, Long>>> moves = ImmutableMap.builder();
    tierMoves.forEach(
        (tiering, rows) -> {
          ImmutableMap.Builder<String, Map<String, Long>> copy = ImmutableMap.builder();
          rows.forEach((fromTier, toTiers) -> copy.put(fromTier, ImmutableMap.copyOf(toTiers)));
          moves.put(tiering, copy.buildOrThrow());
        });
    tierMoves = moves.buildOrThrow();
  }

  /** The tier of a customer with none, or absent from one snapshot. */
  public static final String NONE = "-";
}
