package dev.segmentation.spark;

import com.google.common.collect.ImmutableList;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.DifferentialRun;
import dev.segmentation.sql.DifferentialRun.Outcome;
import dev.segmentation.sql.DifferentialRun.Result;
import dev.segmentation.sql.Holdable;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.RowEngineAnswers;
import dev.segmentation.sql.SqlCompileException;
import dev.segmentation.sql.SqlCompiler;
import dev.segmentation.testkit.RandomSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One differential case of the Spark backend: the random schema, catalog and customers of one seed
 * (the generator of the engines' and the SQL backend's differential tests), moved into what the
 * layout holds ({@link Holdable}), turned into datasets, evaluated by {@link SparkSegmentation} and
 * compared with the row engine: every segment, score, tier and RFM segment of every customer, and
 * (every fourth seed) the counts.
 */
record SparkCase(
    long seed,
    Schema schema,
    Catalog catalog,
    List<SchemaCustomer> customers,
    EvaluationContext ctx)
    implements DifferentialRun.Case {

  /** The seed's case: 1 to 8 segments; up to 120 customers, one case in eighty up to 1,200. */
  static SparkCase generate(long seed) {
    RandomSchemas random = new RandomSchemas(seed);
    Random sizes = new Random(seed);
    Catalog catalog = random.catalog(1 + sizes.nextInt(8));
    int n = seed % 80 == 7 ? 600 + sizes.nextInt(600) : 1 + sizes.nextInt(120);
    List<SchemaCustomer> customers = new ArrayList<>();
    for (SchemaCustomer c : random.customers(n)) {
      customers.add(Holdable.project(c, random.schema(), Dialect.SPARK));
    }
    return new SparkCase(
        seed, random.schema(), catalog, ImmutableList.copyOf(customers), random.context());
  }

  @Override
  public Result run() {
    try { // refusals first, before any dataset is made
      SqlCompiler.of(catalog, schema, Dialect.SPARK, Mapping.defaults())
          .withRegexFunction("re2_find")
          .membershipQuery(ctx);
    } catch (SqlCompileException e) {
      return new Result(Outcome.REFUSED, List.of(e.getMessage()), null);
    }
    SparkSegmentation segmentation = SparkSegmentation.of(catalog, schema);
    // One case in four runs with Spark's generated code, the others interpreted (faster here).
    SparkSession spark = seed % 4 == 1 ? TestSpark.compiledSession() : TestSpark.session();
    Dataset<Row> people = CustomerDatasets.customers(spark, schema, Mapping.defaults(), customers);
    Map<String, Dataset<Row>> events =
        CustomerDatasets.events(spark, schema, Mapping.defaults(), customers);
    List<Row> rows;
    SegmentCounts counts = null;
    try {
      rows = segmentation.evaluate(people, events, ctx).collectAsList();
      if (seed % 4 == 0) {
        counts = segmentation.counts(people, events, ctx);
      }
    } catch (SqlCompileException e) {
      return new Result(Outcome.REFUSED, List.of(e.getMessage()), null);
    } catch (Exception e) { // Spark throws checked exceptions, e.g. from a broadcast, unannounced
      if (Objects.toString(e.getMessage()).contains("trigonometry may round")) {
        return new Result(Outcome.REFUSED_AT_RUN, List.of(e.getMessage()), null);
      }
      return new Result(Outcome.DIFFERENT, List.of("the query failed: " + e), null);
    }
    Map<String, List<Object>> actual = new LinkedHashMap<>();
    for (Row r : rows) {
      List<Object> values = new ArrayList<>();
      for (int i = 1; i < r.size(); i++) {
        values.add(read(r, i, catalog.segments().size()));
      }
      actual.put(r.getString(0), values);
    }
    List<Long> actualCounts = new ArrayList<>();
    if (counts != null) {
      actualCounts.add(counts.customers());
      actualCounts.addAll(counts.members().values());
    }
    List<String> differences =
        RowEngineAnswers.differences(
            RowEngine.compile(catalog, schema), catalog, customers, ctx, actual, actualCounts, "");
    return new Result(differences.isEmpty() ? Outcome.SAME : Outcome.DIFFERENT, differences, null);
  }

  /** A result column as {@link RowEngineAnswers} writes it: booleans, doubles, text. */
  private static Object read(Row r, int i, int segments) {
    if (i <= segments) {
      return !r.isNullAt(i) && r.getBoolean(i); // NULL (UNKNOWN) is not a member
    }
    Object v = r.get(i);
    return v == null || v instanceof Double ? v : v.toString();
  }

  @Override
  public SparkCase only(Set<String> ids) {
    List<SchemaCustomer> kept = customers.stream().filter(c -> ids.contains(c.id())).toList();
    return kept.isEmpty() || kept.size() == customers.size()
        ? this
        : new SparkCase(seed, schema, catalog, kept, ctx);
  }

  /** Writes the rules, the customers, the query and both answers to {@code dir}. */
  @Override
  public void writeReproducer(Path dir, Result result) throws IOException {
    String sql;
    try {
      sql =
          SqlCompiler.of(catalog, schema, Dialect.SPARK, Mapping.defaults())
              .withRegexFunction("re2_find")
              .membershipQuery(ctx)
              .sql();
    } catch (SqlCompileException e) {
      sql = "(not compiled: " + e.getMessage() + ")";
    }
    DifferentialRun.writeReproducer(
        dir,
        schema,
        catalog,
        customers,
        sql,
        result,
        "Spark differential case, seed "
            + seed
            + ", "
            + ctx
            + "\nEach line of differences.txt is one customer: the row engine's answer (expected)"
            + " and Spark's (got), in the column order of query.sql (written over the default"
            + " table names; SparkSegmentation runs it over views of its own).\nRerun: mvn -B"
            + " verify -pl segmentation-spark -am -Dtest=SparkDifferentialTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dspark.differential.seed="
            + seed
            + "\n");
  }
}
