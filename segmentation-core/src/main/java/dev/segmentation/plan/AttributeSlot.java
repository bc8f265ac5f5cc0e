package dev.segmentation.plan;

import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Schema;
import java.util.List;

/**
 * An attribute resolved against the schema of its {@link Plan}: what a backend reads for a leaf,
 * without looking its name up again. In a catalog's plan the schema is the customers'; in a plan of
 * event filters ({@link Plan#eventFilters}) and for an event node's {@link PlanNode#property()} it
 * is the event type's properties in declaration order ({@link Schema#ofProperties}).
 *
 * <pre>{@code
 * Schema schema = Schema.builder().attribute("country", AttributeType.STRING)
 *     .attribute("age", AttributeType.INTEGER).build();
 * Catalog catalog = Catalog.of(Segment.of("adult", new Compare("age", Operator.GE, 18L)));
 * Plan plan = Plan.of(Checker.standard().checked(catalog, schema));
 * AttributeSlot age = plan.node(plan.segment(0).node()).attribute(); // [age, INTEGER, 1]
 * assert age.isIn(schema); // the schema names "age" at position 1
 * }</pre>
 *
 * @param name the attribute's name, the schema's own String (so that a reader comparing names
 *     usually compares identities)
 * @param type its declared type
 * @param position its position in the schema ({@link Schema#indexOf}): the column of a table, the
 *     position passed to {@link dev.segmentation.model.ValueSource#value(int, String)}
 */
public record AttributeSlot(String name, AttributeType type, int position) {
  public AttributeSlot {
    if (name == null || type == null) {
      throw new IllegalArgumentException("name and type must not be null");
    }
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative, got " + position);
    }
  }

  /**
   * The slot of attribute {@code name} of {@code schema}.
   *
   * @throws IllegalArgumentException when the schema has no such attribute
   */
  public static AttributeSlot of(Schema schema, String name) {
    Attribute<?> a = schema.attribute(name);
    if (a == null) {
      throw new IllegalArgumentException("the schema has no attribute \"" + name + "\"");
    }
    AttributeSlot slot = new AttributeSlot(a.name(), a.type(), schema.indexOf(name));
    assert schema.attributeList().get(slot.position()).name().equals(name) : slot;
    return slot;
  }

  /** Whether this slot names the attribute at its position of {@code schema}, with this type. */
  public boolean isIn(Schema schema) {
    List<Attribute<?>> list = schema.attributeList();
    return position < list.size()
        && list.get(position).name().equals(name)
        && list.get(position).type() == type;
  }
}
