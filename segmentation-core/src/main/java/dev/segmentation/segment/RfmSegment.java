package dev.segmentation.segment;

import dev.segmentation.model.ExternalName;

/**
 * The usual named RFM segments, from the recency score R and the rounded mean of the frequency and
 * monetary scores FM = round((F + M) / 2) (halves round up). The first matching row wins:
 *
 * <table>
 *   <caption>RFM segment by R and FM</caption>
 *   <tr><th>segment</th><th>R</th><th>FM</th></tr>
 *   <tr><td>champions</td><td>4-5</td><td>4-5</td></tr>
 *   <tr><td>loyal</td><td>3</td><td>4-5</td></tr>
 *   <tr><td>cannot lose them</td><td>1</td><td>4-5</td></tr>
 *   <tr><td>at risk</td><td>2</td><td>3-5</td></tr>
 *   <tr><td>at risk</td><td>1</td><td>3</td></tr>
 *   <tr><td>potential loyalist</td><td>4-5</td><td>2-3</td></tr>
 *   <tr><td>need attention</td><td>3</td><td>3</td></tr>
 *   <tr><td>new</td><td>5</td><td>1</td></tr>
 *   <tr><td>promising</td><td>4</td><td>1</td></tr>
 *   <tr><td>about to sleep</td><td>3</td><td>1-2</td></tr>
 *   <tr><td>hibernating</td><td>2</td><td>1-2</td></tr>
 *   <tr><td>lost</td><td>1</td><td>1-2</td></tr>
 * </table>
 *
 * Every (R, FM) pair in 1-5 x 1-5 has exactly one segment; a test enumerates all 125 (R, F, M).
 */
public enum RfmSegment implements ExternalName {
  CHAMPIONS("champions"),
  LOYAL("loyal"),
  CANNOT_LOSE_THEM("cannotLoseThem"),
  AT_RISK("atRisk"),
  POTENTIAL_LOYALIST("potentialLoyalist"),
  NEED_ATTENTION("needAttention"),
  NEW("new"),
  PROMISING("promising"),
  ABOUT_TO_SLEEP("aboutToSleep"),
  HIBERNATING("hibernating"),
  LOST("lost");

  private final String externalName;

  RfmSegment(String externalName) {
    this.externalName = externalName;
  }

  /** The tier name used by {@code inTier("rfm", "champions")} and in rule documents. */
  @Override
  public String externalName() {
    return externalName;
  }

  /** The segment with this external name, or null. */
  public static RfmSegment fromExternalName(String name) {
    return ExternalName.find(RfmSegment.class, name);
  }

  /**
   * The segment of scores r, f, m, each 1 to 5.
   *
   * @throws IllegalArgumentException when a score is outside 1-5
   */
  public static RfmSegment of(int r, int f, int m) {
    if (r < 1 || r > 5 || f < 1 || f > 5 || m < 1 || m > 5) {
      throw new IllegalArgumentException(
          "RFM scores must be 1 to 5, got R=" + r + " F=" + f + " M=" + m);
    }
    int fm = (f + m + 1) / 2;
    if (r >= 4 && fm >= 4) {
      return CHAMPIONS;
    }
    if (r == 3 && fm >= 4) {
      return LOYAL;
    }
    if (r == 1 && fm >= 4) {
      return CANNOT_LOSE_THEM;
    }
    if ((r == 2 && fm >= 3) || (r == 1 && fm == 3)) {
      return AT_RISK;
    }
    if (r >= 4 && fm >= 2) {
      return POTENTIAL_LOYALIST;
    }
    if (r == 3 && fm == 3) {
      return NEED_ATTENTION;
    }
    if (r == 5) {
      return NEW;
    }
    if (r == 4) {
      return PROMISING;
    }
    if (r == 3) {
      return ABOUT_TO_SLEEP;
    }
    if (r == 2) {
      return HIBERNATING;
    }
    return LOST;
  }
}
