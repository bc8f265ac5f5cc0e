package dev.segmentation.benchmarks;

import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
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

/** Authoring: check and compile a catalog of 1,000 segments, as a rules UI does on every save. */
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

  @Setup(Level.Trial)
  public void prepare() {
    catalog = Catalogs.catalog(Catalogs.AUTHORING_SIZE, CATALOG_SEED);
  }

  /** Checks and compiles the catalog for the row engine (compiling checks it first). */
  @Benchmark
  public CompiledCatalog checkAndCompile() {
    return RowEngine.compile(catalog, Population.schema());
  }
}
