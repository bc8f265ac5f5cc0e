package dev.segmentation.model;

/**
 * A customer's events of one type offered by position, without an {@link Event} object per event:
 * their count, the time of event {@code i} in epoch milliseconds, and its properties through one
 * {@link ValueSource} that is re-pointed at event {@code i}. A customer offers it through {@link
 * Customer#eventColumns}; the row engine then reads the events from it instead of from {@link
 * Customer#events} (event conditions and RFM models), which a customer must still answer (the
 * explanations read that list).
 *
 * <p><b>The contract</b> (what a {@code List<Event>} would say by itself):
 *
 * <ul>
 *   <li>The columns hold exactly the events {@link Customer#events} gives for the type, with the
 *       same times and property values, in time order, oldest first (events at the same instant in
 *       the list's order).
 *   <li>Times are whole milliseconds. A customer with an event time finer than a millisecond must
 *       not offer columns for its type (return null from {@link Customer#eventColumns}).
 *   <li>{@link #properties(int)} answers like the event's own {@link Event#value(int, String)}:
 *       canonical values, null for none, positions in the order of the event type's properties,
 *       checked against the name. Its primitive reads ({@link ValueSource#longValue}, {@link
 *       ValueSource#doubleValue}) follow {@link ValueSource}'s contract, so an implementation
 *       holding numbers in primitive arrays answers without boxing.
 *   <li>Nothing changes during an evaluation; the object returned by {@link #properties(int)} is
 *       valid until the next call of it, and one object may be returned for every index.
 * </ul>
 *
 * The engine checks the time order (one pass over {@link #epochMilli}, per type, per evaluation)
 * and reads {@link Customer#events} instead when the times go backwards, so an unsorted
 * implementation is slow, never wrong. It cannot check that the columns and the list agree.
 */
public interface EventColumns {

  /** How many events of the type the customer has. */
  int size();

  /** The time of event {@code i} in epoch milliseconds ({@link java.time.Instant#toEpochMilli}). */
  long epochMilli(int i);

  /**
   * The property values of event {@code i}, through one object re-pointed at it (valid until the
   * next call).
   */
  ValueSource properties(int i);
}
