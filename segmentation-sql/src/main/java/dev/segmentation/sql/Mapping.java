package dev.segmentation.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the tables and columns that hold a schema's data. By default the customers are in
 * table {@code customers} with the id in column {@code id} and one column per attribute, named as
 * the attribute (a geo point in {@code <name>_lat} and {@code <name>_lon}); each event type has its
 * own table {@code events_<type>} with columns {@code customer_id}, {@code event_time} and one
 * column per property. Any name can be changed:
 *
 * <pre>{@code
 * Mapping m = Mapping.defaults().toBuilder()
 *     .customersTable("crm", "customer")          // crm.customer
 *     .idColumn("customer_key")
 *     .column("age", "age_years")
 *     .eventsTable("purchase", "sales", "orders")
 *     .build();
 * }</pre>
 *
 * Names are written as quoted identifiers, so any character is allowed where the dialect has it.
 */
public final class Mapping {
  private final ImmutableList<String> customersTable;
  private final String idColumn;
  private final ImmutableMap<String, String> columns;
  private final ImmutableMap<String, ImmutableList<String>> eventTables;
  private final String eventCustomerColumn;
  private final String eventTimeColumn;
  private final ImmutableMap<String, String> propertyColumns; // "type\u0000property" -> column

  private Mapping(Builder b) {
    this.customersTable = ImmutableList.copyOf(b.customersTable);
    this.idColumn = b.idColumn;
    this.columns = ImmutableMap.copyOf(b.columns);
    this.eventTables = ImmutableMap.copyOf(b.eventTables);
    this.eventCustomerColumn = b.eventCustomerColumn;
    this.eventTimeColumn = b.eventTimeColumn;
    this.propertyColumns = ImmutableMap.copyOf(b.propertyColumns);
  }

  /** The default names described above. */
  public static Mapping defaults() {
    return new Builder().build();
  }

  /** A builder starting from this mapping. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.customersTable = customersTable;
    b.idColumn = idColumn;
    b.columns.putAll(columns);
    b.eventTables.putAll(eventTables);
    b.eventCustomerColumn = eventCustomerColumn;
    b.eventTimeColumn = eventTimeColumn;
    b.propertyColumns.putAll(propertyColumns);
    return b;
  }

  /** The customers table, as its qualified name's parts. */
  public List<String> customersTable() {
    return customersTable;
  }

  public String idColumn() {
    return idColumn;
  }

  /** The column of a (non-geo) attribute. */
  public String column(String attribute) {
    return columns.getOrDefault(attribute, attribute);
  }

  /** The latitude column of a geo attribute. */
  public String latitudeColumn(String attribute) {
    return columns.getOrDefault(attribute + "\u0000lat", attribute + "_lat");
  }

  /** The longitude column of a geo attribute. */
  public String longitudeColumn(String attribute) {
    return columns.getOrDefault(attribute + "\u0000lon", attribute + "_lon");
  }

  /** The table of an event type, as its qualified name's parts. */
  public List<String> eventsTable(String eventType) {
    return eventTables.getOrDefault(eventType, ImmutableList.of("events_" + eventType));
  }

  public String eventCustomerColumn() {
    return eventCustomerColumn;
  }

  public String eventTimeColumn() {
    return eventTimeColumn;
  }

  /** The column of an event property (a geo property has two, as for attributes). */
  public String propertyColumn(String eventType, String property) {
    return propertyColumns.getOrDefault(eventType + "\u0000" + property, property);
  }

  public String propertyLatitudeColumn(String eventType, String property) {
    return propertyColumns.getOrDefault(
        eventType + "\u0000" + property + "\u0000lat", property + "_lat");
  }

  public String propertyLongitudeColumn(String eventType, String property) {
    return propertyColumns.getOrDefault(
        eventType + "\u0000" + property + "\u0000lon", property + "_lon");
  }

  /** Builds a {@link Mapping}; every name must be non-empty. */
  public static final class Builder {
    private List<String> customersTable = ImmutableList.of("customers");
    private String idColumn = "id";
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final Map<String, ImmutableList<String>> eventTables = new LinkedHashMap<>();
    private String eventCustomerColumn = "customer_id";
    private String eventTimeColumn = "event_time";
    private final Map<String, String> propertyColumns = new LinkedHashMap<>();

    private Builder() {}

    public Builder customersTable(String... qualifiedName) {
      this.customersTable = names(qualifiedName, "customers table");
      return this;
    }

    public Builder idColumn(String column) {
      this.idColumn = name(column, "id column");
      return this;
    }

    public Builder column(String attribute, String column) {
      columns.put(name(attribute, "attribute"), name(column, "column of " + attribute));
      return this;
    }

    public Builder geoColumns(String attribute, String latitude, String longitude) {
      name(attribute, "attribute");
      columns.put(attribute + "\u0000lat", name(latitude, "latitude column of " + attribute));
      columns.put(attribute + "\u0000lon", name(longitude, "longitude column of " + attribute));
      return this;
    }

    public Builder eventsTable(String eventType, String... qualifiedName) {
      eventTables.put(
          name(eventType, "event type"), names(qualifiedName, "table of event type " + eventType));
      return this;
    }

    public Builder eventCustomerColumn(String column) {
      this.eventCustomerColumn = name(column, "event customer column");
      return this;
    }

    public Builder eventTimeColumn(String column) {
      this.eventTimeColumn = name(column, "event time column");
      return this;
    }

    public Builder propertyColumn(String eventType, String property, String column) {
      propertyColumns.put(
          name(eventType, "event type") + "\u0000" + name(property, "property"),
          name(column, "column of " + eventType + "." + property));
      return this;
    }

    public Builder propertyGeoColumns(
        String eventType, String property, String latitude, String longitude) {
      String key = name(eventType, "event type") + "\u0000" + name(property, "property");
      propertyColumns.put(key + "\u0000lat", name(latitude, "latitude column of " + property));
      propertyColumns.put(key + "\u0000lon", name(longitude, "longitude column of " + property));
      return this;
    }

    public Mapping build() {
      return new Mapping(this);
    }

    private static String name(String s, String what) {
      if (s == null || s.isEmpty()) {
        throw new IllegalArgumentException(what + " must be a non-empty name");
      }
      return s;
    }

    private static ImmutableList<String> names(String[] parts, String what) {
      if (parts == null || parts.length == 0) {
        throw new IllegalArgumentException(what + " needs a name");
      }
      for (String p : parts) {
        name(p, "each part of the " + what);
      }
      return ImmutableList.copyOf(parts);
    }
  }
}
