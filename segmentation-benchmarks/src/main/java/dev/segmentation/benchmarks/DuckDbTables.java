package dev.segmentation.benchmarks;

import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.TableLoader;
import dev.segmentation.testkit.CustomerGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The first {@code n} generated customers (the same data as {@link Population} and {@link
 * CatalogBenchmark#table}) in an in-process, in-memory DuckDB database, in the table layout of
 * docs/sql.md ({@link TableLoader} creates the tables). Loading goes through CSV: each chunk of
 * about a million customers is written to a temporary file and read with DuckDB's {@code read_csv}
 * into the typed tables (every field read as text and cast by the INSERT to the column's type), so
 * loading 10,000,000 customers takes minutes rather than the hours that row-by-row inserts would.
 * Loading is never measured.
 *
 * <p>The CSV text: every value is quoted (quotes doubled), no value is an unquoted {@code \N};
 * instants as ISO-8601 with {@code Z}, doubles as {@link Double#toString} (which reads back as the
 * same double), tag sets as DuckDB list text {@code [a, b]} (the generator's tags hold no comma,
 * bracket or quote; {@code DuckDbTablesTest} checks the loaded data through the counts of every
 * segment against the columnar engine).
 */
final class DuckDbTables {
  private static final int CHUNK = 1 << 20;
  private static final int GENERATE_CHUNK = 65_536;

  private DuckDbTables() {}

  /**
   * A new in-memory DuckDB connection holding the first {@code n} generated customers, with DuckDB
   * limited to {@code threads} threads. The caller closes it.
   */
  static Connection load(int n, int threads) throws SQLException, IOException {
    Schema schema = Population.schema();
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    boolean done = false;
    Path dir = Files.createTempDirectory("segmentation-duckdb-bench");
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("SET threads TO " + threads);
        s.execute("SET preserve_insertion_order = false");
      }
      TableLoader.of(Dialect.DUCKDB, schema, Mapping.defaults()).create(connection);
      CustomerGenerator generator = new CustomerGenerator(Population.SEED);
      for (int from = 0; from < n; from += CHUNK) {
        List<SchemaCustomer> chunk = new ArrayList<>(Math.min(CHUNK, n - from));
        for (int g = from; g < Math.min(n, from + CHUNK); g += GENERATE_CHUNK) {
          int start = g;
          IntStream.range(start, Math.min(Math.min(n, from + CHUNK), start + GENERATE_CHUNK))
              .parallel()
              .mapToObj(i -> generator.customer(i, Population.AS_OF, Population.EVENT_TYPES))
              .forEachOrdered(chunk::add);
        }
        insert(connection, schema, chunk, dir);
      }
      done = true;
      return connection;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
      if (!done) {
        connection.close();
      }
    }
  }

  private static void insert(
      Connection connection, Schema schema, Collection<? extends Customer> customers, Path dir)
      throws SQLException, IOException {
    Path file = dir.resolve("customers.csv");
    int columns;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      columns = writeCustomers(w, schema, customers);
    }
    copy(connection, "customers", file, columns);
    for (EventType type : schema.eventTypes().values()) {
      Path events = dir.resolve("events_" + type.name() + ".csv");
      try (Writer w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
        columns = writeEvents(w, type, customers);
      }
      copy(connection, "events_" + type.name(), events, columns);
    }
  }

  private static void copy(Connection connection, String table, Path file, int columns)
      throws SQLException, IOException {
    StringBuilder types = new StringBuilder("{");
    for (int i = 0; i < columns; i++) {
      types.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
    }
    types.append('}');
    try (Statement s = connection.createStatement()) {
      s.execute(
          "INSERT INTO "
              + Dialect.DUCKDB.identifier(table)
              + " SELECT * FROM read_csv("
              + Dialect.DUCKDB.literal(file.toString())
              + ", header = false, auto_detect = false, delim = ',', quote = '\"', escape ="
              + " '\"', nullstr = '\\N', allow_quoted_nulls = false, columns = "
              + types
              + ")");
    }
    Files.delete(file);
  }

  /** Writes the customers table's rows; returns the number of columns. */
  static int writeCustomers(Writer w, Schema schema, Collection<? extends Customer> customers)
      throws IOException {
    int columns = 1;
    for (Attribute<?> a : schema.attributeList()) {
      columns += a.type() == AttributeType.GEO_POINT ? 2 : 1;
    }
    for (Customer c : customers) {
      field(w, c.id(), true);
      for (Attribute<?> a : schema.attributeList()) {
        Object v = c.value(a.name());
        if (a.type() == AttributeType.GEO_POINT) {
          GeoPoint p = (GeoPoint) v;
          field(w, p == null ? null : p.latitude(), false);
          field(w, p == null ? null : p.longitude(), false);
        } else {
          field(w, v, false);
        }
      }
      w.write('\n');
    }
    return columns;
  }

  /** Writes one event table's rows; returns the number of columns. */
  static int writeEvents(Writer w, EventType type, Collection<? extends Customer> customers)
      throws IOException {
    int columns = 2;
    for (Attribute<?> a : type.properties().values()) {
      if (a.type() == AttributeType.GEO_POINT) {
        throw new IllegalArgumentException("no point properties in the benchmark data");
      }
      columns++;
    }
    for (Customer c : customers) {
      for (Event e : c.events(type.name())) {
        field(w, c.id(), true);
        field(w, e.timestamp(), false);
        for (Attribute<?> a : type.properties().values()) {
          field(w, e.value(a.name()), false);
        }
        w.write('\n');
      }
    }
    return columns;
  }

  private static void field(Writer w, Object v, boolean first) throws IOException {
    if (!first) {
      w.write(',');
    }
    if (v == null) {
      w.write("\\N");
      return;
    }
    String text;
    if (v instanceof Collection<?> set) {
      StringBuilder b = new StringBuilder("[");
      for (Object tag : set) {
        b.append(b.length() == 1 ? "" : ", ").append(tag);
      }
      text = b.append(']').toString();
    } else {
      text = v.toString();
    }
    w.write('"');
    w.write(text.replace("\"", "\"\""));
    w.write('"');
  }
}
