package dev.segmentation.sql;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A compiled query and what each column of its result holds, in order.
 *
 * @param sql the query text, for the dialect it was compiled for
 * @param columns the result columns (unmodifiable)
 */
public record SqlQuery(String sql, List<Column> columns) {

  public SqlQuery {
    columns = ImmutableList.copyOf(columns);
  }

  /** What a result column holds. */
  public enum Kind {
    /** The customer id (membership query). */
    ID,
    /** Whether the customer is in the segment: true, or false when FALSE or UNKNOWN. */
    SEGMENT,
    /** The score, a double. */
    SCORE,
    /** The tier's name (never NULL). */
    TIER,
    /** The RFM segment's name, NULL without events in the model's window. */
    RFM,
    /** The RFM scores as {@code R * 100 + F * 10 + M} (each 1-5), NULL without events. */
    RFM_SCORES,
    /** A count (counts query): customers, or the members of a segment. */
    COUNT,
    /** Whole days since the last event in the RFM model's window, NULL without events. */
    RFM_RECENCY,
    /** The number of events in the RFM model's window, NULL without events. */
    RFM_FREQUENCY,
    /** The sum of the money property over the RFM model's window, NULL without events. */
    RFM_MONETARY
  }

  /**
   * One result column.
   *
   * @param kind what it holds
   * @param name the segment, score, tiering or RFM model it belongs to ("" for the id and the
   *     customer count)
   * @param label the column's name in the result, e.g. {@code segment:vip}
   */
  public record Column(Kind kind, String name, String label) {}
}
