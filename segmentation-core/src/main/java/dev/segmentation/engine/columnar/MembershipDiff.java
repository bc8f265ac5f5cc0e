package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * Who entered and who left each segment between two batch runs, by customer id.
 *
 * @param changes per segment present in both runs, in the current run's order (unmodifiable)
 */
public record MembershipDiff(Map<String, Change> changes) {
  public MembershipDiff {
    changes = ImmutableMap.copyOf(changes);
  }

  /**
   * One segment's change.
   *
   * @param entered ids that are members now and were not before, in row order (unmodifiable)
   * @param exited ids that were members before and are not now, in the previous run's row order
   *     (unmodifiable)
   */
  public record Change(List<String> entered, List<String> exited) {
    public Change {
      entered = ImmutableList.copyOf(entered);
      exited = ImmutableList.copyOf(exited);
    }
  }

  /** The change of one segment. */
  public Change of(String segment) {
    if (segment == null) {
      throw new IllegalArgumentException("segment must not be null");
    }
    Change c = changes.get(segment);
    if (c == null) {
      throw new IllegalArgumentException(
          "no segment \"" + segment + "\" in both runs; segments in both: " + changes.keySet());
    }
    return c;
  }
}
