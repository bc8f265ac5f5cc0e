package dev.segmentation.spark;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * The number of customers and the members of each segment, as {@link SparkSegmentation#counts}
 * computes them.
 *
 * <pre>{@code
 * SegmentCounts counts = segmentation.counts(customers, events, ctx);
 * long vips = counts.members("vip"); // customers whose "vip" condition is TRUE
 * }</pre>
 *
 * @param customers every customer of the customers dataset
 * @param members each segment's member count, in catalog order (unmodifiable)
 */
public record SegmentCounts(long customers, Map<String, Long> members) {

  public SegmentCounts {
    members = ImmutableMap.copyOf(members);
  }

  /**
   * The members of {@code segment}.
   *
   * @throws IllegalArgumentException when the catalog has no such segment
   */
  public long members(String segment) {
    Long n = members.get(segment);
    if (n == null) {
      throw new IllegalArgumentException(
          "no segment \"" + segment + "\"; the segments are " + members.keySet());
    }
    return n;
  }
}
