package dev.segmentation.cli;

import com.google.common.base.Throwables;
import dev.segmentation.model.Event;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads a customers file (and an optional events file) record by record, checking every record:
 * values against the schema, ids unique, every event's customer present. Bad records go to {@link
 * Problems}, which stops the scan or skips them.
 *
 * <p>One thread splits the file into records; batches of records are parsed (and prepared, e.g.
 * evaluated) on one parse thread per core; the results are taken back in file order, with at most
 * {@code 2 * threads + 1} batches in flight so that memory stays flat, and the sink sees customers,
 * and problems are reported, in exactly the order of the file.
 */
final class CustomerScan {
  /**
   * Records per batch handed to a parse thread. Parsing (and preparing) is most of the work, so
   * there is a parse thread per core; the reading thread mostly waits for them.
   */
  private static final int BATCH = 512;

  private CustomerScan() {}

  /** Receives each good customer, in file order; returns false to stop reading. */
  interface Sink {
    boolean accept(SchemaCustomer customer, CustomerInput.Row row);
  }

  /**
   * Receives each good customer, in file order, with what the scan's {@code prepare} made of it on
   * a parse thread; returns false to stop reading.
   */
  interface PreparedSink<T> {
    /**
     * @param customer the customer, or null when it was read straight into the scan's {@code
     *     direct} preparation and not kept (then {@code row.customer()} is null too)
     * @throws InvalidDataException when the customer's data cannot be used (it is then reported as
     *     a bad row, in file order)
     */
    boolean accept(String id, SchemaCustomer customer, CustomerInput.Row row, T prepared)
        throws IOException;
  }

  /** Scans {@code customers} with every event of {@code events} (may be null). */
  static long scan(
      Path customers,
      Path events,
      Dialect dialect,
      Schema schema,
      Problems problems,
      Progress.Factory progressFactory,
      Sink sink)
      throws IOException, DataException {
    return scan(
        customers,
        events(events, schema, problems, dialect),
        dialect,
        schema,
        problems,
        progressFactory,
        sink);
  }

  /** The events file {@code events} read whole, or null when there is none. */
  static EventsFile events(Path events, Schema schema, Problems problems, Dialect dialect)
      throws IOException, DataException {
    return events == null
        ? null
        : EventsFile.read(events, schema, null, problems.skipping(), dialect);
  }

  /**
   * Scans {@code customers} and returns the number of customers accepted. When the sink reads to
   * the end, every bad row of {@code events} (may be null) is then reported, and every event whose
   * customer was not accepted.
   */
  static long scan(
      Path customers,
      EventsFile events,
      Dialect dialect,
      Schema schema,
      Problems problems,
      Progress.Factory progressFactory,
      Sink sink)
      throws IOException, DataException {
    return scan(
        customers,
        events,
        dialect,
        schema,
        problems,
        progressFactory,
        c -> null,
        null,
        (id, c, row, nothing) -> sink.accept(c, row));
  }

  /**
   * As {@link #scan(Path, EventsFile, Dialect, Schema, Problems, Progress.Factory, Sink)}, running
   * {@code prepare} on each good customer on the parse threads (it must be thread-safe; an {@link
   * InvalidDataException} it throws is reported as a bad row in file order, unless the row was
   * already bad for another reason). When {@code direct} is not null and there is no events file, a
   * JSON Lines line of the plain form ({@link JsonlByteScanner}) is read into the parse thread's
   * reused {@link ScannedCustomer} and {@code direct} (which must give what {@code prepare} gives
   * for the same customer) runs on it there, with no {@link SchemaCustomer} made; the sink then
   * gets no customer. Every other line goes through {@code prepare} as before.
   */
  static <T> long scan(
      Path customers,
      EventsFile events,
      Dialect dialect,
      Schema schema,
      Problems problems,
      Progress.Factory progressFactory,
      Function<SchemaCustomer, T> prepare,
      Function<? super ScannedCustomer, T> direct,
      PreparedSink<T> sink)
      throws IOException, DataException {
    return scan(
        customers,
        events,
        dialect,
        schema,
        problems,
        progressFactory,
        prepare,
        direct,
        sink,
        Runtime.getRuntime().availableProcessors(),
        BATCH,
        idBudget());
  }

  /**
   * Bytes of ids the duplicate check keeps in memory before it writes them to disk ({@link
   * IdRuns}): an eighth of the heap, so 64 MB (about 2,000,000 ids) with {@code -Xmx512m}.
   */
  static long idBudget() {
    return Runtime.getRuntime().maxMemory() / 8;
  }

  /**
   * The scan on {@code threads} parse threads, handing them {@code batchSize} records at a time
   * (tests vary both to show that the results do not depend on them), keeping about {@code
   * idBudget} bytes of ids in memory. The ids are spilled to disk only when a duplicate stops the
   * run and no events file needs them afterwards: with {@code --on-error skip} a duplicate must be
   * known before its customer is written.
   */
  static <T> long scan(
      Path customers,
      EventsFile events,
      Dialect dialect,
      Schema schema,
      Problems problems,
      Progress.Factory progressFactory,
      Function<SchemaCustomer, T> prepare,
      Function<? super ScannedCustomer, T> direct,
      PreparedSink<T> sink,
      int threads,
      int batchSize,
      long idBudget)
      throws IOException, DataException {
    Map<String, List<Event>> byCustomer = events == null ? null : events.byCustomer();
    long size = Files.size(customers);
    boolean maySpill = events == null && !problems.skipping();
    try (IdRuns ids = new IdRuns(maySpill ? idBudget : Long.MAX_VALUE)) {
      State<T> state =
          new State<>(
              customers.toString(),
              problems,
              sink,
              ids,
              line -> rowAt(customers, schema, byCustomer, dialect, line));
      return scan(
          customers,
          events,
          byCustomer,
          dialect,
          schema,
          progressFactory,
          prepare,
          byCustomer == null ? direct : null, // the events file's events need the builder
          state,
          threads,
          batchSize,
          size);
    }
  }

  /** The row on {@code line} of {@code customers}, read again for a message. */
  private static CustomerInput.Row rowAt(
      Path customers, Schema schema, Map<String, List<Event>> byCustomer, Dialect dialect, int line)
      throws IOException, DataException {
    try (CustomerInput in = CustomerInput.open(customers, schema, byCustomer, dialect)) {
      while (true) {
        CustomerInput.Raw raw;
        try {
          raw = in.readRaw();
        } catch (DataException e) {
          if (e.fatal()) {
            throw e;
          }
          continue;
        }
        if (raw == null) {
          throw new IllegalStateException(customers + " has no line " + line + " any more");
        }
        if (raw.line() == line) {
          return in.parse(raw);
        }
      }
    }
  }

  private static <T> long scan(
      Path customers,
      EventsFile events,
      Map<String, List<Event>> byCustomer,
      Dialect dialect,
      Schema schema,
      Progress.Factory progressFactory,
      Function<SchemaCustomer, T> prepare,
      Function<? super ScannedCustomer, T> direct,
      State<T> state,
      int threads,
      int batchSize,
      long size)
      throws IOException, DataException {
    Problems problems = state.problems;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "segmentation-parse");
              t.setDaemon(true);
              return t;
            });
    try (CustomerInput in = CustomerInput.open(customers, schema, byCustomer, dialect)) {
      Progress progress =
          progressFactory.create("reading " + customers.getFileName(), size, in::bytesRead);
      try {
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        boolean end = false;
        while (!end) {
          List<Object> batch = new ArrayList<>(batchSize);
          CustomerInput.Raw last = null;
          while (batch.size() < batchSize) {
            try {
              CustomerInput.Raw raw = in.readRaw();
              if (raw == null) {
                end = true;
                break;
              }
              batch.add(raw);
              last = raw;
            } catch (DataException e) {
              if (e.fatal()) {
                throw e;
              }
              batch.add(e); // reported in file order, when its turn comes
            }
          }
          if (!batch.isEmpty()) {
            inFlight.add(
                new InFlight(pool.submit(() -> parse(in, schema, batch, prepare, direct)), last));
          }
          while (!inFlight.isEmpty() && (end || inFlight.size() > 2 * threads)) {
            InFlight taken = inFlight.poll();
            if (!state.take(await(taken.results()))) {
              return state.accepted;
            }
            // Taken: nothing keeps the batch's rows, and every earlier batch was taken before.
            if (taken.last() != null) {
              in.release(taken.last());
            }
            progress.update(state.accepted);
          }
        }
        state.reportSpilledDuplicate(Integer.MAX_VALUE);
        for (String w : in.warnings()) {
          problems.warn(w);
        }
      } finally {
        progress.finish();
      }
    } finally {
      pool.shutdownNow();
    }
    if (events != null) {
      events.report(state.ids::contains, customers, problems.count() > 0, problems);
    }
    return state.accepted;
  }

  /** A batch being parsed, and its last record (null when it has none), to release once taken. */
  private record InFlight(Future<List<Object>> results, CustomerInput.Raw last) {}

  /**
   * A good row (whose customer is null when it was read directly) and what {@code prepare} made of
   * it, or the exception it threw.
   */
  private record Prepared(
      String id, CustomerInput.Row row, Object value, InvalidDataException failure) {}

  /**
   * Parses and prepares a batch: each element becomes a {@link Prepared} row or the exception that
   * rejects it.
   */
  private static List<Object> parse(
      CustomerInput in,
      Schema schema,
      List<Object> batch,
      Function<SchemaCustomer, ?> prepare,
      Function<? super ScannedCustomer, ?> direct) {
    List<Object> out = new ArrayList<>(batch.size());
    for (Object o : batch) {
      if (o instanceof CustomerInput.Raw raw) {
        ScannedCustomer scanned = direct == null ? null : JsonlByteScanner.scanned(raw, schema);
        if (scanned != null) {
          // the id's hash, cached in the String for the duplicate check on the reading thread
          scanned.id().hashCode();
          CustomerInput.Row row = new CustomerInput.Row(null, raw.line(), scanned.idColumn(), raw);
          try {
            out.add(new Prepared(scanned.id(), row, direct.apply(scanned), null));
          } catch (InvalidDataException e) {
            out.add(new Prepared(scanned.id(), row, null, e));
          }
          continue;
        }
        CustomerInput.Row row;
        try {
          row = in.parse(raw);
        } catch (DataException e) {
          out.add(e);
          continue;
        }
        try {
          out.add(new Prepared(row.customer().id(), row, prepare.apply(row.customer()), null));
        } catch (InvalidDataException e) {
          out.add(new Prepared(row.customer().id(), row, null, e));
        }
      } else {
        out.add(o);
      }
    }
    return out;
  }

  private static List<Object> await(Future<List<Object>> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading", e);
    } catch (ExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Reads a row of the file again. */
  private interface RowAt {
    CustomerInput.Row row(int line) throws IOException, DataException;
  }

  /** What the scan has seen so far; touched by the reading thread only. */
  private static final class State<T> {
    final String file;
    final Problems problems;
    final PreparedSink<T> sink;
    final IdRuns ids;
    final RowAt rowAt;
    long accepted;

    State(String file, Problems problems, PreparedSink<T> sink, IdRuns ids, RowAt rowAt) {
      this.file = file;
      this.problems = problems;
      this.sink = sink;
      this.ids = ids;
      this.rowAt = rowAt;
    }

    /**
     * Reports a problem, unless ids were spilled and one of them repeats before its line: that
     * duplicate is the first problem of the file, so it is reported instead (and stops the run).
     */
    void report(DataException e) throws IOException, DataException {
      reportSpilledDuplicate(e.line());
      problems.report(e);
    }

    /** Reports the first duplicate among spilled ids below {@code beforeLine}, if any. */
    void reportSpilledDuplicate(int beforeLine) throws IOException, DataException {
      if (!ids.spilled()) {
        return;
      }
      IdRuns.Duplicate d = ids.firstDuplicate(beforeLine);
      if (d != null) {
        problems.report(duplicate(rowAt.row(d.line()), d.id(), d.firstLine()));
      }
    }

    DataException duplicate(CustomerInput.Row row, String id, int first) {
      return new DataException(
          file,
          row.line(),
          row.idColumn(),
          "duplicate customer id \"" + id + "\" (first on line " + first + ")",
          row.text(),
          false);
    }

    /** Takes parsed results in order; false when the sink wants no more. */
    boolean take(List<Object> results) throws IOException, DataException {
      for (Object o : results) {
        if (o instanceof DataException e) {
          report(e);
          continue;
        }
        Prepared prepared = (Prepared) o;
        CustomerInput.Row row = prepared.row();
        String id = prepared.id();
        int first = ids.putIfAbsent(id, row.line());
        if (first >= 0) {
          report(duplicate(row, id, first));
          continue;
        }
        boolean more;
        try {
          if (prepared.failure() != null) {
            throw prepared.failure();
          }
          @SuppressWarnings("unchecked") // made by this scan's prepare
          T value = (T) prepared.value();
          more = sink.accept(id, row.customer(), row, value);
        } catch (InvalidDataException e) {
          ids.removeLast();
          report(
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
        if (!more) {
          return false;
        }
      }
      return true;
    }
  }
}
