package dev.segmentation.sql;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.testkit.RandomSchemas;
import java.io.IOException;
import java.nio.file.Files;
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
    EvaluationContext ctx) {

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

  /**
   * The case with only the customers whose rows differ in {@code result}, when that smaller case
   * still differs; otherwise this case. The reproducer then holds a handful of customers.
   */
  SqlCase minimize(Result result) throws SQLException {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (String line : result.detail()) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        ids.add(line.substring(0, colon));
      }
    }
    List<SchemaCustomer> differing = customers.stream().filter(c -> ids.contains(c.id())).toList();
    if (differing.isEmpty() || differing.size() == customers.size()) {
      return this;
    }
    SqlCase smaller = new SqlCase(seed, dialect, schema, catalog, differing, ctx);
    return smaller.run().outcome() == Outcome.DIFFERENT ? smaller : this;
  }

  /** How a case ended. */
  enum Outcome {
    SAME,
    /** The compiler refused the catalog for the dialect (the message says why). */
    REFUSED,
    /** The query stopped itself: a point within the geo band of a boundary. */
    REFUSED_AT_RUN,
    DIFFERENT
  }

  /**
   * The result of running a case.
   *
   * @param outcome how it ended
   * @param detail the refusal or the differences, one per line
   * @param sql the membership query, when compiled
   */
  record Result(Outcome outcome, List<String> detail, String sql) {}

  Result run() throws SQLException {
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
      List<Object> actualCounts = new ArrayList<>();
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
      long[] expectedCounts = new long[1 + catalog.segments().size()];
      expectedCounts[0] = customers.size();
      for (SchemaCustomer c : customers) {
        List<Object> expected = expected(rows, c, expectedCounts);
        List<Object> got = actual.remove(c.id());
        if (got == null) {
          differences.add(c.id() + ": missing from the result");
        } else if (!same(expected, got)) {
          differences.add(
              c.id() + ": expected " + expected + ", got " + got + " " + labels(membership));
        }
      }
      if (!actual.isEmpty()) {
        differences.add("rows for unknown ids " + actual.keySet());
      }
      List<Object> expectedCountList = new ArrayList<>();
      for (long n : expectedCounts) {
        expectedCountList.add(n);
      }
      if (!actualCounts.isEmpty() && !expectedCountList.equals(actualCounts)) {
        differences.add("counts: expected " + expectedCountList + ", got " + actualCounts);
      }
    }
    return new Result(
        differences.isEmpty() ? Outcome.SAME : Outcome.DIFFERENT, differences, membership.sql());
  }

  private static List<String> labels(SqlQuery q) {
    return q.columns().subList(1, q.columns().size()).stream().map(SqlQuery.Column::label).toList();
  }

  private List<Object> expected(CompiledCatalog rows, SchemaCustomer c, long[] counts) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < catalog.segments().size(); i++) {
      boolean member = rows.evaluate(i, c, ctx) == Truth.TRUE;
      out.add(member);
      counts[i + 1] += member ? 1 : 0;
    }
    catalog.scores().forEach(s -> out.add(rows.score(s.name(), c, ctx)));
    catalog.tierings().forEach(t -> out.add(rows.tier(t.name(), c, ctx)));
    catalog
        .rfmModels()
        .forEach(
            r -> {
              out.add(rows.tier(r.name(), c, ctx));
              var scores = rows.rfm(r.name(), c, ctx);
              out.add(
                  scores == null
                      ? null
                      : String.valueOf(scores.r() * 100 + scores.f() * 10 + scores.m()));
            });
    return out;
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

  /** Equal values; scores equal as doubles (0.0 and -0.0 are the same score). */
  private static boolean same(List<Object> expected, List<Object> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      if (e instanceof Double x && a instanceof Double y) {
        if (x.doubleValue() != y.doubleValue()) {
          return false;
        }
      } else if (!Objects.equals(e, a)) {
        return false;
      }
    }
    return true;
  }

  /** Writes rules, customers, the SQL and both answers to {@code dir}. */
  void writeReproducer(Path dir, Result result) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("rules.json"), RulesJson.write(new RulesDocument(schema, catalog)));
    StringBuilder customersText = new StringBuilder();
    customers.forEach(c -> customersText.append(c).append('\n'));
    Files.writeString(dir.resolve("customers.txt"), customersText);
    Files.writeString(dir.resolve("query.sql"), Objects.toString(result.sql(), "(not compiled)"));
    Files.writeString(dir.resolve("differences.txt"), String.join("\n", result.detail()) + "\n");
    Files.writeString(
        dir.resolve("README.txt"),
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
