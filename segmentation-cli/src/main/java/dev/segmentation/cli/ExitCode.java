package dev.segmentation.cli;

/**
 * The exit codes of {@code segmentation}, documented in {@code docs/cli.md}.
 *
 * <ul>
 *   <li>0: success
 *   <li>1: invalid rules or data (a check error, a bad row when stopping on errors, an unknown
 *       customer id for {@code explain})
 *   <li>2: usage: an unknown option, a missing argument, a bad option value
 *   <li>3: a file cannot be read or written
 *   <li>70: an internal error (a bug; please report it with the message)
 * </ul>
 */
final class ExitCode {
  private ExitCode() {}

  static final int OK = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;
  static final int IO = 3;
  static final int INTERNAL = 70;
}
