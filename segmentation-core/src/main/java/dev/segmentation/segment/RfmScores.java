package dev.segmentation.segment;

/**
 * A customer's RFM result under one {@link RfmModel}.
 *
 * @param recencyDays whole days since the last event in the window
 * @param frequency number of events in the window
 * @param monetary sum of the money property over those events
 * @param r recency score 1-5
 * @param f frequency score 1-5
 * @param m monetary score 1-5
 * @param segment the named segment of (r, f, m)
 */
public record RfmScores(
    long recencyDays, long frequency, double monetary, int r, int f, int m, RfmSegment segment) {

  /** Scores raw values with the model's frozen cut points. */
  public static RfmScores of(RfmModel model, long recencyDays, long frequency, double monetary) {
    int r = model.recencyScore(recencyDays);
    int f = model.frequencyScore(frequency);
    int m = model.monetaryScore(monetary);
    return new RfmScores(recencyDays, frequency, monetary, r, f, m, RfmSegment.of(r, f, m));
  }
}
