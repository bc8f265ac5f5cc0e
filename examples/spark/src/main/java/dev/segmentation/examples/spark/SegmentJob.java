package dev.segmentation.examples.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.spark.CustomerDatasets;
import dev.segmentation.spark.SegmentCounts;
import dev.segmentation.spark.SparkSegmentation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A Spark job with two commands.
 *
 * <pre>
 * segment --rules rules.json --customers customers.parquet --events events.parquet
 *         --out members.parquet [--as-of INSTANT] [--zone ZONE]
 * prepare --rules rules.json --jsonl customers.jsonl --customers customers.parquet
 *         --events events.parquet
 * </pre>
 *
 * {@code segment} reads customers and events (every event type stacked, with a {@code type} column)
 * from Parquet, evaluates the rules' catalog with {@link SparkSegmentation} and writes one row per
 * customer (id, each segment, score, tier and RFM segment) as Parquet, then prints each segment's
 * members. {@code prepare} turns the command line's JSON Lines customers (the bundled {@code
 * examples/customers.jsonl}) into those two Parquet files with Spark, so that the example runs on
 * the bundled data. The master comes from {@code spark-submit} ({@code --master}).
 */
public final class SegmentJob {
  private SegmentJob() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args.length % 2 == 0) {
      throw new IllegalArgumentException(
          "usage: segment --rules R --customers C --events E --out O [--as-of I] [--zone Z]"
              + " | prepare --rules R --jsonl J --customers C --events E");
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option, got \"" + args[i] + "\"");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    RulesDocument rules = RulesJson.read(Path.of(required(options, "rules")));
    SparkSession spark = SparkSession.builder().appName("segmentation " + args[0]).getOrCreate();
    switch (args[0]) {
      case "segment":
        segment(spark, rules, options);
        break;
      case "prepare":
        prepare(spark, rules.schema(), options);
        break;
      default:
        throw new IllegalArgumentException("unknown command \"" + args[0] + "\"");
    }
  }

  private static String required(Map<String, String> options, String name) {
    String v = options.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  static void segment(SparkSession spark, RulesDocument rules, Map<String, String> options) {
    Instant asOf = Instant.parse(options.getOrDefault("as-of", Instant.now().toString()));
    ZoneId zone = ZoneId.of(options.getOrDefault("zone", "UTC"));
    EvaluationContext ctx = EvaluationContext.at(asOf, zone);
    SparkSegmentation segmentation = SparkSegmentation.of(rules.catalog(), rules.schema());
    Dataset<Row> customers = spark.read().parquet(required(options, "customers"));
    Dataset<Row> events = spark.read().parquet(required(options, "events"));
    Dataset<Row> members = segmentation.evaluate(customers, events, ctx);
    members.write().mode(SaveMode.Overwrite).parquet(required(options, "out"));

    SegmentCounts counts = segmentation.counts(customers, events, ctx);
    System.out.printf("%,d customers as of %s (%s)%n%n", counts.customers(), asOf, zone.getId());
    counts.members().forEach((segment, n) -> System.out.printf("%-22s %,9d%n", segment, n));
  }

  /** The JSON Lines customers as the Parquet layout: columns by attribute, events stacked. */
  static void prepare(SparkSession spark, Schema schema, Map<String, String> options) {
    Dataset<Row> json = spark.read().json(required(options, "jsonl"));
    Set<String> present = new LinkedHashSet<>(List.of(json.columns()));
    List<Column> customer = new ArrayList<>();
    customer.add(col("id").cast(DataTypes.StringType).as("id"));
    for (Attribute<?> a : schema.attributeList()) {
      String name = a.name();
      if (a.type() == AttributeType.GEO_POINT) {
        customer.add(field(present, name, "lat", DataTypes.DoubleType).as(name + "_lat"));
        customer.add(field(present, name, "lon", DataTypes.DoubleType).as(name + "_lon"));
      } else {
        customer.add(field(present, name, null, CustomerDatasets.sparkType(a.type())).as(name));
      }
    }
    json.select(customer.toArray(Column[]::new))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(required(options, "customers"));

    Dataset<Row> exploded =
        json.select(col("id").cast(DataTypes.StringType).as("id"), explode(col("events")).as("e"))
            .select("id", "e.*");
    Set<String> eventFields = new LinkedHashSet<>(List.of(exploded.columns()));
    List<Column> event = new ArrayList<>();
    event.add(col("id").as("customer_id"));
    event.add(col("type").cast(DataTypes.StringType).as("type"));
    event.add(col("timestamp").cast(DataTypes.TimestampType).as("event_time"));
    Set<String> written = new LinkedHashSet<>();
    for (EventType type : schema.eventTypes().values()) {
      for (Attribute<?> p : type.properties().values()) {
        if (p.type() == AttributeType.GEO_POINT) {
          throw new IllegalArgumentException("this example does not convert point properties");
        }
        if (written.add(p.name())) {
          event.add(
              field(eventFields, p.name(), null, CustomerDatasets.sparkType(p.type()))
                  .as(p.name()));
        }
      }
    }
    exploded
        .select(event.toArray(Column[]::new))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(required(options, "events"));
  }

  /** A JSON field (or a field of it) cast to {@code type}; NULL where no row has it. */
  private static Column field(Set<String> present, String name, String part, DataType type) {
    if (!present.contains(name)) {
      return lit(null).cast(type);
    }
    Column c = part == null ? col("`" + name + "`") : col("`" + name + "`." + part);
    return c.cast(type);
  }
}
