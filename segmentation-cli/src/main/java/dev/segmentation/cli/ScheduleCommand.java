package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.live.NextChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code segmentation schedule}: when each segment can next change by time alone. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Prints, per segment, the earliest instant after --as-of at which a customer can enter or"
          + " leave it with no new data (a window passing an event, a relative date, a calendar"
          + " period or anniversary starting or ending, a days-since threshold), and how many"
          + " customers can change then: when to recompute the segment.",
      "Never late, sometimes early: at that instant something the segment reads changes, which"
          + " may or may not change its members."
    })
final class ScheduleCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin InputOptions input;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    input.check(spec);
    try {
      Rules.Loaded loaded = input.loadRules(err);
      CustomerTable.Builder table = CustomerTable.builder(loaded.schema());
      try {
        CustomerScan.scan(
            input.customers,
            input.events,
            input.dialect(spec),
            loaded.schema(),
            new Problems(false, null),
            Progress.factory(err, false),
            (c, row) -> {
              table.add(c);
              return true;
            });
      } catch (DataException e) {
        err.println(TextValues.printable(e.getMessage()));
        return ExitCode.INVALID;
      }
      EvaluationContext ctx = input.context();
      CustomerTable customers = table.build();
      Map<String, NextChange.Due> due =
          NextChange.of(loaded.catalog(), loaded.schema()).schedule(customers, ctx);
      out.printf(
          Locale.ROOT, "%,d customers as of %s (%s)%n%n", customers.size(), ctx.asOf(), ctx.zone());
      int width = 7;
      for (String name : due.keySet()) {
        width = Math.max(width, name.length());
      }
      out.printf(
          Locale.ROOT, "%-" + width + "s  %-30s  %9s%n", "segment", "next change", "customers");
      for (Map.Entry<String, NextChange.Due> e : due.entrySet()) {
        out.printf(
            Locale.ROOT,
            "%-" + width + "s  %-30s  %,9d%n",
            e.getKey(),
            e.getValue().at().map(Object::toString).orElse("never"),
            e.getValue().customers());
      }
      return ExitCode.OK;
    } catch (Failure f) {
      if (f.getMessage() != null) {
        err.println(TextValues.printable(f.getMessage()));
      }
      return f.exitCode;
    } catch (IOException e) {
      err.println(TextValues.printable("segmentation schedule: " + Rules.describe(e)));
      return ExitCode.IO;
    }
  }
}
