package dev.segmentation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code segmentation run} (arrives with the rules format and the engines). */
@Command(name = "run", description = "Not available yet.")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCode.INTERNAL;
  }
}
