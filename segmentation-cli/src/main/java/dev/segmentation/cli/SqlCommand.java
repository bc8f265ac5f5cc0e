package dev.segmentation.cli;

import dev.segmentation.check.Spelling;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.ExternalName;
import dev.segmentation.sql.Dialect;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.SqlCompileException;
import dev.segmentation.sql.SqlCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segmentation sql}: prints the SQL that evaluates a rules document in a database. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the SQL query that computes every segment, score, tier and RFM segment of the rules"
          + " in a database, with the library's exact answers (see docs/sql.md).",
      "Exits 1 when the rules have errors or use something the dialect cannot evaluate exactly."
    })
final class SqlCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rules",
      required = true,
      description = "Rules document (JSON).",
      paramLabel = "FILE")
  Path rules;

  @Option(
      names = "--dialect",
      required = true,
      description = "duckdb, postgres or spark.",
      paramLabel = "DIALECT")
  String dialect;

  @CommandLine.Mixin TimeOptions time;

  @Option(
      names = "--mapping",
      description = "Table and column names (JSON, see docs/sql.md); default: the standard layout.",
      paramLabel = "FILE")
  Path mapping;

  @Option(
      names = "--counts",
      description = "Print the counts query (members per segment) instead of the membership query.")
  boolean counts;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Dialect d = Dialect.fromExternalName(dialect);
    if (d == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--dialect must be "
              + Spelling.either(ExternalName.names(Dialect.class))
              + ", got \""
              + dialect
              + "\"");
    }
    try {
      Rules.Loaded loaded = Rules.load(rules, err);
      Mapping m = mapping == null ? Mapping.defaults() : SqlMappingFile.read(mapping);
      SqlCompiler compiler = SqlCompiler.of(loaded.checked(), d, m);
      EvaluationContext ctx = time.context();
      out.print(counts ? compiler.countsQuery(ctx).sql() : compiler.membershipQuery(ctx).sql());
      out.flush();
      return ExitCode.OK;
    } catch (Failure f) {
      if (f.getMessage() != null) {
        err.println("segmentation sql: " + f.getMessage());
      }
      return f.exitCode;
    } catch (SqlCompileException e) {
      err.println("segmentation sql: " + rules + ": " + e.getMessage());
      return ExitCode.INVALID;
    } catch (IOException e) {
      err.println("segmentation sql: " + Rules.describe(e));
      return ExitCode.IO;
    }
  }
}
