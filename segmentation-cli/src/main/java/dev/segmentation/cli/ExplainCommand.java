package dev.segmentation.cli;

import dev.segmentation.check.Spelling;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.Explanation;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.RfmModel;
import dev.segmentation.segment.RfmScores;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tiering;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segmentation explain}: why one customer is or is not in each segment. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explains, for one customer, why it is or is not in each segment: every condition with its"
          + " result (TRUE, FALSE, UNKNOWN) and the value read; then its tiers, scores and RFM."
    })
final class ExplainCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin InputOptions input;

  @Option(names = "--id", required = true, description = "The customer's id.", paramLabel = "ID")
  String id;

  @Option(
      names = "--segment",
      description = "Explain only this segment (default: all).",
      paramLabel = "NAME")
  String segment;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    input.check(spec);
    try {
      Rules.Loaded loaded = input.loadRules(err);
      if (segment != null && loaded.catalog().segment(segment) == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--segment: the rules have no segment \""
                + segment
                + "\""
                + Spelling.didYouMeanAside(segment, loaded.compiled().segmentNames()));
      }
      SchemaCustomer[] found = new SchemaCustomer[1];
      Dialect dialect = input.dialect(spec);
      try {
        // Only this customer's events are kept (and checked): the events file streams by.
        EventsFile events =
            input.events == null
                ? null
                : EventsFile.read(input.events, loaded.schema(), id::equals, false, dialect);
        CustomerScan.scan(
            input.customers,
            events,
            dialect,
            loaded.schema(),
            new Problems(false, null),
            Progress.factory(err, false),
            (c, row) -> {
              if (c.id().equals(id)) {
                found[0] = c;
                return false;
              }
              return true;
            });
      } catch (DataException e) {
        err.println(TextValues.printable(e.getMessage()));
        return ExitCode.INVALID;
      }
      if (found[0] == null) {
        err.println(
            TextValues.printable("no customer with id \"" + id + "\" in " + input.customers));
        return ExitCode.INVALID;
      }
      EvaluationContext ctx = input.context();
      print(loaded, found[0], ctx, out);
      return ExitCode.OK;
    } catch (Failure f) {
      if (f.getMessage() != null) {
        err.println(TextValues.printable(f.getMessage()));
      }
      return f.exitCode;
    } catch (IOException e) {
      err.println(TextValues.printable("segmentation explain: " + Rules.describe(e)));
      return ExitCode.IO;
    }
  }

  private void print(
      Rules.Loaded loaded, SchemaCustomer c, EvaluationContext ctx, PrintWriter out) {
    CompiledCatalog compiled = loaded.compiled();
    out.printf(
        Locale.ROOT,
        "customer %s as of %s (%s)%n",
        TextValues.printable(c.id()),
        ctx.asOf(),
        ctx.zone());
    for (Segment s : loaded.catalog().segments()) {
      if (segment != null && !segment.equals(s.name())) {
        continue;
      }
      Explanation e = compiled.explain(s.name(), c, ctx);
      boolean in = compiled.matches(s.name(), c, ctx);
      out.printf(
          Locale.ROOT,
          "%nsegment %s: %s%s%n",
          s.name(),
          in ? "IN" : "NOT IN",
          in ? "" : " (" + e.whyNot() + ")");
      out.print(indent(e.toText()));
    }
    if (segment != null) {
      return;
    }
    for (Tiering t : loaded.catalog().tierings()) {
      out.printf(Locale.ROOT, "%ntiering %s: %s%n", t.name(), compiled.tier(t.name(), c, ctx));
      out.print(indent(compiled.explainTier(t.name(), c, ctx).toText()));
    }
    for (ScoreModel m : loaded.catalog().scores()) {
      out.printf(
          Locale.ROOT,
          "%nscore %s: %s%n",
          m.name(),
          TextValues.formatNumber(compiled.score(m.name(), c, ctx)));
      out.print(indent(compiled.explainScore(m.name(), c, ctx).toText()));
    }
    for (RfmModel m : loaded.catalog().rfmModels()) {
      RfmScores r = compiled.rfm(m.name(), c, ctx);
      out.printf(
          Locale.ROOT,
          "%nRFM %s: %s%n",
          m.name(),
          r == null
              ? "no " + m.eventType() + " events in the window"
              : String.format(
                  Locale.ROOT,
                  "%s (R %d, F %d, M %d)",
                  r.segment().externalName(),
                  r.r(),
                  r.f(),
                  r.m()));
      out.print(indent(compiled.explainTier(m.name(), c, ctx).toText()));
    }
  }

  private static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append("  ").append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
