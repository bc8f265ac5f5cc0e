package dev.segmentation.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Checker;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Schema;
import dev.segmentation.plan.Plan;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.SqlCompiler;
import dev.segmentation.sql.SqlQuery;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Evaluates a catalog over customers and events held in Spark: every segment, score, tier and RFM
 * segment of every customer, with exactly the row engine's answers. The catalog becomes one Spark
 * SQL query (the SQL module's Spark dialect) over the caller's datasets, so Catalyst plans it as
 * any other query: columns the catalog does not read are never loaded, and each event type is
 * aggregated once per customer.
 *
 * <pre>{@code
 * SparkSegmentation segmentation = SparkSegmentation.of(catalog, schema);
 * Dataset<Row> customers = spark.read().parquet("customers.parquet");
 * Dataset<Row> events = spark.read().parquet("events.parquet"); // stacked, with a "type" column
 * EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-11-01T00:00:00Z"));
 * Dataset<Row> members = segmentation.evaluate(customers, events, ctx);
 * members.write().parquet("members.parquet");
 * }</pre>
 *
 * <p>The datasets hold the layout of {@code docs/sql.md} (customers: the id and one column per
 * attribute; events: the customer, the time and one column per property), with the names of a
 * {@link Mapping}. The result has the columns of {@link SqlCompiler#membershipQuery}, in no
 * particular row order: {@code id}, {@code segment:<name>} (true when the condition is TRUE, false
 * when it is FALSE or UNKNOWN), {@code score:<name>} (double), {@code tiering:<name>} (the tier),
 * {@code rfm:<name>} (the RFM segment) and {@code rfm-scores:<name>} ({@code R*100 + F*10 + M}).
 * Regular expressions that Spark's {@code RLIKE} (Java's regex) would read differently from RE2,
 * and case-insensitive ones, are decided by the row engine's own leaf in a small Java function
 * registered for the query ({@code Re2Find}); everything else is Spark SQL. What Spark cannot
 * evaluate exactly (the anniversary of a timestamp in a zone with daylight saving, say) is refused
 * when the query is built, with a {@link dev.segmentation.sql.SqlCompileException} naming the
 * segment and the JSON Pointer of the node, before Spark runs anything. {@link #fitRfm} fits RFM
 * cut points in Spark. Immutable and thread-safe.
 */
public final class SparkSegmentation {
  private final Plan plan;
  private final Catalog catalog;
  private final Schema schema;
  private final Mapping names;

  private SparkSegmentation(Plan plan, Mapping names) {
    this.plan = plan;
    this.catalog = plan.checked().catalog();
    this.schema = plan.checked().schema();
    this.names = names;
  }

  /**
   * The catalog, checked against {@code schema}, over datasets with the default names ({@code id},
   * attributes by name; events {@code customer_id}, {@code event_time}, properties by name).
   *
   * @throws dev.segmentation.check.CheckException when the catalog has errors
   */
  public static SparkSegmentation of(Catalog catalog, Schema schema) {
    return of(catalog, schema, Mapping.defaults());
  }

  /**
   * The catalog, checked against {@code schema}, over datasets whose columns are named by {@code
   * names} (its table names play no part: the datasets are passed in).
   *
   * @throws dev.segmentation.check.CheckException when the catalog has errors
   */
  public static SparkSegmentation of(Catalog catalog, Schema schema, Mapping names) {
    if (catalog == null || schema == null) {
      throw new IllegalArgumentException("catalog and schema must not be null");
    }
    return of(Checker.standard().checked(catalog, schema), names);
  }

  /**
   * A checked catalog (not checked again) over datasets whose columns are named by {@code names}.
   */
  public static SparkSegmentation of(CheckedCatalog checked, Mapping names) {
    if (checked == null) {
      throw new IllegalArgumentException("checked must not be null");
    }
    return of(Plan.of(checked), names);
  }

  /**
   * A logical plan (nothing checked or rewritten again) over datasets whose columns are named by
   * {@code names}: every evaluation compiles the same plan to Spark SQL.
   */
  public static SparkSegmentation of(Plan plan, Mapping names) {
    if (plan == null || names == null) {
      throw new IllegalArgumentException("plan and mapping must not be null");
    }
    return new SparkSegmentation(plan, names);
  }

  /**
   * One row per customer: the id, then each segment, score, tier and RFM segment, in catalog order.
   * Lazy, as any Dataset: Spark runs it when the caller writes or collects it.
   *
   * @param events every event type in one dataset, with a string column {@code type} naming each
   *     row's type (the layout of the command line's Parquet events file); a row's columns of other
   *     types are ignored
   * @throws dev.segmentation.sql.SqlCompileException when a node cannot be evaluated exactly in
   *     Spark
   * @throws IllegalArgumentException naming the dataset and column when a column is missing or of a
   *     type that cannot hold its attribute
   */
  public Dataset<Row> evaluate(Dataset<Row> customers, Dataset<Row> events, EvaluationContext ctx) {
    return run(customers, null, requireEvents(events), ctx, false);
  }

  /**
   * As {@link #evaluate(Dataset, Dataset, EvaluationContext)}, with one dataset per event type (a
   * type without a dataset has no events).
   */
  public Dataset<Row> evaluate(
      Dataset<Row> customers, Map<String, Dataset<Row>> eventsByType, EvaluationContext ctx) {
    return run(customers, requireTypes(eventsByType), null, ctx, false);
  }

  /**
   * The number of customers and of each segment's members, computed by Spark without collecting the
   * rows.
   *
   * @see #evaluate(Dataset, Dataset, EvaluationContext)
   */
  public SegmentCounts counts(Dataset<Row> customers, Dataset<Row> events, EvaluationContext ctx) {
    return counts(run(customers, null, requireEvents(events), ctx, true));
  }

  /** As {@link #counts(Dataset, Dataset, EvaluationContext)}, with one dataset per event type. */
  public SegmentCounts counts(
      Dataset<Row> customers, Map<String, Dataset<Row>> eventsByType, EvaluationContext ctx) {
    return counts(run(customers, requireTypes(eventsByType), null, ctx, true));
  }

  /**
   * The model {@code draft} (its cut points ignored) with cut points fitted on the customers and
   * events in Spark, equal to {@link dev.segmentation.engine.row.RfmFit}'s on the same data:
   * recency, frequency and monetary value computed by the SQL of the RFM columns of {@link
   * #evaluate}, over the customers with at least one event in the window (the others are left out),
   * and each cut point the value at the rank {@link RfmModel#cutRanks} gives (nearest rank, the
   * same rule as every backend's). Spark sorts the three values (stacked) and returns only the
   * twelve values at those ranks: no customer row is collected to the driver.
   *
   * <pre>{@code
   * List<Double> any = List.of(0.0, 1.0, 2.0, 3.0); // replaced by the fit
   * RfmModel draft =
   *     new RfmModel("rfm", "", "purchase", "amount", EventWindow.last(2, YEARS), any, any, any);
   * RfmModel fitted =
   *     SparkSegmentation.fitRfm(draft, schema, Mapping.defaults(), customers, events, ctx);
   * }</pre>
   *
   * <p>Monetary values are sums of doubles added in Spark's order: they equal the row engine's
   * exactly when every partial sum is exact (see {@code docs/sql.md}, "Sums of doubles").
   *
   * @param events every event type in one dataset with a string column {@code type}, as for {@link
   *     #evaluate(Dataset, Dataset, EvaluationContext)}
   * @throws IllegalArgumentException when no customer has an event in the window, when the model's
   *     event type or money property does not fit the schema (a {@link
   *     dev.segmentation.check.CheckException}), or naming the dataset and column when a column is
   *     missing or mistyped
   */
  public static RfmModel fitRfm(
      RfmModel draft,
      Schema schema,
      Mapping names,
      Dataset<Row> customers,
      Dataset<Row> events,
      EvaluationContext ctx) {
    SparkSegmentation one = rfmOnly(draft, schema, names);
    return one.fit(draft, customers, null, requireEvents(events), ctx);
  }

  /**
   * As {@link #fitRfm(RfmModel, Schema, Mapping, Dataset, Dataset, EvaluationContext)}, with one
   * dataset per event type.
   */
  public static RfmModel fitRfm(
      RfmModel draft,
      Schema schema,
      Mapping names,
      Dataset<Row> customers,
      Map<String, Dataset<Row>> eventsByType,
      EvaluationContext ctx) {
    SparkSegmentation one = rfmOnly(draft, schema, names);
    return one.fit(draft, customers, one.requireTypes(eventsByType), null, ctx);
  }

  /** The draft alone, checked against the schema: the event type and money property must fit. */
  private static SparkSegmentation rfmOnly(RfmModel draft, Schema schema, Mapping names) {
    if (draft == null) {
      throw new IllegalArgumentException("the draft RFM model must not be null");
    }
    return of(new Catalog(null, null, null, ImmutableList.of(draft)), schema, names);
  }

  /** The draft fitted: this is {@link #rfmOnly} of it. */
  private RfmModel fit(
      RfmModel draft,
      Dataset<Row> customers,
      Map<String, Dataset<Row>> eventsByType,
      Dataset<Row> stacked,
      EvaluationContext ctx) {
    if (ctx == null) {
      throw new IllegalArgumentException("the evaluation context must not be null");
    }
    Dataset<Row> values;
    try (SparkTables tables =
        SparkTables.register(schema, names, customers, eventsByType, stacked)) {
      SqlQuery query = SqlCompiler.of(plan, Dialect.SPARK, tables.layout()).rfmValuesQuery(ctx);
      values = customers.sparkSession().sql(query.sql());
    }
    // id, recency, frequency, monetary; + 0.0 turns a sum of -0.0 into 0.0, as the row engine's.
    Dataset<Row> fitted =
        values
            .toDF("id", "r", "f", "m")
            .where(col("f").isNotNull())
            .select(col("r"), col("f"), col("m").plus(lit(0.0)).as("m"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = fitted.count();
      long[] ranks = draft.cutRanks(n); // throws, naming the model, when n is 0
      List<List<Double>> cuts = Quintiles.of(fitted, n, ranks, "r", "f", "m");
      return draft.withCutPoints(cuts.get(0), cuts.get(1), cuts.get(2));
    } finally {
      fitted.unpersist();
    }
  }

  private SegmentCounts counts(Dataset<Row> result) {
    Row row = result.first();
    ImmutableMap.Builder<String, Long> members = ImmutableMap.builder();
    for (int i = 0; i < catalog.segments().size(); i++) {
      members.put(catalog.segments().get(i).name(), row.getLong(i + 1));
    }
    return new SegmentCounts(row.getLong(0), members.build());
  }

  private static Dataset<Row> requireEvents(Dataset<Row> events) {
    if (events == null) {
      throw new IllegalArgumentException(
          "the events dataset must not be null (pass an empty map for no events)");
    }
    return events;
  }

  private Map<String, Dataset<Row>> requireTypes(Map<String, Dataset<Row>> eventsByType) {
    if (eventsByType == null) {
      throw new IllegalArgumentException("the map of events datasets must not be null");
    }
    for (String type : eventsByType.keySet()) {
      if (schema.eventType(type) == null) {
        throw new IllegalArgumentException(
            "events dataset for \""
                + type
                + "\", which the schema does not declare; its event types are "
                + schema.eventTypes().keySet());
      }
    }
    return eventsByType;
  }

  private Dataset<Row> run(
      Dataset<Row> customers,
      Map<String, Dataset<Row>> eventsByType,
      Dataset<Row> stacked,
      EvaluationContext ctx,
      boolean counts) {
    if (ctx == null) {
      throw new IllegalArgumentException("the evaluation context must not be null");
    }
    try (SparkTables tables =
        SparkTables.register(schema, names, customers, eventsByType, stacked)) {
      // Patterns RLIKE cannot evaluate exactly go to Re2Find, registered for this evaluation.
      SqlCompiler compiler =
          SqlCompiler.of(plan, Dialect.SPARK, tables.layout())
              .withRegexFunction(tables.regexFunction(plan.checked().limits()));
      SqlQuery query = counts ? compiler.countsQuery(ctx) : compiler.unorderedMembershipQuery(ctx);
      // The query is analysed here, against the views; dropping them afterwards leaves it intact.
      Dataset<Row> result = customers.sparkSession().sql(query.sql());
      return counts ? result : membership(result, query);
    }
  }

  /**
   * The membership rows with each segment TRUE or FALSE: the query's segment columns are NULL where
   * the condition is UNKNOWN, and a customer is a member only when it is TRUE.
   */
  private static Dataset<Row> membership(Dataset<Row> rows, SqlQuery query) {
    // Columns by position: labels may differ only in case, which Spark's names may not tell apart.
    String[] positional = new String[query.columns().size()];
    Column[] select = new Column[positional.length];
    for (int i = 0; i < positional.length; i++) {
      positional[i] = "c" + i;
      SqlQuery.Column column = query.columns().get(i);
      Column value = col(positional[i]);
      if (column.kind() == SqlQuery.Kind.SEGMENT) {
        value = coalesce(value, lit(false));
      }
      select[i] = value.as(column.label());
    }
    return rows.toDF(positional).select(select);
  }
}
