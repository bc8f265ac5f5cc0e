package dev.segmentation.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --quiet}, and whether stderr is a terminal: together they decide on progress bars. */
final class ProgressOption {

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  /** Set by {@link Main} before the command runs. */
  boolean terminal;

  Progress.Factory factory(PrintWriter err) {
    return Progress.factory(err, terminal && !quiet);
  }
}
