package dev.segmentation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code segmentation check} (arrives with the rules format and the engines). */
@Command(name = "check", description = "Not available yet.")
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCode.INTERNAL;
  }
}
