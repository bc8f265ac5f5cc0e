package dev.segmentation.cli;

/** Writing CSV fields per RFC 4180. */
final class Csv {
  private Csv() {}

  /** Appends {@code value}, quoted when it holds a comma, quote, CR or LF, or is empty. */
  static void appendField(StringBuilder sb, String value) {
    if (value.isEmpty() || needsQuotes(value)) {
      sb.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"') {
          sb.append('"');
        }
        sb.append(c);
      }
      sb.append('"');
    } else {
      sb.append(value);
    }
  }

  /**
   * Whether a non-empty field must be quoted: it holds a comma, a quote or a line break, or begins
   * or ends with a space.
   */
  static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    // A leading or trailing space survives, but spreadsheet tools trim it unless quoted.
    return value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
  }

  /** A row of fields joined with commas and ended with a newline; null fields stay empty. */
  static String row(Iterable<String> fields) {
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (String f : fields) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      if (f != null) {
        appendField(sb, f);
      }
    }
    return sb.append('\n').toString();
  }
}
