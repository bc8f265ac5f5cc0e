package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import dev.segmentation.segment.Tiering;

/** A tiering over the TRUE bits of its tiers' nodes: the first TRUE tier, else otherwise. */
final class TierPlan {
  final String name;
  final int[] tierNodes;
  final ImmutableList<String> names; // tiers in order, then otherwise

  TierPlan(Tiering tiering, int[] tierNodes) {
    this.name = tiering.name();
    this.tierNodes = tierNodes;
    this.names = tiering.tierNames();
  }

  /** The tier index (the last index is otherwise) of the chunk's row at word w, bit bit. */
  int tier(long[][] t, int w, int bit) {
    long mask = 1L << bit;
    for (int i = 0; i < tierNodes.length; i++) {
      if ((t[tierNodes[i]][w] & mask) != 0) {
        return i;
      }
    }
    return tierNodes.length;
  }
}
