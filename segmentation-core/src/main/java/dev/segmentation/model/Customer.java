package dev.segmentation.model;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;

/**
 * A customer as the engines see it: an id, attribute values and events.
 *
 * <p>Three implementations ship with the library: an immutable customer checked against a schema
 * ({@link #builder(Schema, String)}), a view over a {@code Map} ({@link #ofMap(Schema, String,
 * Map)}), and views over your own objects ({@link CustomerView}). Implement this interface to
 * evaluate any other representation without copying it.
 */
public interface Customer extends ValueSource {

  /** The customer's id, unique within a data set. */
  String id();

  /**
   * The customer's events of one type, in any order; empty when none. The engines read them in time
   * order: a list already sorted oldest first is read as it is, any other is copied and sorted
   * (stably) first, which costs {@code O(n log n)} and an allocation. The returned list must not be
   * modified.
   */
  default List<Event> events(String eventType) {
    return ImmutableList.of();
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
