package dev.segmentation.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The data formats the command line reads and writes, told by the file's extension. */
enum FileFormat {
  CSV,
  JSONL;

  /**
   * The format of {@code file}: {@code .csv} is CSV; {@code .jsonl}, {@code .ndjson} and {@code
   * .json} are JSON Lines.
   *
   * @throws IllegalArgumentException naming the file when the extension is neither
   */
  static FileFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSONL;
    }
    throw new IllegalArgumentException(
        "cannot tell the format of "
            + file
            + ": name it .csv (CSV) or .jsonl (JSON Lines, one object per line)");
  }
}
