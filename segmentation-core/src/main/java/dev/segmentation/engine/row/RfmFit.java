package dev.segmentation.engine.row;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the cut points of an {@link RfmModel} on a population, so that the frozen model scores a
 * single customer in a request with the same thresholds as the batch.
 *
 * <pre>{@code
 * RfmModel rfm = RfmFit.fit("rfm", "", "purchase", "amount", EventWindow.last(2, YEARS),
 *     schema, customers, EvaluationContext.at(asOf));
 * }</pre>
 *
 * <p>Recency (whole days since the last event), frequency (events) and monetary value (sum of the
 * money property) are read exactly as the engines compute them, over the customers that have at
 * least one event in the window; customers without one are left out (they get no RFM segment). Each
 * cut point is a quintile boundary by the nearest-rank method: the value at rank {@code ceil(p *
 * n)} of the sorted values, for {@code p} = 0.2, 0.4, 0.6 and 0.8. Ties are kept together: when
 * many customers share a value (say, one purchase), neighbouring cut points are equal and the
 * scores between them are simply not used, rather than splitting equal customers into different
 * scores. Populations smaller than five work the same way (with one customer, all four cut points
 * are its values).
 */
public final class RfmFit {
  private RfmFit() {}

  /**
   * The model with cut points fitted on {@code population} as of {@code ctx}.
   *
   * @throws IllegalArgumentException when no customer has an event in the window, or the model's
   *     event type or money property does not fit the schema
   */
  public static RfmModel fit(
      String name,
      String description,
      String eventType,
      String moneyProperty,
      EventWindow window,
      Schema schema,
      Iterable<? extends Customer> population,
      EvaluationContext ctx) {
    ImmutableList<Double> provisional = ImmutableList.of(0.0, 1.0, 2.0, 3.0);
    RfmModel draft =
        new RfmModel(
            name,
            description,
            eventType,
            moneyProperty,
            window,
            provisional,
            provisional,
            provisional);
    CompiledCatalog compiled =
        RowEngine.compile(
            new Catalog(ImmutableList.of(), null, null, ImmutableList.of(draft)), schema);
    List<Double> recency = new ArrayList<>();
    List<Double> frequency = new ArrayList<>();
    List<Double> monetary = new ArrayList<>();
    for (Customer c : population) {
      RfmScores raw = compiled.rfm(name, c, ctx);
      if (raw != null) {
        recency.add((double) raw.recencyDays());
        frequency.add((double) raw.frequency());
        monetary.add(raw.monetary());
      }
    }
    if (recency.isEmpty()) {
      throw new IllegalArgumentException(
          "no customer has a \""
              + eventType
              + "\" event in the window; cannot fit RFM \""
              + name
              + "\"");
    }
    return new RfmModel(
        name,
        description,
        eventType,
        moneyProperty,
        window,
        quintiles(recency),
        quintiles(frequency),
        quintiles(monetary));
  }

  /** The 20th, 40th, 60th and 80th percentiles by nearest rank. */
  static ImmutableList<Double> quintiles(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    ImmutableList.Builder<Double> cuts = ImmutableList.builder();
    for (int q = 1; q <= 4; q++) {
      int rank = (int) Math.ceil(q * sorted.length / 5.0);
      cuts.add(sorted[Math.max(rank, 1) - 1]);
    }
    return cuts.build();
  }
}
