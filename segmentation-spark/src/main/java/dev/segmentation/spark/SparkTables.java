package dev.segmentation.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import dev.segmentation.check.Limits;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.sql.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;

/**
 * The caller's datasets as temporary views in the layout the compiled query reads, under names of
 * this library's choosing: every column is found by its exact name (whatever {@code
 * spark.sql.caseSensitive} says), checked for its type, widened where that is exact (INT to BIGINT,
 * FLOAT to DOUBLE), and renamed to a plain positional name ({@code a3}, {@code p0}), so that no
 * user name reaches the SQL text. Values the library does not accept stop the query with an error
 * naming the customer and attribute: NaN and infinite numbers, latitudes outside [-90, 90],
 * longitudes outside [-180, 180], half a point, NULL in a tag array, an event without a time. Tag
 * arrays lose duplicate elements (a tag set holds each tag once).
 *
 * <p>The views are registered in the caller's session and dropped again by {@link #close()}, once
 * the query over them has been analysed.
 */
final class SparkTables implements AutoCloseable {
  /** The column of a stacked events dataset that names each row's event type. */
  static final String TYPE_COLUMN = "type";

  private static final AtomicLong NEXT = new AtomicLong();

  private final SparkSession spark;
  private final String prefix = "segmentation_" + NEXT.incrementAndGet() + "_";
  private final List<String> views = new ArrayList<>();
  private final List<String> functions = new ArrayList<>();
  private final Mapping.Builder layout = Mapping.defaults().toBuilder();

  private SparkTables(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Registers the views of one evaluation.
   *
   * @param eventsByType the events of each type, or null when {@code stacked} holds them
   * @param stacked every event type in one dataset with a {@code type} column, or null
   * @throws IllegalArgumentException naming the dataset and column when a column is missing or of a
   *     type the attribute cannot be read from
   */
  static SparkTables register(
      Schema schema,
      Mapping names,
      Dataset<Row> customers,
      Map<String, Dataset<Row>> eventsByType,
      Dataset<Row> stacked) {
    if (customers == null) {
      throw new IllegalArgumentException("the customers dataset must not be null");
    }
    SparkTables tables = new SparkTables(customers.sparkSession());
    try {
      tables.customers(schema, names, customers);
      Columns all = stacked == null ? null : new Columns("the events dataset", stacked);
      for (EventType type : schema.eventTypes().values()) {
        if (all != null) {
          Column typeColumn = all.column(TYPE_COLUMN, "the event type column");
          all.require(TYPE_COLUMN, DataTypes.StringType, "the event type column");
          tables.events(type, names, all, typeColumn.equalTo(lit(type.name())));
          continue;
        }
        Dataset<Row> events = eventsByType == null ? null : eventsByType.get(type.name());
        if (events == null) {
          events =
              tables.spark.createDataFrame(List.of(), CustomerDatasets.eventSchema(type, names));
        }
        tables.events(
            type, names, new Columns("the \"" + type.name() + "\" events dataset", events), null);
      }
    } catch (RuntimeException e) {
      tables.close();
      throw e;
    }
    return tables;
  }

  /** The mapping of the views, for the compiler. */
  Mapping layout() {
    return layout.build();
  }

  /**
   * Registers {@link Re2Find} (patterns compiled with {@code limits}) as a temporary function of
   * this evaluation and returns its name, for {@link
   * dev.segmentation.sql.SqlCompiler#withRegexFunction}.
   */
  String regexFunction(Limits limits) {
    String name = prefix + "re2_find";
    spark.udf().register(name, new Re2Find(limits), DataTypes.BooleanType);
    functions.add(name);
    return name;
  }

  @Override
  public void close() {
    for (String view : views) {
      spark.catalog().dropTempView(view);
    }
    views.clear();
    for (String function : functions) {
      // An analysed query holds the function itself, not its name: dropping the name is safe.
      spark.sql("DROP TEMPORARY FUNCTION IF EXISTS " + function);
    }
    functions.clear();
  }

  private String view(Dataset<Row> data, String role) {
    String name = prefix + role;
    data.createOrReplaceTempView(name);
    views.add(name);
    return name;
  }

  // ------------------------------------------------------------------ customers

  private void customers(Schema schema, Mapping names, Dataset<Row> customers) {
    Columns c = new Columns("the customers dataset", customers);
    Column id = c.id(names.idColumn(), "the id column");
    List<Column> select = new ArrayList<>();
    select.add(id.as("id"));
    layout.idColumn("id");
    for (Attribute<?> a : schema.attributeList()) {
      String alias = "a" + schema.indexOf(a.name());
      String what = "attribute \"" + a.name() + "\"";
      Column customer = concat(lit("customer \""), id, lit("\", " + what + ": "));
      if (a.type() == AttributeType.GEO_POINT) {
        Column lat = c.number(names.latitudeColumn(a.name()), "the latitude of " + what);
        Column lon = c.number(names.longitudeColumn(a.name()), "the longitude of " + what);
        select.add(point(lat, lon, true, customer).as(alias + "_lat"));
        select.add(point(lat, lon, false, customer).as(alias + "_lon"));
        layout.geoColumns(a.name(), alias + "_lat", alias + "_lon");
      } else {
        select.add(c.value(names.column(a.name()), a.type(), what, customer).as(alias));
        layout.column(a.name(), alias);
      }
    }
    layout.customersTable(view(c.renamed().select(select.toArray(Column[]::new)), "customers"));
  }

  // ------------------------------------------------------------------ events

  private void events(EventType type, Mapping names, Columns c, Column filter) {
    Column customerId = c.id(names.eventCustomerColumn(), "the customer column");
    Column time = c.column(names.eventTimeColumn(), "the event time column");
    c.require(names.eventTimeColumn(), DataTypes.TimestampType, "the event time column");
    Column where =
        concat(lit("customer \""), customerId, lit("\", a \"" + type.name() + "\" event, "));
    List<Column> select = new ArrayList<>();
    select.add(customerId.as("k"));
    select.add(
        when(time.isNull(), raise_error(concat(where, lit("has no time"))))
            .otherwise(time)
            .as("t"));
    int p = 0;
    for (Attribute<?> a : type.properties().values()) {
      String alias = "p" + p++;
      String what = "property \"" + type.name() + "." + a.name() + "\"";
      Column customer = concat(where, lit(what + ": "));
      if (a.type() == AttributeType.GEO_POINT) {
        Column lat =
            c.number(
                names.propertyLatitudeColumn(type.name(), a.name()), "the latitude of " + what);
        Column lon =
            c.number(
                names.propertyLongitudeColumn(type.name(), a.name()), "the longitude of " + what);
        select.add(point(lat, lon, true, customer).as(alias + "_lat"));
        select.add(point(lat, lon, false, customer).as(alias + "_lon"));
        layout.propertyGeoColumns(type.name(), a.name(), alias + "_lat", alias + "_lon");
      } else {
        select.add(
            c.value(names.propertyColumn(type.name(), a.name()), a.type(), what, customer)
                .as(alias));
        layout.propertyColumn(type.name(), a.name(), alias);
      }
    }
    Dataset<Row> rows = filter == null ? c.renamed() : c.renamed().where(filter);
    String name = view(rows.select(select.toArray(Column[]::new)), "events_" + views.size());
    layout.eventsTable(type.name(), name);
    layout.eventCustomerColumn("k");
    layout.eventTimeColumn("t");
  }

  // ------------------------------------------------------------------ values

  /** Half of a point, or an error when the point is half there or out of range. */
  private static Column point(Column lat, Column lon, boolean latitude, Column where) {
    Column value = latitude ? lat : lon;
    return when(
            lat.isNull().notEqual(lon.isNull()),
            raise_error(concat(where, lit("a point needs both a latitude and a longitude"))))
        .when(
            lat.isNotNull().and(isnan(lat).or(lat.lt(-90)).or(lat.gt(90))),
            raise_error(concat(where, lit("the latitude must be in [-90, 90], got "), lat)))
        .when(
            lon.isNotNull().and(isnan(lon).or(lon.lt(-180)).or(lon.gt(180))),
            raise_error(concat(where, lit("the longitude must be in [-180, 180], got "), lon)))
        .otherwise(value);
  }

  /** The columns of one dataset, found by exact name and renamed to their positions. */
  private static final class Columns {
    private final String what;
    private final Dataset<Row> original;
    private final String[] names;

    Columns(String what, Dataset<Row> original) {
      this.what = what;
      this.original = original;
      this.names = original.schema().fieldNames();
    }

    /** The dataset with each column named by its position ({@code c0}, {@code c1}, ...). */
    Dataset<Row> renamed() {
      String[] positional = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        positional[i] = "c" + i;
      }
      return original.toDF(positional);
    }

    private int index(String name, String role) {
      int found = -1;
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          if (found >= 0) {
            throw new IllegalArgumentException(
                what + " has two columns named \"" + name + "\" (" + role + ")");
          }
          found = i;
        }
      }
      if (found < 0) {
        throw new IllegalArgumentException(
            what
                + " has no column \""
                + name
                + "\" ("
                + role
                + "); its columns are "
                + String.join(", ", names));
      }
      return found;
    }

    DataType type(String name, String role) {
      return original.schema().fields()[index(name, role)].dataType();
    }

    Column column(String name, String role) {
      return col("c" + index(name, role));
    }

    void require(String name, DataType expected, String role) {
      DataType actual = type(name, role);
      if (!actual.equals(expected)) {
        throw wrongType(name, role, actual, expected.sql());
      }
    }

    IllegalArgumentException wrongType(String name, String role, DataType actual, String wanted) {
      String collation =
          actual instanceof StringType && !actual.equals(DataTypes.StringType)
              ? " (the library compares strings by code point: collate it as UTF8_BINARY)"
              : "";
      return new IllegalArgumentException(
          what
              + ": column \""
              + name
              + "\" ("
              + role
              + ") is "
              + actual.sql()
              + ", expected "
              + wanted
              + collation);
    }

    /** An id: a string, or an integer written as text. */
    Column id(String name, String role) {
      DataType t = type(name, role);
      Column c = column(name, role);
      if (t.equals(DataTypes.StringType)) {
        return c;
      }
      if (isIntegral(t)) {
        return c.cast(DataTypes.StringType);
      }
      throw wrongType(name, role, t, "STRING");
    }

    /** A coordinate: DOUBLE, or a type a double holds exactly. */
    Column number(String name, String role) {
      DataType t = type(name, role);
      Column c = column(name, role);
      if (t.equals(DataTypes.DoubleType)) {
        return c;
      }
      if (t.equals(DataTypes.FloatType) || isSmallIntegral(t)) {
        return c.cast(DataTypes.DoubleType);
      }
      throw wrongType(name, role, t, "DOUBLE");
    }

    /** The value of an attribute or property of type {@code type}, widened and checked. */
    Column value(String name, AttributeType type, String role, Column where) {
      DataType t = type(name, role);
      Column c = column(name, role);
      switch (type) {
        case INTEGER:
          if (isIntegral(t)) {
            return t.equals(DataTypes.LongType) ? c : c.cast(DataTypes.LongType);
          }
          throw wrongType(name, role, t, "BIGINT");
        case NUMBER:
          {
            Column d = number(name, role);
            return when(
                    isnan(d).or(abs(d).equalTo(lit(Double.POSITIVE_INFINITY))),
                    raise_error(concat(where, lit("NaN and infinities are not values, got "), d)))
                .otherwise(d);
          }
        case STRING_SET:
          if (t instanceof ArrayType array && array.elementType().equals(DataTypes.StringType)) {
            return when(
                    exists(c, x -> x.isNull()),
                    raise_error(concat(where, lit("a tag set cannot hold NULL"))))
                .otherwise(array_distinct(c));
          }
          throw wrongType(name, role, t, "ARRAY<STRING>");
        case STRING:
        case BOOLEAN:
        case DATE:
        case TIMESTAMP:
          if (!t.equals(CustomerDatasets.sparkType(type))) {
            throw wrongType(name, role, t, CustomerDatasets.sparkType(type).sql());
          }
          return c;
        case GEO_POINT:
          throw new AssertionError("a point has two columns");
      }
      throw new AssertionError(type);
    }

    private static boolean isIntegral(DataType t) {
      return t.equals(DataTypes.LongType) || isSmallIntegral(t);
    }

    private static boolean isSmallIntegral(DataType t) {
      return t.equals(DataTypes.IntegerType)
          || t.equals(DataTypes.ShortType)
          || t.equals(DataTypes.ByteType);
    }
  }
}
