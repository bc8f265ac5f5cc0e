package dev.segmentation.cli;

import dev.segmentation.check.CheckResult;
import dev.segmentation.check.Checker;
import dev.segmentation.json.RulesDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segmentation check}: validates a rules document and prints every issue. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a rules document: its JSON, its schema and every rule against the schema.",
      "Prints every issue with its JSON Pointer; exits 1 when there is an error."
    })
final class CheckCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rules",
      required = true,
      description = "Rules document (JSON).",
      paramLabel = "FILE")
  Path rules;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RulesDocument doc;
    try {
      doc = Rules.read(rules, out);
    } catch (Failure f) {
      out.println(f.getMessage()); // the summary line, as for a document that could be read
      return f.exitCode;
    } catch (IOException e) {
      err.println(TextValues.printable("segmentation check: " + Rules.describe(e)));
      return ExitCode.IO;
    }
    CheckResult result = Checker.standard().check(doc.catalog(), doc.schema());
    Rules.print(rules, result.issues(), out);
    long errors = result.errors().size();
    long warnings = result.issues().size() - errors;
    out.printf(
        Locale.ROOT,
        "%s: %s (%d segments, %d tierings, %d scores, %d RFM models; %d errors, %d warnings)%n",
        TextValues.printable(rules.toString()),
        errors == 0 ? "OK" : "INVALID",
        doc.catalog().segments().size(),
        doc.catalog().tierings().size(),
        doc.catalog().scores().size(),
        doc.catalog().rfmModels().size(),
        errors,
        warnings);
    return errors == 0 ? ExitCode.OK : ExitCode.INVALID;
  }
}
