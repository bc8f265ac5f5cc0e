package dev.segmentation.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** Argument checks shared by the commands. */
final class Commands {
  private Commands() {}

  /** The format of {@code file}, or a usage error naming the option. */
  static FileFormat format(CommandLine.Model.CommandSpec spec, Path file, String option) {
    try {
      return FileFormat.of(file);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
