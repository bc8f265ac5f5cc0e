package dev.segmentation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "check", description = "Not available yet.")
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCode.INTERNAL;
  }
}
