package dev.segmentation.segment;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the quintile cut points of an {@link RfmModel} on a population, so that the frozen model
 * scores any single customer later with the same thresholds.
 *
 * <p>Method: the raw recency days, frequency and monetary values are read from the row engine (the
 * same window semantics as evaluation). Customers with no event in the window have no RFM values
 * and are left out. Each list is sorted ascending and the cut points are the 20th, 40th, 60th and
 * 80th percentiles by the nearest-rank method: the {@code p}-th percentile of {@code n} sorted
 * values is the value at 1-based rank {@code ceil(p / 100 * n)}. Ties are kept: equal values may
 * give equal cut points, which {@link RfmModel} accepts, and then a score band is simply empty. A
 * population smaller than 5 still gets cut points from the same formula (with one customer, all
 * four cuts equal that customer's value); a population with no customer having an event in the
 * window is an error, since there is nothing to fit.
 *
 * <pre>{@code
 * RfmModel rfm = RfmFit.fit("rfm", "purchases, last year", "purchase", "amount",
 *     EventWindow.last(12, TimeUnit.MONTHS), customers, EvaluationContext.at(asOf), schema);
 * }</pre>
 */
public final class RfmFit {
  private RfmFit() {}

  /**
   * Fits an RFM model's cut points on {@code population} as of {@code ctx}.
   *
   * @throws IllegalArgumentException when no customer has an event of {@code eventType} in the
   *     window, or when the event type or money property do not fit the schema
   */
  public static RfmModel fit(
      String name,
      String description,
      String eventType,
      String moneyProperty,
      EventWindow window,
      Iterable<? extends Customer> population,
      EvaluationContext ctx,
      Schema schema) {
    if (population == null || ctx == null || schema == null) {
      throw new IllegalArgumentException(
          "RFM fit of \"" + name + "\" needs a population, a context and a schema");
    }
    ImmutableList<Double> provisional = ImmutableList.of(0.0, 1.0, 2.0, 3.0);
    RfmModel probe =
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
            new Catalog(
                ImmutableList.of(),
                ImmutableList.of(),
                ImmutableList.of(),
                ImmutableList.of(probe)),
            schema);
    List<Double> recency = new ArrayList<>();
    List<Double> frequency = new ArrayList<>();
    List<Double> monetary = new ArrayList<>();
    for (Customer c : population) {
      RfmScores s = compiled.rfm(name, c, ctx);
      if (s != null) {
        recency.add((double) s.recencyDays());
        frequency.add((double) s.frequency());
        monetary.add(s.monetary());
      }
    }
    if (recency.isEmpty()) {
      throw new IllegalArgumentException(
          "RFM fit of \""
              + name
              + "\": no customer has a \""
              + eventType
              + "\" event in the window, nothing to fit");
    }
    return new RfmModel(
        name,
        description,
        eventType,
        moneyProperty,
        window,
        quintileCuts(recency),
        quintileCuts(frequency),
        quintileCuts(monetary));
  }

  /** The nearest-rank 20th, 40th, 60th and 80th percentiles of non-empty {@code values}. */
  static ImmutableList<Double> quintileCuts(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    ImmutableList.Builder<Double> cuts = ImmutableList.builder();
    for (int p = 20; p <= 80; p += 20) {
      int rank = (p * n + 99) / 100; // ceil(p / 100 * n) in exact integer arithmetic, >= 1
      cuts.add(sorted[rank - 1]);
    }
    return cuts.build();
  }
}
