package dev.segmentation.sql;

import com.google.common.collect.ImmutableList;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.sql.DifferentialRun.Outcome;
import dev.segmentation.sql.DifferentialRun.Result;
import dev.segmentation.testkit.RandomSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * One differential case of the SQL backend: a random schema, catalog and customers from one seed
 * (the generator of the engines' differential test), moved into what the layout holds ({@link
 * Holdable}), loaded into a real database, queried with the compiled SQL, and compared with the row
 * engine: every segment, score, tier and RFM segment of every customer, and (every fourth seed) the
 * counts query.
 */
record SqlCase(
    long seed,
    Dialect dialect,
    Schema schema,
    Catalog catalog,
    List<SchemaCustomer> customers,
    EvaluationContext ctx)
    implements DifferentialRun.Case {

  /** The seed's case: 1 to 8 segments; up to 120 customers, one case in eighty up to 1,200. */
  static SqlCase generate(long seed, Dialect dialect) {
    RandomSchemas random = new RandomSchemas(seed);
    Random sizes = new Random(seed);
    Catalog catalog = random.catalog(1 + sizes.nextInt(8));
    int n = seed % 80 == 7 ? 600 + sizes.nextInt(600) : 1 + sizes.nextInt(120);
    List<SchemaCustomer> customers = new ArrayList<>();
    for (SchemaCustomer c : random.customers(n)) {
      customers.add(Holdable.project(c, random.schema(), dialect));
    }
    return new SqlCase(
        seed, dialect, random.schema(), catalog, ImmutableList.copyOf(customers), random.context());
  }

  @Override
  public SqlCase only(Set<String> ids) {
    List<SchemaCustomer> kept = customers.stream().filter(c -> ids.contains(c.id())).toList();
    return kept.isEmpty() || kept.size() == customers.size()
        ? this
        : new SqlCase(seed, dialect, schema, catalog, kept, ctx);
  }

  @Override
  public Result run() throws SQLException {
    SqlQuery membership;
    SqlQuery counts;
    try {
      SqlCompiler compiler = SqlCompiler.of(catalog, schema, dialect, Mapping.defaults());
      membership = compiler.membershipQuery(ctx);
      counts = compiler.countsQuery(ctx);
    } catch (SqlCompileException e) {
      return new Result(Outcome.REFUSED, List.of(e.getMessage()), null);
    }
    CompiledCatalog rows = RowEngine.compile(catalog, schema);
    List<String> differences = new ArrayList<>();
    try (Databases.Place place = Databases.open(dialect)) {
      TableLoader loader = TableLoader.of(dialect, schema, Mapping.defaults());
      loader.create(place.connection());
      loader.insert(place.connection(), customers);
      Map<String, List<Object>> actual = new LinkedHashMap<>();
      List<Long> actualCounts = new ArrayList<>();
      try (Statement s = place.connection().createStatement()) {
        try (ResultSet rs = s.executeQuery(membership.sql())) {
          while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 2; i <= membership.columns().size(); i++) {
              row.add(read(rs, i, membership.columns().get(i - 1).kind()));
            }
            actual.put(rs.getString(1), row);
          }
        }
        if (seed % 4 == 0) { // the counts query repeats the membership query's work
          try (ResultSet rs = s.executeQuery(counts.sql())) {
            rs.next();
            for (int i = 1; i <= counts.columns().size(); i++) {
              actualCounts.add(rs.getLong(i));
            }
          }
        }
      } catch (SQLException e) {
        if (Objects.toString(e.getMessage()).contains("trigonometry may round")) {
          return new Result(Outcome.REFUSED_AT_RUN, List.of(e.getMessage()), membership.sql());
        }
        return new Result(
            Outcome.DIFFERENT, List.of("the query failed: " + e.getMessage()), membership.sql());
      }
      differences.addAll(
          RowEngineAnswers.differences(
              rows, catalog, customers, ctx, actual, actualCounts, labels(membership).toString()));
    }
    return new Result(
        differences.isEmpty() ? Outcome.SAME : Outcome.DIFFERENT, differences, membership.sql());
  }

  private static List<String> labels(SqlQuery q) {
    return q.columns().subList(1, q.columns().size()).stream().map(SqlQuery.Column::label).toList();
  }

  private static Object read(ResultSet rs, int i, SqlQuery.Kind kind) throws SQLException {
    switch (kind) {
      case SEGMENT:
        return rs.getBoolean(i); // NULL (UNKNOWN) reads as false: not a member
      case SCORE:
        {
          double d = rs.getDouble(i);
          return rs.wasNull() ? null : d;
        }
      default:
        return rs.getString(i);
    }
  }

  /** Writes rules, customers, the SQL and both answers to {@code dir}. */
  @Override
  public void writeReproducer(Path dir, Result result) throws IOException {
    DifferentialRun.writeReproducer(
        dir,
        schema,
        catalog,
        customers,
        result.sql(),
        result,
        "SQL differential case, seed "
            + seed
            + ", "
            + dialect.displayName()
            + ", "
            + ctx
            + "\nEach line of differences.txt is one customer: the row engine's answer (expected)"
            + " and the database's (got), in the column order of query.sql.\nRerun: mvn -B verify"
            + " -pl segmentation-sql -am -Dtest=SqlDifferentialTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dsql.differential.seed="
            + seed
            + "\n");
  }
}
