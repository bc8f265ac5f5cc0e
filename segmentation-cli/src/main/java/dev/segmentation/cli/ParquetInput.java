package dev.segmentation.cli;

import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Mapping;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parquet inputs of {@code run --engine duckdb}, read by DuckDB's {@code read_parquet} into the
 * tables that {@code TableLoader} created (the layout of docs/sql.md with the default mapping). A
 * file must have exactly the tables' columns, by name in any order, with the tables' types; the
 * events file has every event type's table stacked: {@code customer_id}, {@code type}, {@code
 * event_time} and the union of the types' property columns. Every problem is fatal and names the
 * file and the column (or the row, counted from 1 in the file's order).
 */
final class ParquetInput {
  static final String TYPE_COLUMN = "type";
  private static final Dialect SQL = Dialect.DUCKDB;

  private ParquetInput() {}

  /** Whether {@code file} is read as Parquet: its name ends with {@code .parquet}. */
  static boolean is(Path file) {
    return file != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  /** Checks the files against the created tables and fills them. */
  static void load(Connection c, Schema schema, Path customers, Path events)
      throws SQLException, DataException {
    Mapping mapping = Mapping.defaults();
    String customersTable = table(mapping.customersTable());
    Map<String, String> expected = columns(c, "DESCRIBE " + customersTable, null);
    Map<String, String> actual = columnsOf(c, customers);
    match(customers, expected, actual);
    String cols = String.join(", ", expected.keySet().stream().map(SQL::identifier).toList());
    update(c, "INSERT INTO " + customersTable + " SELECT " + cols + " FROM " + read(customers));
    String id = SQL.identifier(mapping.idColumn());
    first(
        c,
        customers,
        "SELECT file_row_number + 1 FROM "
            + read(customers, true)
            + " WHERE "
            + id
            + " IS NULL ORDER BY 1",
        "row %s: the customer has no " + mapping.idColumn());
    first(
        c,
        customers,
        "SELECT " + id + " FROM " + customersTable + " GROUP BY 1 HAVING count(*) > 1 ORDER BY 1",
        "the customer id %s appears more than once");
    checkRanges(c, customers, expected);
    if (events == null) {
      return;
    }
    Map<String, String> eventColumns = new LinkedHashMap<>();
    Map<String, Map<String, String>> perType = new LinkedHashMap<>();
    for (EventType type : schema.eventTypes().values()) {
      Map<String, String> typeColumns =
          columns(c, "DESCRIBE " + table(mapping.eventsTable(type.name())), null);
      perType.put(type.name(), typeColumns);
      int i = 0;
      for (Map.Entry<String, String> col : typeColumns.entrySet()) {
        if (i++ == 1) {
          eventColumns.putIfAbsent(TYPE_COLUMN, "VARCHAR");
        }
        String before = eventColumns.putIfAbsent(col.getKey(), col.getValue());
        if (before != null && !before.equals(col.getValue())) {
          throw fatal(
              events,
              col.getKey(),
              "the event types' property \""
                  + col.getKey()
                  + "\" is "
                  + before
                  + " in one type and "
                  + col.getValue()
                  + " in another: one Parquet events file cannot hold both");
        }
      }
    }
    match(events, eventColumns, columnsOf(c, events));
    String type = SQL.identifier(TYPE_COLUMN);
    StringBuilder known = new StringBuilder();
    for (String name : perType.keySet()) {
      known.append(known.length() == 0 ? "" : ", ").append(SQL.literal(name));
    }
    first(
        c,
        events,
        "SELECT file_row_number + 1 FROM "
            + read(events, true)
            + " WHERE "
            + type
            + " IS NULL OR "
            + type
            + (known.length() == 0 ? " IS NOT NULL" : " NOT IN (" + known + ")")
            + " ORDER BY 1",
        "row %s: the event type is missing or not one of the schema's ("
            + String.join(", ", perType.keySet())
            + ")");
    for (Map.Entry<String, Map<String, String>> t : perType.entrySet()) {
      List<String> own = new ArrayList<>();
      for (String col : t.getValue().keySet()) {
        own.add(SQL.identifier(col));
      }
      List<String> others = new ArrayList<>();
      for (String col : eventColumns.keySet()) {
        if (!t.getValue().containsKey(col) && !col.equals(TYPE_COLUMN)) {
          others.add(SQL.identifier(col) + " IS NOT NULL");
        }
      }
      String ofType = type + " = " + SQL.literal(t.getKey());
      if (!others.isEmpty()) {
        first(
            c,
            events,
            "SELECT file_row_number + 1 FROM "
                + read(events, true)
                + " WHERE "
                + ofType
                + " AND ("
                + String.join(" OR ", others)
                + ") ORDER BY 1",
            "row %s: an event of type " + t.getKey() + " has a value in another type's column");
      }
      update(
          c,
          "INSERT INTO "
              + table(mapping.eventsTable(t.getKey()))
              + " SELECT "
              + String.join(", ", own)
              + " FROM "
              + read(events)
              + " WHERE "
              + ofType);
    }
    String customer = SQL.identifier(mapping.eventCustomerColumn());
    String time = SQL.identifier(mapping.eventTimeColumn());
    first(
        c,
        events,
        "SELECT file_row_number + 1 FROM "
            + read(events, true)
            + " WHERE "
            + customer
            + " IS NULL OR "
            + time
            + " IS NULL ORDER BY 1",
        "row %s: an event has no "
            + mapping.eventCustomerColumn()
            + " or no "
            + mapping.eventTimeColumn());
    first(
        c,
        events,
        "SELECT "
            + customer
            + " FROM "
            + read(events)
            + " WHERE "
            + customer
            + " NOT IN (SELECT "
            + id
            + " FROM "
            + customersTable
            + ") ORDER BY 1",
        "an event of customer %s, who is not in " + customers);
    checkRanges(c, events, eventColumns);
  }

  /** The customer ids in the file's order. */
  static List<String> ids(Connection c, Path customers) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + SQL.identifier(Mapping.defaults().idColumn())
                    + " FROM "
                    + read(customers, true)
                    + " ORDER BY file_row_number")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /** Dates and timestamps must lie in the years 1 to 9999 that the SQL of docs/sql.md assumes. */
  private static void checkRanges(Connection c, Path file, Map<String, String> columns)
      throws SQLException, DataException {
    for (Map.Entry<String, String> col : columns.entrySet()) {
      String low;
      String high;
      if (col.getValue().equals("DATE")) {
        low = "DATE '0001-01-01'";
        high = "DATE '9999-12-31'";
      } else if (col.getValue().equals("TIMESTAMP WITH TIME ZONE")) {
        low = "TIMESTAMPTZ '0001-01-01 00:00:00+00'";
        high = "TIMESTAMPTZ '9999-12-31 23:59:59.999999+00'";
      } else {
        continue;
      }
      String name = SQL.identifier(col.getKey());
      first(
          c,
          file,
          "SELECT file_row_number + 1 FROM "
              + read(file, true)
              + " WHERE "
              + name
              + " < "
              + low
              + " OR "
              + name
              + " > "
              + high
              + " ORDER BY 1",
          "row %s: column \"" + col.getKey() + "\": outside the years 1 to 9999 that SQL holds");
    }
  }

  private static void match(Path file, Map<String, String> expected, Map<String, String> actual)
      throws DataException {
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String type = actual.get(e.getKey());
      if (type == null) {
        throw fatal(file, e.getKey(), "missing column (expected " + e.getValue() + ")");
      }
      if (!type.equals(e.getValue())) {
        throw fatal(file, e.getKey(), "the column is " + type + ", expected " + e.getValue());
      }
    }
    for (String name : actual.keySet()) {
      if (!expected.containsKey(name)) {
        throw fatal(
            file,
            name,
            "unknown column (the columns are: " + String.join(", ", expected.keySet()) + ")");
      }
    }
  }

  private static DataException fatal(Path file, String column, String reason) {
    return new DataException(
        file.toString(), 0, "column " + TextValues.quote(column), reason, null, true);
  }

  private static Map<String, String> columnsOf(Connection c, Path file) throws DataException {
    try {
      return columns(c, "DESCRIBE SELECT * FROM " + read(file), file);
    } catch (SQLException e) {
      throw new DataException(
          file.toString(), 0, null, "cannot read it as Parquet: " + e.getMessage(), null, true);
    }
  }

  private static Map<String, String> columns(Connection c, String describe, Path file)
      throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(describe)) {
      while (rs.next()) {
        columns.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    }
    return columns;
  }

  /** Throws a fatal problem with the first value of the query, if it has a row. */
  private static void first(Connection c, Path file, String sql, String reason)
      throws SQLException, DataException {
    first(c, file, sql, reason, !reason.startsWith("row "));
  }

  private static void first(Connection c, Path file, String sql, String reason, boolean quote)
      throws SQLException, DataException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql + " LIMIT 1")) {
      if (rs.next()) {
        String value = rs.getString(1);
        throw new DataException(
            file.toString(),
            0,
            null,
            String.format(
                Locale.ROOT,
                reason,
                value == null ? "(none)" : quote ? TextValues.quote(value) : value),
            null,
            true);
      }
    }
  }

  private static void update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String read(Path file) {
    return read(file, false);
  }

  private static String read(Path file, boolean rowNumbers) {
    return "read_parquet("
        + SQL.literal(file.toString())
        + (rowNumbers ? ", file_row_number = true" : "")
        + ")";
  }

  private static String table(List<String> parts) {
    return String.join(".", parts.stream().map(SQL::identifier).toList());
  }
}
