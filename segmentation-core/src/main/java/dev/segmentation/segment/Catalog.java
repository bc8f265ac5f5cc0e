package dev.segmentation.segment;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segments, scores, tierings and RFM models that are evaluated together, and that may refer to
 * each other by name ({@code inSegment}, {@code score}, {@code inTier}). Names are unique within
 * their kind; tierings and RFM models share one namespace. References and cycles are checked by the
 * checker, which names the cycle.
 *
 * @param segments the segments in order (unmodifiable)
 * @param scores the score models (unmodifiable)
 * @param tierings the tierings (unmodifiable)
 * @param rfmModels the RFM models (unmodifiable)
 */
public record Catalog(
    List<Segment> segments,
    List<ScoreModel> scores,
    List<Tiering> tierings,
    List<RfmModel> rfmModels) {

  public Catalog {
    segments = segments == null ? ImmutableList.of() : ImmutableList.copyOf(segments);
    scores = scores == null ? ImmutableList.of() : ImmutableList.copyOf(scores);
    tierings = tierings == null ? ImmutableList.of() : ImmutableList.copyOf(tierings);
    rfmModels = rfmModels == null ? ImmutableList.of() : ImmutableList.copyOf(rfmModels);
    unique("segment", segments.stream().map(Segment::name).toList());
    unique("score", scores.stream().map(ScoreModel::name).toList());
    unique(
        "tiering or RFM model",
        ImmutableList.<String>builder()
            .addAll(tierings.stream().map(Tiering::name).iterator())
            .addAll(rfmModels.stream().map(RfmModel::name).iterator())
            .build());
  }

  private static void unique(String what, List<String> names) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Integer previous = seen.putIfAbsent(names.get(i), i);
      if (previous != null) {
        throw new IllegalArgumentException(
            what
                + " \""
                + names.get(i)
                + "\" is defined twice (positions "
                + previous
                + " and "
                + i
                + ")");
      }
    }
  }

  /** A catalog of segments only. */
  public static Catalog of(Segment... segments) {
    return new Catalog(ImmutableList.copyOf(segments), null, null, null);
  }

  /** A catalog of segments only. */
  public static Catalog of(List<Segment> segments) {
    return new Catalog(ImmutableList.copyOf(segments), null, null, null);
  }

  /** The segments by name, in order. */
  public Map<String, Segment> segmentsByName() {
    return segments.stream().collect(ImmutableMap.toImmutableMap(Segment::name, s -> s));
  }

  /**
   * This catalog with {@code segment} in place of the segment of the same name, or added last: how
   * a service applies a segment a marketer edited in a UI.
   */
  public Catalog withSegment(Segment segment) {
    if (segment == null) {
      throw new IllegalArgumentException("segment must not be null");
    }
    ImmutableList.Builder<Segment> b = ImmutableList.builder();
    boolean replaced = false;
    for (Segment s : segments) {
      if (s.name().equals(segment.name())) {
        b.add(segment);
        replaced = true;
      } else {
        b.add(s);
      }
    }
    if (!replaced) {
      b.add(segment);
    }
    return new Catalog(b.build(), scores, tierings, rfmModels);
  }

  /** The segment with this name, or null. */
  public Segment segment(String name) {
    for (Segment s : segments) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
