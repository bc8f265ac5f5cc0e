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
 * least one event in the window; customers without one are left out (they get no RFM segment). The
 * cut points are then fitted by {@link RfmModel#fittedTo}, the one rule of every backend (nearest
 * rank quintile boundaries, ties kept together; see {@link RfmModel#cutRanks}). This class is the
 * part that reads customers, so it stays with the row engine.
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
    List<RfmScores> values = new ArrayList<>();
    for (Customer c : population) {
      RfmScores raw = compiled.rfm(name, c, ctx);
      if (raw != null) {
        values.add(raw);
      }
    }
    return draft.fittedTo(
        values.stream().mapToDouble(RfmScores::recencyDays).toArray(),
        values.stream().mapToDouble(RfmScores::frequency).toArray(),
        values.stream().mapToDouble(RfmScores::monetary).toArray());
  }
}
