package dev.segmentation.cli;

/**
 * A problem in an input file at a known place: the file, the line, and the column (a CSV column's
 * number and name, or a JSON field and its character column). {@link #fatal} problems (a bad
 * header) stop a run even when bad rows are skipped.
 */
final class DataException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String column;
  private final String reason;
  private final String record;
  private final boolean fatal;

  DataException(String file, int line, String column, String reason, String record, boolean fatal) {
    super(format(file, line, column, reason));
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.record = record;
    this.fatal = fatal;
  }

  static String format(String file, int line, String column, String reason) {
    return file
        + (line > 0 ? ":" + line : "")
        + (column == null || column.isEmpty() ? "" : ": " + column)
        + ": "
        + reason;
  }

  String file() {
    return file;
  }

  int line() {
    return line;
  }

  /** Where in the line, e.g. {@code column 3 (age)} or {@code column 17 (field "age")}. */
  String column() {
    return column;
  }

  String reason() {
    return reason;
  }

  /** The raw text of the record, for the rejects file. */
  String record() {
    return record;
  }

  boolean fatal() {
    return fatal;
  }

  /** A CSV column as people count it: {@code column 3 (age)}. */
  static String csvColumn(int number, String name) {
    return "column " + number + (name == null ? "" : " (" + name + ")");
  }

  /** A JSON field: {@code column 17 (field "age")}. */
  static String jsonField(int column, String field) {
    return (column > 0 ? "column " + column + " " : "")
        + (field == null ? "" : "(field \"" + field + "\")");
  }
}
