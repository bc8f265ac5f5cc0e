package dev.segmentation.benchmarks;

import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.segment.Catalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Authoring, as a rules UI does on every save: parse a JSON rules document of 1,000 segments (and
 * the schema), check it and compile it for the row engine; and the same without the parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AuthoringBenchmark {

  /** The seed of the 1,000-segment catalog. */
  static final long CATALOG_SEED = 1000;

  private Catalog catalog;
  private String json;

  @Setup(Level.Trial)
  public void prepare() {
    catalog = Catalogs.catalog(Catalogs.AUTHORING_SIZE, CATALOG_SEED);
    json = json();
  }

  /** The 1,000-segment catalog and the benchmark schema as a JSON rules document. */
  static String json() {
    Catalog c = Catalogs.catalog(Catalogs.AUTHORING_SIZE, CATALOG_SEED);
    return RulesJson.write(new RulesDocument(Population.schema(), c));
  }

  /** Parses the JSON document, checks it and compiles it. */
  @Benchmark
  public CompiledCatalog parseCheckAndCompile() {
    RulesDocument document = RulesJson.read(json);
    return RowEngine.compile(document.catalog(), document.schema());
  }

  /** Checks and compiles the catalog (compiling checks it first). */
  @Benchmark
  public CompiledCatalog checkAndCompile() {
    return RowEngine.compile(catalog, Population.schema());
  }
}
