package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.testkit.RandomCatalogs;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The columnar engine and the row engine give the same members for every segment of random catalogs
 * over random customers; on a difference the test prints a reproducer.
 */
class ColumnarDifferentialTest {

  @Test
  void randomCatalogs_columnarMembersEqualRowEngineTrueSets() {
    int cases = 0;
    for (long seed = 1; seed <= 300; seed++) {
      RandomCatalogs random = new RandomCatalogs(seed);
      Catalog catalog = random.catalog(1 + (int) (seed % 6));
      List<SchemaCustomer> customers = random.customers(60 + (int) (seed % 5) * 30);
      EvaluationContext ctx =
          seed % 3 == 0
              ? RandomCatalogs.CTX.withZone(ZoneId.of("Europe/Helsinki"))
              : RandomCatalogs.CTX;
      compare(seed, catalog, customers, ctx);
      cases += catalog.segments().size() * customers.size();
    }
    assertThat(cases).isGreaterThan(50_000);
  }

  static void compare(
      long seed, Catalog catalog, List<SchemaCustomer> customers, EvaluationContext ctx) {
    CompiledCatalog rows = RowEngine.compile(catalog, RandomCatalogs.SCHEMA);
    ColumnarCatalog columnar = ColumnarEngine.compile(catalog, RandomCatalogs.SCHEMA);
    CustomerTable table = CustomerTable.of(RandomCatalogs.SCHEMA, customers);
    BatchResult result = columnar.evaluate(table, ctx, 1 + (int) (seed % 2));
    for (int s = 0; s < catalog.segments().size(); s++) {
      String name = catalog.segments().get(s).name();
      RoaringBitmap expected = new RoaringBitmap();
      for (int r = 0; r < customers.size(); r++) {
        if (rows.evaluate(s, customers.get(r), ctx) == Truth.TRUE) {
          expected.add(r);
        }
      }
      if (!expected.equals(result.members(name))) {
        throw new AssertionError(reproducer(seed, catalog, customers, name, expected, result));
      }
    }
    for (dev.segmentation.segment.ScoreModel model : catalog.scores()) {
      double[] scores = result.scores(model.name());
      for (int r = 0; r < customers.size(); r++) {
        assertThat(scores[r]).isEqualTo(rows.score(model.name(), customers.get(r), ctx));
      }
    }
    for (dev.segmentation.segment.Tiering tiering : catalog.tierings()) {
      for (int r = 0; r < customers.size(); r++) {
        assertThat(result.tier(tiering.name(), r))
            .isEqualTo(rows.tier(tiering.name(), customers.get(r), ctx));
      }
    }
  }

  private static String reproducer(
      long seed,
      Catalog catalog,
      List<SchemaCustomer> customers,
      String segment,
      RoaringBitmap expected,
      BatchResult result) {
    RoaringBitmap onlyRow = RoaringBitmap.andNot(expected, result.members(segment));
    RoaringBitmap onlyColumnar = RoaringBitmap.andNot(result.members(segment), expected);
    StringBuilder sb = new StringBuilder();
    sb.append("engines differ on segment ")
        .append(segment)
        .append(" (seed ")
        .append(seed)
        .append(")\n");
    sb.append("schema: ").append(RandomCatalogs.SCHEMA).append('\n');
    sb.append("catalog: ").append(catalog).append('\n');
    sb.append("row engine only: ").append(onlyRow).append('\n');
    sb.append("columnar only: ").append(onlyColumnar).append('\n');
    RoaringBitmap differing = RoaringBitmap.or(onlyRow, onlyColumnar);
    differing.forEach((int r) -> sb.append("  ").append(customers.get(r)).append('\n'));
    return sb.toString();
  }
}
