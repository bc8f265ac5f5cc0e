package dev.segmentation.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Condition;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs one catalog over a few customers on DuckDB and PostgreSQL and checks that each database's
 * members equal the row engine's; returns the members, so that a test also states them.
 */
final class OnBothDatabases {
  private OnBothDatabases() {}

  static final Dialect[] DIALECTS = {Dialect.DUCKDB, Dialect.POSTGRES};

  /**
   * The ids for which {@code condition} is TRUE, the same from the row engine and both databases.
   */
  static TreeSet<String> members(
      Schema schema, Condition condition, List<? extends Customer> customers, EvaluationContext ctx)
      throws SQLException {
    return members(
        schema, Catalog.of(Segment.of("s", condition)), Mapping.defaults(), customers, ctx);
  }

  static TreeSet<String> members(
      Schema schema,
      Catalog catalog,
      Mapping mapping,
      List<? extends Customer> customers,
      EvaluationContext ctx)
      throws SQLException {
    CompiledCatalog rows = RowEngine.compile(catalog, schema);
    TreeSet<String> expected = new TreeSet<>();
    for (Customer c : customers) {
      if (rows.evaluate(0, c, ctx) == Truth.TRUE) {
        expected.add(c.id());
      }
    }
    for (Dialect d : DIALECTS) {
      assertThat(run(d, schema, catalog, mapping, customers, ctx))
          .as("members in %s", d.displayName())
          .isEqualTo(expected);
    }
    return expected;
  }

  /** The members of the first segment in one database. */
  static TreeSet<String> run(
      Dialect d,
      Schema schema,
      Catalog catalog,
      Mapping mapping,
      List<? extends Customer> customers,
      EvaluationContext ctx)
      throws SQLException {
    SqlQuery q = SqlCompiler.of(catalog, schema, d, mapping).membershipQuery(ctx);
    TreeSet<String> actual = new TreeSet<>();
    try (Databases.Place place = Databases.open(d)) {
      TableLoader loader = TableLoader.of(d, schema, mapping);
      loader.create(place.connection());
      loader.insert(place.connection(), new ArrayList<>(customers));
      try (Statement s = place.connection().createStatement();
          ResultSet rs = s.executeQuery(q.sql())) {
        while (rs.next()) {
          if (rs.getBoolean(2)) {
            actual.add(rs.getString(1));
          }
        }
      }
    }
    return actual;
  }
}
