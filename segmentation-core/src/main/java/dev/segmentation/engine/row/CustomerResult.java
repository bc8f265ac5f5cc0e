package dev.segmentation.engine.row;

import dev.segmentation.engine.Explanation;
import dev.segmentation.segment.RfmScores;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a catalog says about one customer at one instant: the segments they are in, every
 * score, every tier, every RFM result, and optionally why. Immutable, with JDK collections only, so
 * that a service can return it as JSON as it is (Jackson writes records).
 *
 * <pre>{@code
 * CustomerResult all = compiled.evaluateCustomer(customer, ctx, false);
 * all.segments();          // ["adults", "loyal"], in catalog order
 * all.scores().get("engagement");
 * all.tiers().get("value"); // "gold"
 * }</pre>
 *
 * @param id the customer's id
 * @param asOf the instant of the evaluation, ISO-8601 as {@code Instant.toString()} writes it (a
 *     string, so that any JSON library writes the result without a date-time module)
 * @param segments the segments whose condition is TRUE, in catalog order
 * @param scores each score model's score, in catalog order
 * @param tiers each tiering's tier and each RFM model's segment name (absent for an RFM model when
 *     the customer has no event in its window), in catalog order
 * @param rfm each RFM model's scores (absent without events in its window), in catalog order
 * @param explanations when asked for, why the customer is or is not in each segment, in catalog
 *     order; otherwise empty
 */
public record CustomerResult(
    String id,
    String asOf,
    List<String> segments,
    Map<String, Double> scores,
    Map<String, String> tiers,
    Map<String, RfmScores> rfm,
    Map<String, Explanation> explanations) {

  public CustomerResult {
    if (id == null || asOf == null) {
      throw new IllegalArgumentException("id and asOf must not be null");
    }
    segments = List.copyOf(segments);
    scores = ordered(scores);
    tiers = ordered(tiers);
    rfm = ordered(rfm);
    explanations = ordered(explanations);
  }

  /** An unmodifiable copy that keeps the given order. */
  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
