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
    this.names = ImmutableList.copyOf(tiering.tierNames());
  }

  /**
   * Makes the tiers' nodes exact where they decide the tier of a row of {@code need}: each tier on
   * the rows no earlier tier holds for.
   */
  void request(Scratch s, long[] need, int depth) {
    long[] care = s.frame(depth - 1, 1);
    System.arraycopy(need, 0, care, 0, s.words);
    for (int node : tierNodes) {
      long any = 0;
      for (int w = 0; w < s.words; w++) {
        any |= care[w];
      }
      if (any == 0) {
        return;
      }
      s.request(node, care, depth);
      long[] t = s.t[node];
      for (int w = 0; w < s.words; w++) {
        care[w] &= ~t[w];
      }
    }
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
