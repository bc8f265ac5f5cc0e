package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.util.List;

/**
 * One row of a table seen as a {@link Customer}, for the conditions the columnar engine evaluates
 * row by row through the row engine. Values and events are materialized from the columns on each
 * read (allocating). Mutable ({@link #row}); one per worker, never shared.
 */
final class RowView implements Customer {
  private final CustomerTable table;
  private final Schema schema;
  int row;

  RowView(CustomerTable table) {
    this.table = table;
    this.schema = table.schema();
  }

  @Override
  public String id() {
    return table.id(row);
  }

  @Override
  public Object value(String attribute) {
    int i = schema.indexOf(attribute);
    return i < 0 ? null : table.columns[i].get(row);
  }

  @Override
  public Object value(int position, String attribute) {
    Column[] columns = table.columns;
    if (position >= 0
        && position < columns.length
        && columns[position].attribute.name().equals(attribute)) {
      return columns[position].get(row);
    }
    return value(attribute);
  }

  @Override
  public List<Event> events(String eventType) {
    EventColumns c = table.events(eventType);
    return c == null ? ImmutableList.of() : c.of(row);
  }

  /** An immutable copy of the current row. */
  Customer snapshot() {
    // A table without ids gives its rows as "row N" (documented at CustomerTable.customer).
    SchemaCustomer.Builder b = Customer.builder(schema, table.hasIds() ? id() : "row " + row);
    for (String name : schema.attributes().keySet()) {
      b.set(name, value(name));
    }
    for (String type : schema.eventTypes().keySet()) {
      for (Event e : events(type)) {
        b.event(e);
      }
    }
    return b.build();
  }
}
