package dev.segmentation.segment;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.model.Attribute;
import java.util.Arrays;
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

  /**
   * The 1-based ranks, in the ascending values of a population of {@code population} customers, at
   * which the four cut points are taken: the nearest-rank quintile boundaries {@code ceil(q * n /
   * 5)} for {@code q} = 1 to 4, in exact integer arithmetic. This is the fitting rule of every
   * backend; the value at a rank is taken as it is, so ties are kept together (neighbouring cut
   * points may be equal) and a population under five works the same way (with one customer, all
   * four ranks are 1).
   *
   * <pre>{@code
   * long[] ranks = rfm.cutRanks(10); // 2, 4, 6, 8
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code population} is 0 (no customer has an event of
   *     {@code eventType} in the window: there is nothing to fit) or negative
   */
  public long[] cutRanks(long population) {
    if (population <= 0) {
      throw new IllegalArgumentException(
          population == 0
              ? "no customer has a \""
                  + eventType
                  + "\" event in the window; cannot fit RFM \""
                  + name
                  + "\""
              : "the population of RFM \"" + name + "\" cannot be negative, got " + population);
    }
    if (population > Long.MAX_VALUE / 4) {
      throw new IllegalArgumentException(
          "the population of RFM \"" + name + "\" is too large to rank, got " + population);
    }
    long[] ranks = new long[4];
    for (int q = 1; q <= 4; q++) {
      ranks[q - 1] = (q * population + 4) / 5; // ceil(q * n / 5), >= 1 because n >= 1
    }
    return ranks;
  }

  /**
   * This model with its cut points fitted on the recency (days), frequency and monetary values of a
   * population, one value of each per customer with at least one event in the window, in any order:
   * each cut point is the value at the rank {@link #cutRanks} gives in that measure's sorted
   * values. Reading the values from customers is an engine's job ({@code RfmFit} in the row engine,
   * {@code SparkSegmentation.fitRfm} in Spark); the rule is this one.
   *
   * <pre>{@code
   * RfmModel fitted =
   *     rfm.fittedTo(new double[] {3, 40, 7}, new double[] {1, 1, 4}, new double[] {9.5, 12, 80});
   * }</pre>
   *
   * @throws IllegalArgumentException when the three arrays differ in length, are empty (as {@link
   *     #cutRanks}) or hold a value that is not finite
   */
  public RfmModel fittedTo(double[] recency, double[] frequency, double[] monetary) {
    if (recency == null || frequency == null || monetary == null) {
      throw new IllegalArgumentException(
          "RFM model \""
              + name
              + "\": the recency, frequency and monetary values must not be null");
    }
    if (recency.length != frequency.length || recency.length != monetary.length) {
      throw new IllegalArgumentException(
          "RFM model \""
              + name
              + "\": one recency, frequency and monetary value per customer, got "
              + recency.length
              + ", "
              + frequency.length
              + " and "
              + monetary.length);
    }
    long[] ranks = cutRanks(recency.length);
    return withCutPoints(
        valuesAt(ranks, recency), valuesAt(ranks, frequency), valuesAt(ranks, monetary));
  }

  private List<Double> valuesAt(long[] ranks, double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted); // NaN and infinities sort to the ends
    if (!Double.isFinite(sorted[0]) || !Double.isFinite(sorted[sorted.length - 1])) {
      throw new IllegalArgumentException(
          "RFM model \"" + name + "\": cannot fit on a value that is not finite");
    }
    ImmutableList.Builder<Double> cuts = ImmutableList.builder();
    for (long rank : ranks) {
      cuts.add(sorted[(int) rank - 1]);
    }
    return cuts.build();
  }

  /**
   * This model with other cut points (four ascending finite values each, as the constructor
   * requires), for a backend that takes the values at {@link #cutRanks} itself.
   */
  public RfmModel withCutPoints(
      List<Double> recencyCuts, List<Double> frequencyCuts, List<Double> monetaryCuts) {
    return new RfmModel(
        name,
        description,
        eventType,
        moneyProperty,
        window,
        recencyCuts,
        frequencyCuts,
        monetaryCuts);
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
