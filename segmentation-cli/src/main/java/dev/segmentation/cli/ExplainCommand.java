package dev.segmentation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code segmentation explain} (arrives with the rules format and the engines). */
@Command(name = "explain", description = "Not available yet.")
final class ExplainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCode.INTERNAL;
  }
}
