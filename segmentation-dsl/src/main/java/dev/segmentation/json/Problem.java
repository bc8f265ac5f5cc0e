package dev.segmentation.json;

import dev.segmentation.check.Printable;

/**
 * One problem found while reading a rules document.
 *
 * @param path a JSON Pointer to the offending value (e.g. {@code /segments/2/where/of/1/value}), or
 *     empty when the problem is in the JSON syntax itself
 * @param line the 1-based line for syntax problems, or 0 when unknown
 * @param column the 1-based column for syntax problems, or 0 when unknown
 * @param message what is wrong, in words a rule author can act on
 * @param warning true for a warning (the document is still usable)
 */
public record Problem(String path, int line, int column, String message, boolean warning) {
  public Problem {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    // Names in messages come from untrusted documents: never let one forge a line of output.
    path = path == null ? "" : Printable.escape(path);
    message = Printable.escape(message);
  }

  static Problem at(String path, String message) {
    return new Problem(path, 0, 0, message, false);
  }

  /**
   * {@code line 3, column 14: message} for syntax problems, {@code /path: message} otherwise, and a
   * {@code warning at} prefix for warnings.
   */
  @Override
  public String toString() {
    String where = line > 0 ? "line " + line + ", column " + column : (path.isEmpty() ? "/" : path);
    return (warning ? "warning at " : "") + where + ": " + message;
  }
}
