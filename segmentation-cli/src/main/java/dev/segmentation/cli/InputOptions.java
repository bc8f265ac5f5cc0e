package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
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

  @Option(
      names = "--customers",
      required = true,
      description = "Customers, .csv or .jsonl (JSON Lines; events may be inline).",
      paramLabel = "FILE")
  Path customers;

  @Option(
      names = "--events",
      description = "Events by customer, .csv or .jsonl (see docs/cli.md).",
      paramLabel = "FILE")
  Path events;

  @Option(
      names = "--as-of",
      description = "Evaluate as of this instant (default: now); a date means its start in UTC.",
      paramLabel = "INSTANT")
  Instant asOf;

  @Option(
      names = "--zone",
      defaultValue = "UTC",
      description = "Zone of calendar windows (default: ${DEFAULT-VALUE}).",
      paramLabel = "ZONE")
  ZoneId zone;

  /** Checks the file extensions, raising a usage error. */
  void check(CommandLine.Model.CommandSpec spec) {
    Commands.format(spec, customers, "--customers");
    if (events != null) {
      Commands.format(spec, events, "--events");
    }
  }

  /** The evaluation context: {@code --as-of} (or now) in {@code --zone}. */
  EvaluationContext context() {
    return EvaluationContext.at(asOf != null ? asOf : Instant.now(), zone);
  }
}
