package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code segmentation} command line: {@code run}, {@code check}, {@code explain} and {@code
 * generate}. Exit codes: 0 success, 1 invalid rules or data, 2 usage, 3 a file cannot be read or
 * written, 70 an internal error.
 *
 * <pre>{@code
 * java -jar segmentation-cli-0.1.0-SNAPSHOT-all.jar run --rules examples/rules.json \
 *     --customers examples/customers.jsonl --as-of 2026-11-01T00:00:00Z
 * }</pre>
 */
@Command(
    name = "segmentation",
    mixinStandardHelpOptions = true,
    version = "segmentation 0.1.0-SNAPSHOT",
    description = "Segments customer files with a rules document.",
    subcommands = {
      RunCommand.class,
      CheckCommand.class,
      ExplainCommand.class,
      GenerateCommand.class,
      SqlCommand.class,
      ScheduleCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:invalid rules or data",
      "2:usage error",
      "3:a file cannot be read or written",
      "70:internal error"
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = execute(out, err, System.console() != null, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line with the given streams and returns the exit code, without exiting.
   *
   * @param terminal whether stderr is a terminal (progress bars are drawn only then)
   */
  public static int execute(PrintWriter out, PrintWriter err, boolean terminal, String... args) {
    RulesAhead ahead = RulesAhead.start(args); // before picocli's model: see RulesAhead
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.registerConverter(Instant.class, Main::parseInstant);
    cl.registerConverter(ZoneId.class, ZoneId::of);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("segmentation: internal error: " + e);
          e.printStackTrace(err);
          return ExitCode.INTERNAL;
        });
    for (CommandLine sub : cl.getSubcommands().values()) {
      for (CommandLine.Model.CommandSpec mixin : sub.getCommandSpec().mixins().values()) {
        if (mixin.userObject() instanceof ProgressOption p) {
          p.terminal = terminal;
        }
        if (mixin.userObject() instanceof InputOptions input) {
          input.ahead = ahead;
        }
      }
    }
    return cl.execute(args);
  }

  /**
   * {@code 2026-11-01T00:00:00Z}, an offset date-time, or a date (its start in UTC), in the range
   * that evaluation supports (years 1 to 9999).
   */
  static Instant parseInstant(String text) {
    Instant instant = parseAnyInstant(text);
    if (instant.isBefore(EvaluationContext.MIN_AS_OF)
        || instant.isAfter(EvaluationContext.MAX_AS_OF)) {
      throw new CommandLine.TypeConversionException(
          "expected an instant between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, got "
              + TextValues.quote(text));
    }
    return instant;
  }

  private static Instant parseAnyInstant(String text) {
    try {
      return TextValues.parseTimestamp(text);
    } catch (TextValues.BadValue e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new CommandLine.TypeConversionException(
            "expected an instant like 2026-11-01T00:00:00Z or a date like 2026-11-01, got "
                + TextValues.quote(text));
      }
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
