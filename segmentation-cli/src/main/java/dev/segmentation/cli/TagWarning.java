package dev.segmentation.cli;

import java.util.Collection;
import java.util.Locale;

/**
 * Notices tag values that hold {@code ;} or {@code ,}: most likely lists that an export joined with
 * another separator than the one the run splits at, which would silently be one tag each. Counts
 * them and keeps the first by line, for one warning per run. Thread-safe: customers are parsed on
 * several threads.
 */
final class TagWarning {
  private final String file;
  private final String separator;
  private long count;
  private int line = Integer.MAX_VALUE;
  private String column;
  private String value;

  TagWarning(String file, String separator) {
    this.file = file;
    this.separator = separator;
  }

  private boolean suspicious(String tag) {
    return (tag.indexOf(';') >= 0 && !separator.contains(";"))
        || (tag.indexOf(',') >= 0 && !separator.contains(","));
  }

  /** Checks the tags of one cell. */
  void check(int line, String column, Collection<?> tags) {
    for (Object tag : tags) {
      if (suspicious((String) tag)) {
        note(line, column, (String) tag);
      }
    }
  }

  private synchronized void note(int line, String column, String tag) {
    count++;
    if (line < this.line) {
      this.line = line;
      this.column = column;
      this.value = tag;
    }
  }

  /** The warning, or null when no tag looked like a list. */
  synchronized String message() {
    if (count == 0) {
      return null;
    }
    int semicolon = value.indexOf(';');
    int comma = value.indexOf(',');
    char likely = comma < 0 || (semicolon >= 0 && semicolon < comma) ? ';' : ',';
    return String.format(
        Locale.ROOT,
        "warning: %,d tag %s in %s %s ';' or ',' (first: line %d, %s: %s); if they are lists,"
            + " use --tag-separator '%c'",
        count,
        count == 1 ? "value" : "values",
        file,
        count == 1 ? "contains" : "contain",
        line,
        column,
        TextValues.quote(value),
        likely);
  }
}
