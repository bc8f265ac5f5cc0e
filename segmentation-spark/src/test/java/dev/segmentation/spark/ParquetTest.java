package dev.segmentation.spark;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Holdable;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.RowEngineAnswers;
import dev.segmentation.sql.SqlCompileException;
import dev.segmentation.testkit.RandomCatalogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customers and events written as Parquet files (the customers, and every event type stacked in one
 * file with a {@code type} column, as the command line's Parquet layout), read back by Spark,
 * evaluated, and the memberships written as Parquet and read back: every value equals the row
 * engine's over the same customers.
 */
class ParquetTest {
  private static final SparkSession SPARK = TestSpark.session();

  @Test
  void parquetFiles_evaluatedAndWrittenAsParquet_equalTheRowEngine(@TempDir Path dir) {
    List<SchemaCustomer> customers = new ArrayList<>();
    for (SchemaCustomer c : new RandomCatalogs(16).customers(400)) {
      customers.add(Holdable.project(c, RandomCatalogs.SCHEMA, Dialect.SPARK));
    }
    String customersFile = dir.resolve("customers.parquet").toString();
    String eventsFile = dir.resolve("events.parquet").toString();
    CustomerDatasets.customers(SPARK, RandomCatalogs.SCHEMA, Mapping.defaults(), customers)
        .write()
        .parquet(customersFile);
    Dataset<Row> stacked = null;
    for (Map.Entry<String, Dataset<Row>> type :
        CustomerDatasets.events(SPARK, RandomCatalogs.SCHEMA, Mapping.defaults(), customers)
            .entrySet()) {
      Dataset<Row> rows = type.getValue().withColumn(SparkTables.TYPE_COLUMN, lit(type.getKey()));
      stacked = stacked == null ? rows : stacked.unionByName(rows, true);
    }
    stacked.write().parquet(eventsFile);

    int compared = 0;
    for (long seed = 1; compared < 5; seed++) {
      Catalog catalog = new RandomCatalogs(seed).catalog(6);
      Dataset<Row> members;
      try {
        members =
            SparkSegmentation.of(catalog, RandomCatalogs.SCHEMA)
                .evaluate(
                    SPARK.read().parquet(customersFile),
                    SPARK.read().parquet(eventsFile),
                    RandomCatalogs.CTX);
      } catch (SqlCompileException refused) {
        continue; // e.g. a case-insensitive pattern: tested elsewhere
      }
      String out = dir.resolve("members-" + seed + ".parquet").toString();
      members.write().parquet(out);
      Map<String, List<Object>> actual = new HashMap<>();
      for (Row r : SPARK.read().parquet(out).collectAsList()) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < r.size(); i++) {
          Object v = r.get(i);
          values.add(v == null || v instanceof Boolean || v instanceof Double ? v : v.toString());
        }
        actual.put(r.getString(0), values);
      }
      CompiledCatalog engine = RowEngine.compile(catalog, RandomCatalogs.SCHEMA);
      long[] counts = new long[1 + catalog.segments().size()];
      assertThat(actual).hasSize(customers.size());
      for (SchemaCustomer c : customers) {
        List<Object> expected =
            RowEngineAnswers.row(engine, catalog, c, RandomCatalogs.CTX, counts);
        assertThat(RowEngineAnswers.same(expected, actual.get(c.id())))
            .as(
                "seed %d, customer %s: expected %s, got %s",
                seed, c.id(), expected, actual.get(c.id()))
            .isTrue();
      }
      compared++;
    }
  }
}
