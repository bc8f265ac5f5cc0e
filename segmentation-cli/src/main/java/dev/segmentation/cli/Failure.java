package dev.segmentation.cli;

/** Ends a command with an exit code after its message has been printed (or with this message). */
final class Failure extends Exception {
  private static final long serialVersionUID = 1L;

  final int exitCode;

  Failure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }
}
