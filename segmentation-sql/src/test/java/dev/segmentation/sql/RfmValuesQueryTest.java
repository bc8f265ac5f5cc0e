package dev.segmentation.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.testkit.RandomSchemas;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SqlCompiler#rfmValuesQuery} gives each customer the recency, frequency and monetary value
 * the row engine computes for its RFM model (NULL without events in the window), on both databases.
 */
class RfmValuesQueryTest {

  @Test
  void rfmValues_equalTheRowEnginesOnRandomCustomers() throws SQLException {
    int checked = 0;
    for (long seed = 1; checked < 4; seed++) {
      RandomSchemas random = new RandomSchemas(seed);
      // The RFM model alone: the random segments may hold what a dialect refuses.
      Catalog catalog = new Catalog(null, null, null, random.catalog(1).rfmModels());
      if (catalog.rfmModels().isEmpty()) {
        continue;
      }
      RfmModel model = catalog.rfmModels().get(0);
      EvaluationContext ctx = random.context();
      for (Dialect d : OnBothDatabases.DIALECTS) {
        List<SchemaCustomer> customers = new ArrayList<>();
        for (SchemaCustomer c : random.customers(50)) {
          customers.add(Holdable.project(c, random.schema(), d));
        }
        CompiledCatalog rows = RowEngine.compile(catalog, random.schema());
        Map<String, List<Object>> expected = new TreeMap<>();
        for (SchemaCustomer c : customers) {
          RfmScores s = rows.rfm(model.name(), c, ctx);
          expected.put(
              c.id(),
              s == null
                  ? List.of("-", "-", "-")
                  : List.of(s.recencyDays(), s.frequency(), s.monetary() + 0.0));
        }
        SqlQuery q =
            SqlCompiler.of(catalog, random.schema(), d, Mapping.defaults()).rfmValuesQuery(ctx);
        assertThat(q.columns().stream().map(SqlQuery.Column::label))
            .containsExactly(
                "id",
                "rfm-recency:" + model.name(),
                "rfm-frequency:" + model.name(),
                "rfm-monetary:" + model.name());
        Map<String, List<Object>> actual = new TreeMap<>();
        try (Databases.Place place = Databases.open(d)) {
          TableLoader loader = TableLoader.of(d, random.schema(), Mapping.defaults());
          loader.create(place.connection());
          loader.insert(place.connection(), customers);
          try (Statement s = place.connection().createStatement();
              ResultSet rs = s.executeQuery(q.sql())) {
            while (rs.next()) {
              actual.put(
                  rs.getString(1),
                  rs.getObject(2) == null // DuckDB's wasNull() misses a NULL BIGINT
                      ? List.of("-", "-", "-")
                      : List.of(rs.getLong(2), rs.getLong(3), rs.getDouble(4) + 0.0));
            }
          }
        }
        assertThat(actual).as("seed %d in %s", seed, d.displayName()).isEqualTo(expected);
      }
      checked++;
    }
  }
}
