package dev.segmentation.segment;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.model.Attribute;
import java.util.List;

/**
 * Recency, frequency and monetary scoring of customers from one event type.
 *
 * <p>For a customer, over the events of {@code eventType} in {@code window}: recency is the whole
 * days since the last event, frequency the number of events, monetary the sum of {@code
 * moneyProperty}. Each is scored 1 to 5 against four frozen cut points (quintile boundaries fitted
 * on a population), so that a single customer is scored in a request with the same thresholds as a
 * batch. A customer with no event in the window has no RFM scores and no RFM segment.
 *
 * @param name unique among the catalog's tierings and RFM models
 * @param description for people; may be empty
 * @param eventType the event type, e.g. {@code purchase}
 * @param moneyProperty its numeric money property, e.g. {@code amount}
 * @param window which events count
 * @param recencyCuts four ascending day counts; fewer days since the last event scores higher
 * @param frequencyCuts four ascending event counts; more events score higher
 * @param monetaryCuts four ascending sums; more money scores higher (each list unmodifiable)
 */
public record RfmModel(
    String name,
    String description,
    String eventType,
    String moneyProperty,
    EventWindow window,
    List<Double> recencyCuts,
    List<Double> frequencyCuts,
    List<Double> monetaryCuts) {

  public RfmModel {
    Attribute.checkName(name, "RFM model");
    description = description == null ? "" : description;
    Attribute.checkName(eventType, "event type");
    Attribute.checkName(moneyProperty, "money property");
    if (window == null) {
      throw new IllegalArgumentException("RFM model \"" + name + "\" has no window");
    }
    recencyCuts = cuts(name, "recency", recencyCuts);
    frequencyCuts = cuts(name, "frequency", frequencyCuts);
    monetaryCuts = cuts(name, "monetary", monetaryCuts);
  }

  private static ImmutableList<Double> cuts(String model, String what, List<Double> cuts) {
    if (cuts == null || cuts.size() != 4) {
      throw new IllegalArgumentException(
          "RFM model \"" + model + "\": " + what + " needs exactly 4 cut points");
    }
    double previous = Double.NEGATIVE_INFINITY;
    for (Double c : cuts) {
      if (c == null || !Double.isFinite(c) || c < previous) {
        throw new IllegalArgumentException(
            "RFM model \""
                + model
                + "\": "
                + what
                + " cut points must be finite and ascending, got "
                + cuts);
      }
      previous = c;
    }
    return ImmutableList.copyOf(cuts);
  }

  /** Recency score 1-5: 5 when {@code days <= cut[0]}, ..., 1 when {@code days > cut[3]}. */
  public int recencyScore(long days) {
    for (int i = 0; i < 4; i++) {
      if (days <= recencyCuts.get(i)) {
        return 5 - i;
      }
    }
    return 1;
  }

  /** Frequency score 1-5: 1 when {@code count <= cut[0]}, ..., 5 when {@code count > cut[3]}. */
  public int frequencyScore(long count) {
    return ascendingScore(count, frequencyCuts);
  }

  /** Monetary score 1-5: 1 when {@code sum <= cut[0]}, ..., 5 when {@code sum > cut[3]}. */
  public int monetaryScore(double sum) {
    return ascendingScore(sum, monetaryCuts);
  }

  private static int ascendingScore(double value, List<Double> cuts) {
    for (int i = 0; i < 4; i++) {
      if (value <= cuts.get(i)) {
        return i + 1;
      }
    }
    return 5;
  }
}
