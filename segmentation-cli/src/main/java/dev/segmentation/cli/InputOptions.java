package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of commands that evaluate rules over a customer file: {@code run}, {@code explain}.
 */
final class InputOptions {

  @Option(
      names = "--rules",
      required = true,
      description = "Rules document (JSON).",
      paramLabel = "FILE")
  Path rules;

  /** The rules loaded while the command line was parsed (see {@link RulesAhead}), or null. */
  RulesAhead ahead;

  @Option(
      names = "--customers",
      required = true,
      description =
          "Customers, .csv or .jsonl (JSON Lines; events may be inline), or .parquet with --engine duckdb.",
      paramLabel = "FILE")
  Path customers;

  @Option(
      names = "--events",
      description =
          "Events by customer, .csv or .jsonl (see docs/cli.md), or .parquet with --engine duckdb.",
      paramLabel = "FILE")
  Path events;

  @CommandLine.Mixin TimeOptions time;

  @Option(
      names = "--tag-separator",
      defaultValue = "|",
      description = "Between the tags of a CSV cell (default: ${DEFAULT-VALUE}), e.g. ';'.",
      paramLabel = "TEXT")
  String tagSeparator;

  @Option(
      names = "--empty-tags",
      defaultValue = "none",
      description =
          "What an empty tag-set cell in CSV means: none (default: no tags) or missing (no value;"
              + " \"\" is then no tags, as in PostgreSQL's COPY and files written by generate).",
      paramLabel = "none|missing")
  String emptyTags;

  @Option(
      names = "--events-id-column",
      defaultValue = "customer",
      description =
          "The events file's column (or JSON field) of the customer id (default:"
              + " ${DEFAULT-VALUE}).",
      paramLabel = "NAME")
  String eventsIdColumn;

  /** Checks the file extensions and the dialect, raising a usage error; Parquet is refused. */
  void check(CommandLine.Model.CommandSpec spec) {
    check(spec, false);
  }

  /**
   * Checks the file extensions and the dialect, raising a usage error. Parquet files ({@code
   * .parquet}) are accepted only when {@code parquet} (the caller is {@code run --engine duckdb}),
   * and then for both files or neither.
   */
  void check(CommandLine.Model.CommandSpec spec, boolean parquet) {
    boolean customersParquet = ParquetInput.is(customers);
    if (customersParquet || ParquetInput.is(events)) {
      Path file = customersParquet ? customers : events;
      if (!parquet) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            file + ": Parquet files are read only by run --engine duckdb; use --engine duckdb");
      }
      if (events != null && ParquetInput.is(events) != customersParquet) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--customers and --events must both be Parquet (.parquet) or neither");
      }
    } else {
      Commands.format(spec, customers, "--customers");
      if (events != null) {
        Commands.format(spec, events, "--events");
      }
    }
    dialect(spec);
  }

  /** How the data files are written, from the options. */
  Dialect dialect(CommandLine.Model.CommandSpec spec) {
    boolean missing;
    switch (emptyTags) {
      case "none":
        missing = false;
        break;
      case "missing":
        missing = true;
        break;
      default:
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--empty-tags must be none or missing, got " + TextValues.quote(emptyTags));
    }
    try {
      return new Dialect(tagSeparator, missing, eventsIdColumn);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The evaluation context: {@code --as-of} (or now) in {@code --zone}. */
  EvaluationContext context() {
    return time.context();
  }

  /** Reads, checks and compiles {@link #rules}, as {@link Rules#load} does. */
  Rules.Loaded loadRules(PrintWriter err) throws Failure, IOException {
    return ahead == null ? Rules.load(rules, err) : ahead.take(rules, err);
  }
}
