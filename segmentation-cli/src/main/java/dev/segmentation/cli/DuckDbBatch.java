package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.SqlCompiler;
import dev.segmentation.sql.SqlQuery;
import dev.segmentation.sql.TableLoader;
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
        SqlCompiler.of(loaded.catalog(), loaded.schema(), Dialect.DUCKDB, Mapping.defaults())
            .membershipQuery(ctx);
    this.loader = TableLoader.of(Dialect.DUCKDB, loaded.schema(), Mapping.defaults());
  }

  @Override
  public void add(SchemaCustomer customer) {
    loader.check(customer);
    customers.add(customer);
  }

  @Override
  public Segmentation finish() {
    Segmentation.Builder results = new Segmentation.Builder(loaded.catalog());
    Map<String, Integer> rowOf = new HashMap<>();
    for (SchemaCustomer c : customers) {
      rowOf.put(c.id(), results.add(c.id()));
    }
    Map<String, Integer> segment = index(results.segments);
    Map<String, Integer> score = index(results.scores);
    Map<String, Integer> tiering = index(results.tierings);
    Map<String, Integer> rfm = index(results.rfmModels);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      loader.create(c);
      loader.insert(c, customers);
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
    } catch (SQLException e) {
      throw new QueryException("DuckDB could not evaluate the rules: " + e.getMessage(), e);
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
