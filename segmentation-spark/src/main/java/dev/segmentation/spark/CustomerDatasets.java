package dev.segmentation.spark;

import com.google.common.collect.ImmutableMap;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.TableLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Library customers as Spark datasets in the layout {@link SparkSegmentation} reads, built in the
 * driver: for tests, examples, and populations that fit in the driver's memory (to write them as
 * Parquet for a cluster, say). Values are exactly the library's: dates as {@code LocalDate},
 * timestamps as {@code Instant}, tag sets as arrays.
 *
 * <pre>{@code
 * Dataset<Row> customers = CustomerDatasets.customers(spark, schema, Mapping.defaults(), list);
 * Map<String, Dataset<Row>> events = CustomerDatasets.events(spark, schema, Mapping.defaults(), list);
 * }</pre>
 */
public final class CustomerDatasets {
  private CustomerDatasets() {}

  /**
   * One row per customer: the id, then each attribute (a point as two columns).
   *
   * @throws dev.segmentation.model.InvalidDataException naming the customer and attribute when a
   *     value cannot be held by Spark (a timestamp with nanoseconds, a date outside years 1 to
   *     9999)
   */
  public static Dataset<Row> customers(
      SparkSession spark, Schema schema, Mapping names, Collection<? extends Customer> customers) {
    TableLoader check = TableLoader.of(Dialect.SPARK, schema, names);
    customers.forEach(check::check);
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(names.idColumn(), DataTypes.StringType, false));
    for (Attribute<?> a : schema.attributeList()) {
      if (a.type() == AttributeType.GEO_POINT) {
        fields.add(field(names.latitudeColumn(a.name()), AttributeType.GEO_POINT));
        fields.add(field(names.longitudeColumn(a.name()), AttributeType.GEO_POINT));
      } else {
        fields.add(field(names.column(a.name()), a.type()));
      }
    }
    List<Row> rows = new ArrayList<>(customers.size());
    for (Customer c : customers) {
      List<Object> row = new ArrayList<>(fields.size());
      row.add(c.id());
      for (Attribute<?> a : schema.attributeList()) {
        add(row, a.type(), c.value(a.name()));
      }
      rows.add(RowFactory.create(row.toArray()));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }

  /**
   * The events of each event type of the schema: the customer, the time, then each property.
   *
   * @throws dev.segmentation.model.InvalidDataException as {@link #customers}
   */
  public static Map<String, Dataset<Row>> events(
      SparkSession spark, Schema schema, Mapping names, Collection<? extends Customer> customers) {
    TableLoader check = TableLoader.of(Dialect.SPARK, schema, names);
    customers.forEach(check::check);
    ImmutableMap.Builder<String, Dataset<Row>> out = ImmutableMap.builder();
    for (EventType type : schema.eventTypes().values()) {
      List<Row> rows = new ArrayList<>();
      for (Customer c : customers) {
        for (Event e : c.events(type.name())) {
          List<Object> row = new ArrayList<>();
          row.add(c.id());
          row.add(e.timestamp());
          for (Attribute<?> p : type.properties().values()) {
            add(row, p.type(), e.value(p.name()));
          }
          rows.add(RowFactory.create(row.toArray()));
        }
      }
      out.put(type.name(), spark.createDataFrame(rows, eventSchema(type, names)));
    }
    return out.build();
  }

  /** The columns of an event type's dataset, in the names of {@code names}. */
  static StructType eventSchema(EventType type, Mapping names) {
    List<StructField> fields = new ArrayList<>();
    fields.add(
        DataTypes.createStructField(names.eventCustomerColumn(), DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(names.eventTimeColumn(), DataTypes.TimestampType, true));
    for (Attribute<?> a : type.properties().values()) {
      if (a.type() == AttributeType.GEO_POINT) {
        fields.add(
            field(names.propertyLatitudeColumn(type.name(), a.name()), AttributeType.GEO_POINT));
        fields.add(
            field(names.propertyLongitudeColumn(type.name(), a.name()), AttributeType.GEO_POINT));
      } else {
        fields.add(field(names.propertyColumn(type.name(), a.name()), a.type()));
      }
    }
    return DataTypes.createStructType(fields);
  }

  /**
   * The Spark type of an attribute type's column in the layout: STRING, BIGINT, DOUBLE, BOOLEAN,
   * DATE, TIMESTAMP, ARRAY&lt;STRING&gt;; a point is two DOUBLE columns.
   */
  public static DataType sparkType(AttributeType t) {
    switch (t) {
      case STRING:
        return DataTypes.StringType;
      case INTEGER:
        return DataTypes.LongType;
      case NUMBER:
      case GEO_POINT:
        return DataTypes.DoubleType;
      case BOOLEAN:
        return DataTypes.BooleanType;
      case DATE:
        return DataTypes.DateType;
      case TIMESTAMP:
        return DataTypes.TimestampType;
      case STRING_SET:
        return DataTypes.createArrayType(DataTypes.StringType, true);
    }
    throw new AssertionError(t);
  }

  private static StructField field(String name, AttributeType type) {
    return DataTypes.createStructField(name, sparkType(type), true);
  }

  private static void add(List<Object> row, AttributeType type, Object v) {
    switch (type) {
      case GEO_POINT:
        {
          GeoPoint g = (GeoPoint) v;
          row.add(g == null ? null : g.latitude());
          row.add(g == null ? null : g.longitude());
          return;
        }
      case STRING_SET:
        {
          if (v == null) {
            row.add(null);
            return;
          }
          List<String> tags = new ArrayList<>();
          for (Object t : (Collection<?>) v) {
            tags.add((String) t);
          }
          row.add(scala.jdk.javaapi.CollectionConverters.asScala(tags).toSeq());
          return;
        }
      default:
        row.add(v);
    }
  }
}
