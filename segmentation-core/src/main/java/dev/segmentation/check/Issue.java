package dev.segmentation.check;

/**
 * One problem found in a rule.
 *
 * @param severity error or warning
 * @param path a JSON Pointer to the offending node, e.g. {@code /segments/2/where/of/1/value}
 * @param message what is wrong, in words a rule author can act on
 */
public record Issue(Severity severity, String path, String message) {
  public Issue {
    if (severity == null || path == null || message == null) {
      throw new IllegalArgumentException("severity, path and message must not be null");
    }
    // Names in messages come from untrusted rules: never let one forge a line of output.
    path = Printable.escape(path);
    message = Printable.escape(message);
  }

  public static Issue error(String path, String message) {
    return new Issue(Severity.ERROR, path, message);
  }

  public static Issue warning(String path, String message) {
    return new Issue(Severity.WARNING, path, message);
  }

  /** {@code path: message}, or {@code warning at path: message}. */
  @Override
  public String toString() {
    return (severity == Severity.WARNING ? "warning at " : "")
        + (path.isEmpty() ? "/" : path)
        + ": "
        + message;
  }
}
