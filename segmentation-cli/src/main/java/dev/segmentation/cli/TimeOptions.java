package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** {@code --as-of} and {@code --zone}: the instant and zone of every command that evaluates. */
final class TimeOptions {
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

  /** The evaluation context: {@code --as-of} (or now) in {@code --zone}. */
  EvaluationContext context() {
    return EvaluationContext.at(asOf != null ? asOf : Instant.now(), zone);
  }
}
