package dev.segmentation.engine.columnar;

import java.time.Instant;

/**
 * Instants {@code t} with {@code (loSec, loNano) <= t <= (hiSec, hiNano)}, both ends inclusive, as
 * primitives: the form kernels compare (epoch second, nano) pairs with. Empty when the low end is
 * after the high end.
 */
record InstantInterval(long loSec, int loNano, long hiSec, int hiNano) {
  private static final int NANOS = 1_000_000_000;

  /**
   * The instants between {@code low} and {@code high}, each end inclusive or exclusive; a null end
   * is open.
   */
  static InstantInterval of(
      Instant low, boolean lowInclusive, Instant high, boolean highInclusive) {
    long ls = Long.MIN_VALUE;
    int ln = 0;
    if (low != null) {
      ls = low.getEpochSecond();
      ln = low.getNano();
      if (!lowInclusive && ++ln == NANOS) { // the next nanosecond
        ln = 0;
        ls++;
      }
    }
    long hs = Long.MAX_VALUE;
    int hn = NANOS - 1;
    if (high != null) {
      hs = high.getEpochSecond();
      hn = high.getNano();
      if (!highInclusive && --hn < 0) { // the previous nanosecond
        hn = NANOS - 1;
        hs--;
      }
    }
    return new InstantInterval(ls, ln, hs, hn);
  }

  /**
   * The epoch seconds {@code s} for which the whole second {@code (s, 0)} is in this interval: a
   * column without fractions of seconds is filtered on its seconds alone.
   */
  Interval seconds(boolean negate) {
    // (s, 0) >= (loSec, loNano) when s > loSec, or s == loSec and loNano == 0; (s, 0) <= (hiSec,
    // hiNano) when s <= hiSec, as hiNano >= 0.
    long lo = loNano > 0 ? loSec + 1 : loSec;
    return new Interval(lo, hiSec, negate);
  }
}
