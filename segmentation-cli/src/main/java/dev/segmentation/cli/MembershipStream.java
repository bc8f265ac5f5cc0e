package dev.segmentation.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes membership as customers are evaluated, in file order, instead of keeping every customer's
 * results until the end: the membership file, one file of ids per segment, and the {@link Summary}
 * that the report prints. Everything goes to temporary files that {@link #commit()} renames, so a
 * run that stops at a bad row still writes nothing ({@link #close()} deletes them, and the
 * directory of segment files if this created it).
 */
final class MembershipStream implements Closeable {
  private final Segmentation names;
  private final Summary summary;
  private final AtomicFile out;
  private final boolean csv;
  private final CsvBytes bytes;
  private final CsvBytes.Out csvOut;
  private final CsvBytes.Out[] segments;
  private final List<AtomicFile> files = new ArrayList<>();
  private final Path createdDir;
  private final RowBatch.View view = new RowBatch.View();
  private boolean committed;

  /**
   * @param names the segments, tierings, scores and RFM models (its rows are not read)
   * @param out the membership file (.csv or .jsonl), or null
   * @param outDir the directory of one {@code <segment>.csv} per segment, or null
   */
  MembershipStream(Segmentation names, Path out, Path outDir) throws IOException {
    this.names = names;
    this.summary = new Summary(names);
    this.createdDir = outDir == null || Files.exists(outDir) ? null : outDir;
    this.bytes = new CsvBytes(names);
    try {
      this.out = out == null ? null : AtomicFile.create(out);
      this.csv = out != null && FileFormat.of(out) == FileFormat.CSV;
      this.csvOut = csv ? new CsvBytes.Out(this.out.stream()) : null;
      if (this.out != null) {
        files.add(this.out);
        if (csv) {
          csvOut.write(MembershipWriter.csvHeader(names).getBytes(StandardCharsets.UTF_8));
        }
      }
      this.segments = new CsvBytes.Out[outDir == null ? 0 : names.segments.size()];
      for (int s = 0; s < segments.length; s++) {
        AtomicFile f = AtomicFile.create(outDir.resolve(names.segments.get(s) + ".csv"));
        files.add(f);
        segments[s] = new CsvBytes.Out(f.stream());
        segments[s].write(MembershipWriter.ID_HEADER.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Takes the next customer's results. */
  void add(String id, RowBatch.Evaluated e) throws IOException {
    MembershipWriter.Row row = view.of(id, e);
    summary.add(row);
    bytes.id(id);
    if (csv) {
      bytes.writeRow(csvOut, row, e.segments());
    } else if (out != null) {
      out.writer().write(MembershipWriter.jsonlRow(names, row));
    }
    for (int s = 0; s < segments.length; s++) {
      if (row.in(s)) {
        bytes.writeIdLine(segments[s]);
      }
    }
  }

  Summary summary() {
    return summary;
  }

  /** Renames every file into place. */
  void commit() throws IOException {
    if (csvOut != null) {
      csvOut.flush();
    }
    for (CsvBytes.Out s : segments) {
      s.flush();
    }
    for (AtomicFile f : files) {
      f.commit();
    }
    committed = true;
  }

  /** Deletes what was not committed. */
  @Override
  public void close() throws IOException {
    try {
      AtomicFile.closeAll(files);
    } finally {
      if (!committed && createdDir != null) {
        Files.deleteIfExists(createdDir); // only when empty: nothing of the user's is lost
      }
    }
  }
}
