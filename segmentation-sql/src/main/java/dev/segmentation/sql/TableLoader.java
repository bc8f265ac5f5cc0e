package dev.segmentation.sql;

import com.google.common.collect.ImmutableList;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Creates the tables of a {@link Mapping}'s layout and fills them with customers over JDBC, with
 * values exactly as the library holds them, or refuses a value the dialect cannot hold (a timestamp
 * with nanoseconds, a date outside years 1 to 9999, NUL in PostgreSQL text) with an {@link
 * InvalidDataException} naming the customer and attribute, before anything is written.
 *
 * <pre>{@code
 * TableLoader loader = TableLoader.of(Dialect.DUCKDB, schema, Mapping.defaults());
 * loader.create(connection);
 * loader.insert(connection, customers);
 * }</pre>
 *
 * Tag sets are stored sorted by code point; values are bound as parameters, tag sets as escaped
 * array literals.
 */
public final class TableLoader {
  private final Dialect dialect;
  private final Schema schema;
  private final Mapping mapping;

  private TableLoader(Dialect dialect, Schema schema, Mapping mapping) {
    this.dialect = dialect;
    this.schema = schema;
    this.mapping = mapping;
  }

  public static TableLoader of(Dialect dialect, Schema schema, Mapping mapping) {
    if (dialect == null || schema == null || mapping == null) {
      throw new IllegalArgumentException("dialect, schema and mapping must not be null");
    }
    return new TableLoader(dialect, schema, mapping);
  }

  /** One column of a table: its name, SQL type, and the attribute (and which half of a point). */
  private record Column(String name, String type, Attribute<?> attribute, int part) {}

  private List<Column> customerColumns() {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column(mapping.idColumn(), dialect.stringType(), null, 0));
    for (Attribute<?> a : schema.attributeList()) {
      if (a.type() == AttributeType.GEO_POINT) {
        cols.add(new Column(mapping.latitudeColumn(a.name()), dialect.doubleType(), a, 1));
        cols.add(new Column(mapping.longitudeColumn(a.name()), dialect.doubleType(), a, 2));
      } else {
        cols.add(new Column(mapping.column(a.name()), type(a.type()), a, 0));
      }
    }
    return cols;
  }

  private List<Column> eventColumns(EventType type) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column(mapping.eventCustomerColumn(), dialect.stringType(), null, 0));
    cols.add(new Column(mapping.eventTimeColumn(), dialect.timestampType(), null, 3));
    for (Attribute<?> a : type.properties().values()) {
      if (a.type() == AttributeType.GEO_POINT) {
        cols.add(
            new Column(
                mapping.propertyLatitudeColumn(type.name(), a.name()), dialect.doubleType(), a, 1));
        cols.add(
            new Column(
                mapping.propertyLongitudeColumn(type.name(), a.name()),
                dialect.doubleType(),
                a,
                2));
      } else {
        cols.add(new Column(mapping.propertyColumn(type.name(), a.name()), type(a.type()), a, 0));
      }
    }
    return cols;
  }

  private String type(AttributeType t) {
    switch (t) {
      case STRING:
        return dialect.stringType();
      case INTEGER:
        return "BIGINT";
      case NUMBER:
        return dialect.doubleType();
      case BOOLEAN:
        return "BOOLEAN";
      case DATE:
        return "DATE";
      case TIMESTAMP:
        return dialect.timestampType();
      case STRING_SET:
        return dialect.stringArrayType();
      case GEO_POINT:
        throw new AssertionError("a point has two columns");
    }
    throw new AssertionError(t);
  }

  /** The CREATE TABLE statements: the customers table, then one table per event type. */
  public List<String> createStatements() {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    b.add(create(mapping.customersTable(), customerColumns()));
    for (EventType type : schema.eventTypes().values()) {
      b.add(create(mapping.eventsTable(type.name()), eventColumns(type)));
    }
    return b.build();
  }

  private String create(List<String> table, List<Column> cols) {
    List<String> names = new ArrayList<>();
    for (Column c : cols) {
      if (names.contains(c.name())) {
        throw new IllegalArgumentException(
            "table "
                + String.join(".", table)
                + " would have two columns named \""
                + c.name()
                + "\": map one of them to another name");
      }
      names.add(c.name());
    }
    return "CREATE TABLE "
        + table(table)
        + " ("
        + cols.stream()
            .map(c -> identifier(c.name()) + " " + c.type())
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** Creates the tables. */
  public void create(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : createStatements()) {
        s.execute(sql);
      }
    }
  }

  /**
   * Inserts the customers and their events. Every value is checked before the first row is sent.
   *
   * @throws InvalidDataException when a value cannot be held by the dialect
   */
  public void insert(Connection connection, Collection<? extends Customer> customers)
      throws SQLException {
    for (Customer c : customers) {
      check(c);
    }
    List<Column> cols = customerColumns();
    List<Object[]> rows = new ArrayList<>();
    for (Customer c : customers) {
      Object[] row = new Object[cols.size()];
      row[0] = c.id();
      for (int i = 1; i < cols.size(); i++) {
        row[i] = c.value(cols.get(i).attribute().name());
      }
      rows.add(row);
    }
    insert(connection, mapping.customersTable(), cols, rows);
    for (EventType type : schema.eventTypes().values()) {
      List<Column> ecols = eventColumns(type);
      List<Object[]> erows = new ArrayList<>();
      for (Customer c : customers) {
        for (Event e : c.events(type.name())) {
          Object[] row = new Object[ecols.size()];
          row[0] = c.id();
          row[1] = e.timestamp();
          for (int i = 2; i < ecols.size(); i++) {
            row[i] = e.value(ecols.get(i).attribute().name());
          }
          erows.add(row);
        }
      }
      insert(connection, mapping.eventsTable(type.name()), ecols, erows);
    }
  }

  /**
   * Checks that the dialect can hold every value of the customer.
   *
   * @throws InvalidDataException naming the customer and attribute when it cannot
   */
  public void check(Customer c) {
    if (c.id() == null) {
      throw new InvalidDataException(null, null, "a customer has no id");
    }
    checkString(c.id(), c.id(), "id");
    for (Attribute<?> a : schema.attributeList()) {
      checkValue(c.id(), a.name(), c.value(a.name()));
    }
    for (EventType type : schema.eventTypes().values()) {
      for (Event e : c.events(type.name())) {
        checkValue(c.id(), type.name() + " event time", e.timestamp());
        for (Attribute<?> p : type.properties().values()) {
          checkValue(c.id(), type.name() + "." + p.name(), e.value(p.name()));
        }
      }
    }
  }

  private void checkValue(String id, String what, Object v) {
    if (v instanceof String s) {
      checkString(id, s, what);
    } else if (v instanceof Collection<?> tags) {
      for (Object t : tags) {
        checkString(id, (String) t, what);
      }
    } else if (v instanceof LocalDate d) {
      if (d.isBefore(Domain.MIN_DATE) || d.isAfter(Domain.MAX_DATE)) {
        throw new InvalidDataException(
            id, what, "the date " + d + " is outside the years 1 to 9999 that SQL dates hold");
      }
    } else if (v instanceof Instant t) {
      if (t.isBefore(Domain.MIN_INSTANT) || t.isAfter(Domain.MAX_INSTANT)) {
        throw new InvalidDataException(
            id,
            what,
            "the timestamp " + t + " is outside the years 1 to 9999 that SQL timestamps hold");
      }
      if (t.getNano() % 1000 != 0) {
        throw new InvalidDataException(
            id,
            what,
            "the timestamp "
                + t
                + " has nanoseconds; "
                + dialect.displayName()
                + " timestamps hold microseconds");
      }
    }
  }

  private void checkString(String id, String s, String what) {
    if (!dialect.holdsNul() && s.indexOf('\0') >= 0) {
      throw new InvalidDataException(
          id, what, dialect.displayName() + " text cannot hold the NUL character");
    }
  }

  private void insert(
      Connection connection, List<String> table, List<Column> cols, List<Object[]> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    int perStatement = Math.max(1, Math.min(500, 30_000 / cols.size()));
    String head =
        "INSERT INTO "
            + table(table)
            + " ("
            + cols.stream().map(c -> identifier(c.name())).collect(Collectors.joining(", "))
            + ") VALUES ";
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
      StringBuilder sql = new StringBuilder(head);
      List<Object> params = new ArrayList<>();
      List<Integer> kinds = new ArrayList<>();
      for (int r = 0; r < chunk.size(); r++) {
        sql.append(r == 0 ? "(" : ", (");
        for (int i = 0; i < cols.size(); i++) {
          sql.append(i == 0 ? "" : ", ")
              .append(placeholder(cols.get(i), chunk.get(r)[i], params, kinds));
        }
        sql.append(')');
      }
      try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
        for (int p = 0; p < params.size(); p++) {
          Object v = params.get(p);
          if (v == null) {
            ps.setNull(p + 1, kinds.get(p));
          } else if (v instanceof Long l) {
            ps.setLong(p + 1, l);
          } else if (v instanceof Double d) {
            ps.setDouble(p + 1, d);
          } else if (v instanceof Boolean b) {
            ps.setBoolean(p + 1, b);
          } else {
            ps.setString(p + 1, (String) v);
          }
        }
        ps.executeUpdate();
      }
    }
  }

  /** The SQL for one value: a parameter (added to params), or an escaped array literal. */
  private String placeholder(Column col, Object v, List<Object> params, List<Integer> kinds) {
    AttributeType t = col.attribute() == null ? null : col.attribute().type();
    if (dialect == Dialect.DUCKDB && t != AttributeType.STRING_SET) {
      // DuckDB binds thousands of parameters slowly; escaped literals load several times faster.
      return literal(col, v);
    }
    if (col.part() == 3) {
      params.add(Domain.utcText(micros((Instant) v)) + "+00");
      kinds.add(Types.VARCHAR);
      return "CAST(? AS " + dialect.timestampType() + ")";
    }
    if (t == null || t == AttributeType.STRING) {
      params.add(v);
      kinds.add(Types.VARCHAR);
      return "?";
    }
    switch (t) {
      case INTEGER:
        params.add(v);
        kinds.add(Types.BIGINT);
        return "?";
      case NUMBER:
        params.add(v);
        kinds.add(Types.DOUBLE);
        return "?";
      case BOOLEAN:
        params.add(v);
        kinds.add(Types.BOOLEAN);
        return "?";
      case DATE:
        params.add(v == null ? null : v.toString());
        kinds.add(Types.VARCHAR);
        return "CAST(? AS DATE)";
      case TIMESTAMP:
        params.add(v == null ? null : Domain.utcText(micros((Instant) v)) + "+00");
        kinds.add(Types.VARCHAR);
        return "CAST(? AS " + dialect.timestampType() + ")";
      case STRING_SET:
        if (v == null) {
          return "CAST(NULL AS " + dialect.stringArrayType() + ")";
        }
        TreeSet<String> sorted = new TreeSet<>(Values::compareStrings);
        for (Object o : (Collection<?>) v) {
          sorted.add((String) o);
        }
        return dialect.stringArray(new ArrayList<>(sorted));
      case GEO_POINT:
        GeoPoint g = (GeoPoint) v;
        params.add(g == null ? null : col.part() == 1 ? g.latitude() : g.longitude());
        kinds.add(Types.DOUBLE);
        return "?";
    }
    throw new AssertionError(t);
  }

  /** The exact SQL literal of a value (doubles keep -0.0, unlike query literals). */
  private String literal(Column col, Object v) {
    if (v == null) {
      return "NULL";
    }
    if (col.part() == 3 || v instanceof Instant) {
      return dialect.timestampLiteral(Domain.utcText(micros((Instant) v)));
    }
    if (v instanceof String s) {
      return dialect.string(s);
    }
    if (v instanceof Long l) {
      return Domain.BIGINT.literal(dialect, java.math.BigDecimal.valueOf(l));
    }
    if (v instanceof Double d) {
      return "CAST('" + d + "' AS " + dialect.doubleType() + ")";
    }
    if (v instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (v instanceof LocalDate d) {
      return dialect.dateLiteral(d.toString());
    }
    GeoPoint g = (GeoPoint) v;
    double d = col.part() == 1 ? g.latitude() : g.longitude();
    return "CAST('" + d + "' AS " + dialect.doubleType() + ")";
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private String identifier(String name) {
    String q = dialect.identifierOrNull(name);
    if (q == null) {
      throw new IllegalArgumentException(dialect.identifierProblem(name));
    }
    return q;
  }

  private String table(List<String> parts) {
    return parts.stream().map(this::identifier).collect(Collectors.joining("."));
  }
}
