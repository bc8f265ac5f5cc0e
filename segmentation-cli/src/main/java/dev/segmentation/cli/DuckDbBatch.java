package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.SqlCompiler;
import dev.segmentation.sql.SqlQuery;
import dev.segmentation.sql.TableLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run --engine duckdb}: loads the customers into an embedded, in-memory DuckDB database in
 * the layout of docs/sql.md and evaluates the rules with the SQL of {@code segmentation-sql}. A
 * value DuckDB cannot hold (a timestamp with nanoseconds, a date outside years 1 to 9999) is a bad
 * row, reported as the other engines report bad data.
 */
final class DuckDbBatch implements Batch {
  private final Rules.Loaded loaded;
  private final SqlQuery query;
  private final TableLoader loader;
  private final List<SchemaCustomer> customers = new ArrayList<>();

  /** The query could not run: what DuckDB said, for people. */
  static final class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QueryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  DuckDbBatch(Rules.Loaded loaded, EvaluationContext ctx) {
    this.loaded = loaded;
    this.query =
        SqlCompiler.of(loaded.checked(), Dialect.DUCKDB, Mapping.defaults()).membershipQuery(ctx);
    this.loader = TableLoader.of(Dialect.DUCKDB, loaded.schema(), Mapping.defaults());
  }

  @Override
  public void add(SchemaCustomer customer, Object prepared) {
    loader.check(customer);
    customers.add(customer);
  }

  @Override
  public Segmentation finish() {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      loader.create(c);
      loader.insert(c, customers);
      List<String> ids = new ArrayList<>(customers.size());
      for (SchemaCustomer customer : customers) {
        ids.add(customer.id());
      }
      return evaluate(c, ids);
    } catch (SQLException e) {
      throw new QueryException("DuckDB could not evaluate the rules: " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates the rules over Parquet files in the layout of docs/sql.md: {@code customers} is the
   * customers table; {@code events} (may be null) holds every event type's table stacked, with a
   * {@code type} column after {@code customer_id} and the union of the types' property columns.
   * Customers are reported in the file's order.
   *
   * @throws DataException naming the file and column when a file does not follow the layout, or
   *     naming the row when its data is not accepted
   * @throws IOException when a file cannot be read
   */
  Segmentation finishParquet(Path customersFile, Path eventsFile)
      throws DataException, IOException {
    // A missing or unreadable file is an I/O error (exit 3), as for the other formats.
    Files.newInputStream(customersFile).close();
    if (eventsFile != null) {
      Files.newInputStream(eventsFile).close();
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      loader.create(c);
      ParquetInput.load(c, loaded.schema(), customersFile, eventsFile);
      return evaluate(c, ParquetInput.ids(c, customersFile));
    } catch (SQLException e) {
      throw new QueryException("DuckDB could not evaluate the rules: " + e.getMessage(), e);
    }
  }

  /** Runs the membership query over the loaded tables; {@code ids} in the order of the report. */
  private Segmentation evaluate(Connection c, List<String> ids) throws SQLException {
    Segmentation.Builder results = new Segmentation.Builder(loaded.catalog());
    Map<String, Integer> rowOf = new HashMap<>();
    for (String id : ids) {
      rowOf.put(id, results.add(id));
    }
    Map<String, Integer> segment = index(results.segments);
    Map<String, Integer> score = index(results.scores);
    Map<String, Integer> tiering = index(results.tierings);
    Map<String, Integer> rfm = index(results.rfmModels);
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query.sql())) {
      while (rs.next()) {
        int row = rowOf.get(rs.getString(1));
        for (int i = 1; i < query.columns().size(); i++) {
          SqlQuery.Column col = query.columns().get(i);
          switch (col.kind()) {
            case SEGMENT:
              if (rs.getBoolean(i + 1)) {
                results.member(segment.get(col.name()), row);
              }
              break;
            case SCORE:
              results.score(score.get(col.name()), row, rs.getDouble(i + 1));
              break;
            case TIER:
              {
                int t = tiering.get(col.name());
                results.tier(t, row, results.tierNames.get(t).indexOf(rs.getString(i + 1)));
                break;
              }
            case RFM_SCORES:
              {
                int code = rs.getInt(i + 1);
                if (!rs.wasNull()) {
                  results.rfm(rfm.get(col.name()), row, code / 100, code / 10 % 10, code % 10);
                }
                break;
              }
            default:
              break;
          }
        }
      }
    }
    return results.build();
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    return m;
  }
}
