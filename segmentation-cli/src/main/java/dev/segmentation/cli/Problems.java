package dev.segmentation.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to bad records: with {@code stop} the first one ends the run; with {@code skip} each
 * is written with its reason to the rejects file and counted, so that no record is dropped
 * silently. Fatal problems (a bad header) always end the run.
 */
final class Problems {
  private final boolean skip;
  private final BufferedWriter rejects;
  private long count;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param skip whether bad records are skipped
   * @param rejects where skipped records go (CSV: file, line, column, reason, record); may be null
   *     only when not skipping
   */
  Problems(boolean skip, BufferedWriter rejects) {
    this.skip = skip;
    this.rejects = rejects;
  }

  /** Rethrows {@code e} when stopping (or when it is fatal); otherwise records it. */
  void report(DataException e) throws DataException, IOException {
    if (!skip || e.fatal()) {
      throw e;
    }
    count++;
    if (rejects != null) {
      rejects.write(
          Csv.row(
              List.of(
                  e.file(),
                  e.line() > 0 ? Integer.toString(e.line()) : "",
                  e.column() == null ? "" : e.column(),
                  e.reason(),
                  e.record() == null ? "" : e.record())));
    }
  }

  /** Keeps a warning about the input for the command to print (once) after reading. */
  void warn(String warning) {
    warnings.add(warning);
  }

  List<String> warnings() {
    return warnings;
  }

  /** The header of the rejects file. */
  static String header() {
    return "file,line,column,reason,record\n";
  }

  /** Whether bad records are skipped (rather than ending the run). */
  boolean skipping() {
    return skip;
  }

  long count() {
    return count;
  }
}
