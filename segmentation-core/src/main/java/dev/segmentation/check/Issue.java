package dev.segmentation.check;

/**
 * One problem found in a rule or in the text of a rules document: the one type for problems in
 * every module (the checker's issues, the JSON reader's problems, the CLI's messages).
 *
 * <pre>{@code
 * Issue.error("/segments/2/where/value", "expected a number").toString();
 * // "/segments/2/where/value: expected a number"
 * Issue.syntax(3, 14, "Unexpected character ('}')").toString();
 * // "line 3, column 14: Unexpected character ('}')"
 * }</pre>
 *
 * @param severity error or warning
 * @param path a JSON Pointer to the offending node, e.g. {@code /segments/2/where/of/1/value}, or
 *     empty when the problem is in the JSON syntax itself (or in the whole document)
 * @param line the 1-based line of a JSON syntax problem, or 0 when unknown
 * @param column the 1-based column of a JSON syntax problem, or 0 when unknown
 * @param message what is wrong, in words a rule author can act on
 */
public record Issue(Severity severity, String path, int line, int column, String message) {
  public Issue {
    if (severity == null || path == null || message == null) {
      throw new IllegalArgumentException("severity, path and message must not be null");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line and column must be at least 0, got " + line + " and " + column);
    }
    // Names in messages come from untrusted rules: never let one forge a line of output.
    path = Printable.escape(path);
    message = Printable.escape(message);
  }

  /** An issue at a JSON Pointer, with no line and column. */
  public Issue(Severity severity, String path, String message) {
    this(severity, path, 0, 0, message);
  }

  public static Issue error(String path, String message) {
    return new Issue(Severity.ERROR, path, message);
  }

  public static Issue warning(String path, String message) {
    return new Issue(Severity.WARNING, path, message);
  }

  /** An error in the JSON syntax at a 1-based line and column (0 when unknown). */
  public static Issue syntax(int line, int column, String message) {
    return new Issue(Severity.ERROR, "", line, column, message);
  }

  /** True for a warning (the rule is still usable). */
  public boolean isWarning() {
    return severity == Severity.WARNING;
  }

  /** This issue at another path (the same severity, line, column and message). */
  public Issue atPath(String otherPath) {
    return new Issue(severity, otherPath, line, column, message);
  }

  /**
   * {@code line 3, column 14: message} for syntax problems, {@code /path: message} otherwise, and a
   * {@code warning at} prefix for warnings.
   */
  @Override
  public String toString() {
    String where = line > 0 ? "line " + line + ", column " + column : (path.isEmpty() ? "/" : path);
    return (isWarning() ? "warning at " : "") + where + ": " + message;
  }
}
