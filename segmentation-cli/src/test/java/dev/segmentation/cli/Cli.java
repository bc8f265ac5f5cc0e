package dev.segmentation.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process and captures what it prints. */
final class Cli {
  final int exitCode;
  final String out;
  final String err;

  private Cli(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Main.execute(o, e, false, args);
    }
    return new Cli(code, out.toString(), err.toString());
  }

  /**
   * Runs {@code command} on the example rules and a test data file ({@code
   * src/test/resources/data/<customers>}) as of 2026-11-01, with {@code more} arguments.
   */
  static Cli example(String command, String customers, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--rules",
                RunCommandTest.RULES,
                "--customers",
                RunCommandTest.DATA + customers,
                "--as-of",
                RunCommandTest.AS_OF));
    args.addAll(List.of(more));
    return run(args.toArray(new String[0]));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
