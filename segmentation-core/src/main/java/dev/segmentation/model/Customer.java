package dev.segmentation.model;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;

/**
 * A customer as the engines see it: an id, attribute values and events.
 *
 * <p>Implementations that ship with the library: an immutable customer checked against a schema
 * ({@link #builder(Schema, String)}, or {@link #ofMap(Schema, String, Map)} from a map), a live
 * view over a {@code Map} ({@link CustomerView#overMap}), and views over your own objects ({@link
 * CustomerView}). Implement this interface to evaluate any other representation without copying it.
 *
 * <p>One implementation object may serve many customers in turn: the engines keep no reference to a
 * customer after the call that evaluates it returns ({@code CustomerTable} and the membership
 * tracker copy what they keep), so an adapter re-pointed at the next record between calls is
 * correct, and allocates nothing. Never re-point it during a call (an accessor that evaluates again
 * must not move it). {@link CustomerView.Reader} is such an adapter, checked against the schema by
 * name when the view is built, so that a position and its attribute cannot drift apart as they can
 * in a hand-written {@code switch} over positions (see {@link ValueSource#value(int, String)}).
 */
public interface Customer extends ValueSource {

  /** The customer's id, unique within a data set. */
  String id();

  /**
   * The customer's events of one type, in any order; empty when none. The engines read them in time
   * order: a list already sorted oldest first is read as it is, after one pass that checks the
   * order; any other is sorted (stably) each time an evaluation reads it, in {@code O(n log n)}.
   * The row engine sorts into a list its thread reuses, which allocates nothing once that list has
   * grown, except the sort's work array for lists of 32 events or more; a {@code CustomerTable}
   * stores a sorted copy once. Return them oldest first when you can. The returned list must not be
   * modified.
   */
  default List<Event> events(String eventType) {
    return ImmutableList.of();
  }

  /**
   * The customer's events of one type by position, without an {@link Event} per event, or null (the
   * default) to be read through {@link #events}. See {@link EventColumns} for the contract: the
   * same events as {@link #events} gives, in time order, with whole-millisecond times.
   */
  default EventColumns eventColumns(String eventType) {
    return null;
  }

  /** A builder of an immutable customer whose values are checked against {@code schema}. */
  static SchemaCustomer.Builder builder(Schema schema, String id) {
    return SchemaCustomer.builder(schema, id);
  }

  /**
   * An immutable customer from a map of attribute name to raw value, checked and converted against
   * the schema now.
   *
   * @throws InvalidDataException naming the customer and attribute on an unknown attribute, a value
   *     of the wrong type, or NaN
   */
  static Customer ofMap(Schema schema, String id, Map<String, ?> values) {
    SchemaCustomer.Builder b = SchemaCustomer.builder(schema, id);
    for (Map.Entry<String, ?> e : values.entrySet()) {
      b.set(e.getKey(), e.getValue());
    }
    return b.build();
  }
}
