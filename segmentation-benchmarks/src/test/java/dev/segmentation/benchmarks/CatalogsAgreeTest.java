package dev.segmentation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.segment.Catalog;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The catalog benchmarks' answers: on the first 20,000 generated customers the row and columnar
 * engines put the same customers in every segment of the benchmark catalogs, on one thread and two,
 * and the count-only path agrees with the member sets.
 */
class CatalogsAgreeTest {

  private static Population population;
  private static CustomerTable table;

  @BeforeAll
  static void generate() {
    population = Population.generate(20_000);
    table = population.table();
  }

  @Test
  void rowAndColumnar_everySegmentOfTheBenchmarkCatalogs_sameMembers() {
    List<Catalog> catalogs =
        List.of(
            Catalogs.catalog(Catalogs.BATCH_SIZE, CatalogBenchmark.CATALOG_SEED),
            Catalogs.catalog(Catalogs.SINGLE_SIZE, SingleCustomerBenchmark.CATALOG_SEED));
    for (Catalog catalog : catalogs) {
      CompiledCatalog row = RowEngine.compile(catalog, Population.schema());
      ColumnarCatalog columnar = ColumnarEngine.compile(catalog, Population.schema());
      BatchResult one = columnar.evaluate(table, Population.CONTEXT, 1);
      BatchResult two = columnar.evaluate(table, Population.CONTEXT, 2);
      long[] counts = columnar.counts(table, Population.CONTEXT, 2);
      Person[] people = population.people();
      int nonEmpty = 0;
      for (int s = 0; s < catalog.segments().size(); s++) {
        String name = catalog.segments().get(s).name();
        RoaringBitmap expected = new RoaringBitmap();
        for (int i = 0; i < people.length; i++) {
          if (row.evaluate(s, people[i], Population.CONTEXT) == Truth.TRUE) {
            expected.add(i);
          }
        }
        assertThat(one.members(name)).as("segment %s, 1 thread", name).isEqualTo(expected);
        assertThat(two.members(name)).as("segment %s, 2 threads", name).isEqualTo(expected);
        assertThat(counts[s]).as("count of %s", name).isEqualTo(expected.getLongCardinality());
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
      assertThat(nonEmpty).as("segments with members").isGreaterThan(catalog.segments().size() / 2);
    }
  }
}
