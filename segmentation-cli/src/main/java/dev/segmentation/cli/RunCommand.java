package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.MembershipDiff;
import dev.segmentation.live.MembershipSnapshot;
import dev.segmentation.live.SnapshotDiff;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segmentation run}: segments a customer file and writes membership. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates every segment, tiering, score and RFM model of the rules over the customers;"
          + " prints members and share per segment and the overlaps, and writes membership.",
      "Bad rows stop the run before anything is written, unless --on-error skip."
    })
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin InputOptions input;

  @Option(
      names = "--out",
      description = "Membership per customer, .csv or .jsonl.",
      paramLabel = "FILE")
  Path out;

  @Option(
      names = "--out-dir",
      description = "One <segment>.csv of member ids per segment in this directory.",
      paramLabel = "DIR")
  Path outDir;

  @Option(
      names = "--on-error",
      defaultValue = "stop",
      description =
          "stop (default): a bad row ends the run, nothing is written; skip: bad rows"
              + " go to --rejects with the reason.",
      paramLabel = "stop|skip")
  String onError;

  @Option(
      names = "--rejects",
      description =
          "With --on-error skip: CSV of skipped rows (file, line, column, reason, record).",
      paramLabel = "FILE")
  Path rejects;

  @Option(
      names = "--engine",
      defaultValue = "row",
      description =
          "row (default): evaluate each customer as it is read, keeping only the results;"
              + " columnar: load all customers into a columnar table and evaluate on all cores;"
              + " duckdb: load them into an embedded DuckDB and evaluate the rules' SQL.",
      paramLabel = "row|columnar|duckdb")
  String engine;

  @Option(
      names = "--snapshot",
      description =
          "Also write the results as a membership snapshot (ids, members, scores, tiers, the"
              + " rules' fingerprint, asOf), for a later --previous.",
      paramLabel = "FILE")
  Path snapshot;

  @Option(
      names = "--previous",
      description =
          "A snapshot of an earlier run of the same rules: print who entered and left each"
              + " segment and the tier movements since, and write them to --changes-dir.",
      paramLabel = "FILE")
  Path previous;

  @Option(
      names = "--changes-dir",
      description =
          "With --previous: one <segment>.entered.csv and <segment>.exited.csv of ids per segment.",
      paramLabel = "DIR")
  Path changesDir;

  @CommandLine.Mixin ProgressOption progress;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    boolean skip = checkArguments();
    try {
      Rules.Loaded loaded = input.loadRules(err);
      MembershipSnapshot before = previous == null ? null : readPrevious(err);
      if (previous != null && before == null) {
        return ExitCode.INVALID;
      }
      EvaluationContext ctx = input.context();
      Batch batch =
          engine.equals("duckdb")
              ? new DuckDbBatch(loaded, ctx)
              : Rules.batch(loaded, ctx, engine.equals("columnar"));
      Segmentation result = null;
      Summary summary;
      SnapshotDiff diff = null;
      long skipped;
      // The row engine writes each customer's results as it goes and keeps none, unless a
      // snapshot needs them all.
      boolean streaming =
          batch instanceof RowBatch
              && snapshot == null
              && previous == null
              && !ParquetInput.is(input.customers);
      try (AtomicFile rejectsFile = skip ? AtomicFile.create(rejects) : null;
          MembershipStream stream =
              streaming
                  ? new MembershipStream(
                      new Segmentation.Builder(loaded.catalog()).build(), out, outDir)
                  : null) {
        BufferedWriter rejectsWriter = rejectsFile == null ? null : rejectsFile.writer();
        if (rejectsWriter != null) {
          rejectsWriter.write(Problems.header());
        }
        Problems problems = new Problems(skip, rejectsWriter);
        Segmentation fromParquet = null;
        try {
          if (ParquetInput.is(input.customers)) {
            fromParquet = ((DuckDbBatch) batch).finishParquet(input.customers, input.events);
          } else {
            CustomerScan.scan(
                input.customers,
                CustomerScan.events(input.events, loaded.schema(), problems, input.dialect(spec)),
                input.dialect(spec),
                loaded.schema(),
                problems,
                progress.factory(err),
                batch::prepare,
                // streaming: lines of the plain form are evaluated as read, no customer made
                stream != null ? ((RowBatch) batch).direct() : null,
                (id, c, line, prepared) -> {
                  if (stream != null) {
                    stream.add(id, (RowBatch.Evaluated) prepared);
                  } else {
                    batch.add(c, prepared);
                  }
                  return true;
                });
          }
        } catch (DuckDbBatch.QueryException e) {
          err.println(e.getMessage());
          err.println("stopped: nothing was written.");
          return ExitCode.INVALID;
        } catch (DataException e) {
          err.println(TextValues.printable(e.getMessage()));
          err.println(
              e.fatal()
                  ? "stopped: nothing was written."
                  : "stopped at the first bad row: nothing was written. To skip bad rows, use"
                      + " --on-error skip --rejects FILE.");
          return ExitCode.INVALID;
        }
        for (String w : problems.warnings()) {
          err.println(TextValues.printable(w));
        }
        try {
          if (stream == null) {
            result = fromParquet != null ? fromParquet : batch.finish();
          }
        } catch (DuckDbBatch.QueryException e) {
          err.println(e.getMessage());
          err.println("stopped: nothing was written.");
          return ExitCode.INVALID;
        }
        skipped = problems.count();
        MembershipSnapshot after =
            snapshot == null && before == null
                ? null
                : Changes.snapshot(result, loaded.catalog(), ctx);
        if (before != null) {
          try {
            diff = after.diffSince(before);
          } catch (IllegalArgumentException e) {
            err.println(TextValues.printable(previous + ": " + e.getMessage()));
            err.println("stopped: nothing was written.");
            return ExitCode.INVALID;
          }
        }
        if (stream != null) {
          stream.commit();
          summary = stream.summary();
        } else {
          writeOutputs(result, after, diff);
          summary = Summary.of(result);
        }
        if (rejectsFile != null) {
          rejectsFile.commit();
        }
      }
      stdout.printf(
          Locale.ROOT,
          "%,d customers as of %s (%s)%s%n%n",
          summary.rows,
          ctx.asOf(),
          ctx.zone(),
          skipped == 0 ? "" : String.format(Locale.ROOT, "; %,d bad rows skipped", skipped));
      Report.print(summary, stdout);
      if (diff != null) {
        Changes.print(diff, previous.getFileName().toString(), result, stdout);
      }
      if (skipped > 0) {
        err.printf(Locale.ROOT, "skipped %,d bad rows; they are in %s%n", skipped, rejects);
      }
      return ExitCode.OK;
    } catch (Failure f) {
      if (f.getMessage() != null) {
        err.println(TextValues.printable(f.getMessage()));
      }
      return f.exitCode;
    } catch (IOException e) {
      err.println(TextValues.printable("segmentation run: " + Rules.describe(e)));
      return ExitCode.IO;
    }
  }

  private boolean checkArguments() {
    input.check(spec, engine.equals("duckdb"));
    if (out != null) {
      Commands.format(spec, out, "--out");
    }
    if ((previous == null) != (changesDir == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--previous and --changes-dir go together: the changes since the previous snapshot are"
              + " written to the directory");
    }
    for (Path output : new Path[] {out, rejects, snapshot}) {
      if (output != null && isInput(output)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), output + " is an input file; choose another output file");
      }
    }
    if (!engine.equals("columnar") && !engine.equals("row") && !engine.equals("duckdb")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--engine must be row, columnar or duckdb, got \"" + engine + "\"");
    }
    boolean skip;
    switch (onError.toLowerCase(Locale.ROOT)) {
      case "stop":
        skip = false;
        break;
      case "skip":
        skip = true;
        break;
      default:
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--on-error must be stop or skip, got \"" + onError + "\"");
    }
    if (skip && rejects == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--on-error skip needs --rejects FILE, so that no row is lost");
    }
    if (!skip && rejects != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--rejects is only written with --on-error skip");
    }
    return skip;
  }

  private boolean isInput(Path output) {
    Path o = output.toAbsolutePath().normalize();
    return o.equals(input.customers.toAbsolutePath().normalize())
        || (input.events != null && o.equals(input.events.toAbsolutePath().normalize()))
        || o.equals(input.rules.toAbsolutePath().normalize());
  }

  // The previous snapshot, or null after printing why it cannot be read.
  private MembershipSnapshot readPrevious(PrintWriter err) throws IOException {
    try {
      return MembershipSnapshot.read(previous);
    } catch (MembershipSnapshot.SnapshotException e) {
      err.println(TextValues.printable(e.getMessage()));
      err.println("stopped: nothing was written.");
      return null;
    }
  }

  /** Writes every output to temporary files first, then renames them all; nothing on failure. */
  private void writeOutputs(Segmentation result, MembershipSnapshot after, SnapshotDiff diff)
      throws IOException {
    List<AtomicFile> files = new ArrayList<>();
    try {
      if (out != null) {
        AtomicFile f = AtomicFile.create(out);
        files.add(f);
        if (FileFormat.of(out) == FileFormat.CSV) {
          MembershipWriter.writeCsv(result, f.writer());
        } else {
          MembershipWriter.writeJsonl(result, f.writer());
        }
      }
      if (outDir != null) {
        Files.createDirectories(outDir);
        for (int s = 0; s < result.segments.size(); s++) {
          AtomicFile f = AtomicFile.create(outDir.resolve(result.segments.get(s) + ".csv"));
          files.add(f);
          MembershipWriter.writeSegment(result, s, f.writer());
        }
      }
      if (snapshot != null) {
        AtomicFile f = AtomicFile.create(snapshot);
        files.add(f);
        after.writeTo(f.stream());
      }
      if (diff != null) {
        Files.createDirectories(changesDir);
        for (Map.Entry<String, MembershipDiff.Change> e : diff.segments().changes().entrySet()) {
          AtomicFile entered = AtomicFile.create(changesDir.resolve(e.getKey() + ".entered.csv"));
          files.add(entered);
          MembershipWriter.writeIds(e.getValue().entered(), entered.writer());
          AtomicFile exited = AtomicFile.create(changesDir.resolve(e.getKey() + ".exited.csv"));
          files.add(exited);
          MembershipWriter.writeIds(e.getValue().exited(), exited.writer());
        }
      }
      for (AtomicFile f : files) {
        f.commit();
      }
    } finally {
      AtomicFile.closeAll(files);
    }
  }
}
