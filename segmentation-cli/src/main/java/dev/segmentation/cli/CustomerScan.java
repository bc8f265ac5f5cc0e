package dev.segmentation.cli;

import dev.segmentation.model.Event;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a customers file (and an optional events file) record by record, checking every record:
 * values against the schema, ids unique, every event's customer present. Bad records go to {@link
 * Problems}, which stops the scan or skips them.
 */
final class CustomerScan {
  private CustomerScan() {}

  /** Receives each good customer; returns false to stop reading. */
  interface Sink {
    boolean accept(SchemaCustomer customer, CustomerInput.Row row);
  }

  /** Scans {@code customers} and returns the number of customers accepted. */
  static long scan(
      Path customers,
      Path events,
      Schema schema,
      Problems problems,
      Progress.Factory progressFactory,
      Sink sink)
      throws IOException, DataException {
    Map<String, List<Event>> byCustomer = null;
    Map<String, Integer> eventLine = new HashMap<>();
    if (events != null) {
      byCustomer = EventsFile.read(events, schema, problems, eventLine);
    }
    long size = Files.size(customers);
    Map<String, Integer> lineOf = new HashMap<>();
    long accepted = 0;
    String file = customers.toString();
    try (CustomerInput in = CustomerInput.open(customers, schema, byCustomer)) {
      Progress progress =
          progressFactory.create("reading " + customers.getFileName(), size, in::bytesRead);
      try {
        while (true) {
          CustomerInput.Row row;
          try {
            row = in.next();
          } catch (DataException e) {
            problems.report(e);
            continue;
          }
          if (row == null) {
            break;
          }
          SchemaCustomer c = row.customer();
          Integer first = lineOf.putIfAbsent(c.id(), row.line());
          if (first != null) {
            problems.report(
                new DataException(
                    file,
                    row.line(),
                    row.idColumn(),
                    "duplicate customer id \"" + c.id() + "\" (first on line " + first + ")",
                    row.text(),
                    false));
            continue;
          }
          boolean more;
          try {
            more = sink.accept(c, row);
          } catch (InvalidDataException e) {
            lineOf.remove(c.id());
            problems.report(
                new DataException(
                    file,
                    row.line(),
                    e.attribute() == null ? null : "(field \"" + e.attribute() + "\")",
                    e.getMessage(),
                    row.text(),
                    false));
            continue;
          }
          accepted++;
          progress.update(accepted);
          if (!more) {
            return accepted;
          }
        }
      } finally {
        progress.finish();
      }
    }
    if (byCustomer != null && !byCustomer.isEmpty()) {
      for (Map.Entry<String, List<Event>> e : new java.util.TreeMap<>(byCustomer).entrySet()) {
        problems.report(
            new DataException(
                events.toString(),
                eventLine.getOrDefault(e.getKey(), 0),
                "(customer)",
                e.getValue().size()
                    + " event(s) of customer \""
                    + e.getKey()
                    + "\", who is not in "
                    + file
                    + (problems.count() > 0 ? " (or was rejected)" : ""),
                "",
                false));
      }
    }
    return accepted;
  }
}
