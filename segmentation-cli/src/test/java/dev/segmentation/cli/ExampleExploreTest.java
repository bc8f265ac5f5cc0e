package dev.segmentation.cli;

import dev.segmentation.cli.generate.CustomerGenerator;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.RowEngine;
import java.io.PrintWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExampleExploreTest {
  @Test
  void explore() {
    Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
    var catalog = ExampleCatalog.catalog();
    var compiled = RowEngine.compile(catalog, CustomerGenerator.schema());
    RowBatch batch = new RowBatch(compiled, catalog, EvaluationContext.at(asOf));
    new CustomerGenerator(42).forEach(2000, asOf, batch::add);
    PrintWriter out = new PrintWriter(System.out, true);
    Report.print(batch.finish(), out);
    out.flush();
  }
}
