package dev.segmentation.cli;

import dev.segmentation.check.CheckException;
import dev.segmentation.check.CheckedCatalog;
import dev.segmentation.check.Checker;
import dev.segmentation.check.Issue;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesException;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Loads and compiles a rules document, printing every problem with its JSON Pointer. */
final class Rules {
  private Rules() {}

  /** A checked rules document and its compiled catalog. */
  record Loaded(Path file, CheckedCatalog checked, CompiledCatalog compiled) {
    Schema schema() {
      return checked.schema();
    }

    Catalog catalog() {
      return checked.catalog();
    }
  }

  /**
   * Reads, checks and compiles {@code file}.
   *
   * @throws Failure with {@link ExitCode#INVALID} after printing every problem to {@code err}
   */
  static Loaded load(Path file, PrintWriter err) throws Failure, IOException {
    RulesDocument doc;
    try {
      doc = read(file, err);
    } catch (Failure f) {
      throw new Failure(ExitCode.INVALID, file + ": the rules have errors; nothing was evaluated");
    }
    try {
      CheckedCatalog checked = Checker.standard().checked(doc.catalog(), doc.schema());
      return new Loaded(file, checked, RowEngine.compile(checked));
    } catch (CheckException e) {
      print(file, e.issues(), err);
      throw new Failure(ExitCode.INVALID, file + ": the rules have errors; nothing was evaluated");
    } catch (IllegalArgumentException e) {
      // The engine names the path of a rule it cannot compile (e.g. an undeclared attribute).
      err.println(TextValues.printable(file + ": " + e.getMessage()));
      throw new Failure(ExitCode.INVALID, file + ": the rules have errors; nothing was evaluated");
    }
  }

  /**
   * Reads {@code file}, printing every problem and failing when there is one, with the summary line
   * {@code rules.json: INVALID (3 errors)} as its message.
   */
  static RulesDocument read(Path file, PrintWriter err) throws Failure, IOException {
    try {
      return RulesJson.read(file);
    } catch (RulesException e) {
      print(file, e.problems(), err);
      throw new Failure(
          ExitCode.INVALID,
          TextValues.printable(file + ": INVALID (" + e.problems().size() + " errors)"));
    }
  }

  /**
   * Prints each issue on a line of its own, after the file's name: {@code rules.json:
   * /segments/0/where/value: expected a number} (the one printed form of a problem in the rules).
   */
  static void print(Path file, List<Issue> issues, PrintWriter to) {
    for (Issue issue : issues) {
      to.println(TextValues.printable(file + ": " + issue));
    }
  }

  /** A batch over the loaded catalog on the columnar engine, or on the row engine. */
  static Batch batch(Loaded loaded, EvaluationContext ctx, boolean columnar) {
    if (!columnar) {
      return new RowBatch(loaded.compiled(), loaded.catalog(), ctx);
    }
    return new ColumnarBatch(
        ColumnarEngine.compile(loaded.checked()),
        loaded.compiled(),
        loaded.catalog(),
        loaded.schema(),
        ctx);
  }

  /** A message for a file error that names the file and says what went wrong. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException n) {
      return "cannot read " + n.getFile() + ": no such file";
    }
    if (e instanceof AccessDeniedException a) {
      return "cannot access " + a.getFile() + ": permission denied";
    }
    if (e instanceof AtomicFile.WriteException w) {
      return "cannot write " + w.getFile() + ": " + w.getReason();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return "cannot access " + f.getFile() + ": " + f.getReason();
    }
    return e.toString();
  }
}
