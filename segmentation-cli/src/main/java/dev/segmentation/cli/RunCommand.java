package dev.segmentation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "run", description = "Not available yet.")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCode.INTERNAL;
  }
}
