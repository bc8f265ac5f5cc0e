package dev.segmentation.cli;

import dev.segmentation.testkit.CustomerGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segmentation generate}: writes a synthetic, realistic customer base. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes N synthetic customers (seeded, realistic: skewed countries, ages, incomes,"
          + " industries, company sizes, tags, and two years of purchase / email_open / page_view"
          + " events).",
      "JSON Lines carries events inline; with CSV, events go to --events-out."
    })
final class GenerateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--count", required = true, description = "How many customers.", paramLabel = "N")
  int count;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed; the same seed gives the same customers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--as-of",
      description = "Events lie in the two years up to this instant (default: today's start, UTC).",
      paramLabel = "INSTANT")
  Instant asOf;

  @Option(
      names = "--out",
      required = true,
      description = "Output file, .jsonl or .csv.",
      paramLabel = "FILE")
  Path out;

  @Option(
      names = "--events-out",
      description = "With CSV output: write events to this CSV file.",
      paramLabel = "FILE")
  Path eventsOut;

  @CommandLine.Mixin ProgressOption progress;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (count < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--count must not be negative, got " + count);
    }
    FileFormat format = Commands.format(spec, out, "--out");
    if (eventsOut != null
        && (format != FileFormat.CSV
            || Commands.format(spec, eventsOut, "--events-out") != FileFormat.CSV)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--events-out is for CSV output; use .csv for --out and --events-out");
    }
    Instant at =
        asOf != null
            ? asOf
            : LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    CustomerGenerator generator = new CustomerGenerator(seed);
    long[] written = {0};
    Progress bar = progress.factory(err).create("generating", count, () -> written[0]);
    try (AtomicFile file = AtomicFile.create(out);
        AtomicFile events = eventsOut == null ? null : AtomicFile.create(eventsOut)) {
      CustomerWriter writer =
          new CustomerWriter(
              CustomerGenerator.schema(),
              format,
              file.writer(),
              events == null ? null : events.writer());
      for (int i = 0; i < count; i++) {
        writer.write(generator.customer(i, at));
        written[0] = i + 1;
        bar.update(i + 1);
      }
      bar.finish();
      file.commit();
      if (events != null) {
        events.commit();
      }
    } catch (IOException e) {
      bar.finish();
      err.println("segmentation generate: cannot write: " + e.getMessage());
      return ExitCode.IO;
    }
    stdout.printf(
        "wrote %,d customers (seed %d, as of %s) to %s%s%n",
        count,
        seed,
        at,
        out,
        eventsOut != null
            ? " and their events to " + eventsOut
            : format == FileFormat.CSV ? " (without events: add --events-out FILE)" : "");
    return ExitCode.OK;
  }
}
