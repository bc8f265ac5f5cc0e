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
    /**
     * @param line the customer's line (its first, for a CSV record over several)
     */
    boolean accept(SchemaCustomer customer, int line);
  }

  /**
   * Receives each good customer, in file order, with what the scan's {@code prepare} made of it on
   * a parse thread; returns false to stop reading.
   */
  interface PreparedSink<T> {
    /**
     * @param customer the customer, or null when it was read straight into the scan's {@code
     *     direct} preparation and not kept
     * @param line the customer's line (its first, for a CSV record over several)
     * @param prepared what the scan's {@code prepare} made of the customer; for a customer read
     *     directly, a result of {@link Direct#newResult()} that the scan fills again for a later
     *     customer once this call returned (so use it, or copy it, here)
     * @throws InvalidDataException when the customer's data cannot be used (it is then reported as
     *     a bad row, in file order)
     */
    boolean accept(String id, SchemaCustomer customer, int line, T prepared) throws IOException;
  }

  /**
   * Prepares a JSON Lines line of the plain form ({@link JsonlByteScanner}) read straight into a
   * parse thread's reused {@link ScannedCustomer}, into a result that the scan reuses: a run over
   * millions of customers then makes no new object per customer for them.
   */
  interface Direct<T> {
    /** A result for {@link #prepare} to fill, for one customer at a time. */
    T newResult();

    /**
     * Fills {@code into} (all of it) with what the scan's {@code prepare} gives for the same
     * customer. Called on the parse threads, each time with a result no other thread uses.
     *
     * @throws InvalidDataException as {@code prepare}
     */
    void prepare(ScannedCustomer customer, T into);
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
        (id, c, line, nothing) -> sink.accept(c, line));
  }

  /**
   * As {@link #scan(Path, EventsFile, Dialect, Schema, Problems, Progress.Factory, Sink)}, running
   * {@code prepare} on each good customer on the parse threads (it must be thread-safe; an {@link
   * InvalidDataException} it throws is reported as a bad row in file order, unless the row was
   * already bad for another reason). When {@code direct} is not null and there is no events file, a
   * JSON Lines line of the plain form ({@link JsonlByteScanner}) is read into the parse thread's
   * reused {@link ScannedCustomer} and {@code direct} (which must give what {@code prepare} gives
   * for the same customer) runs on it there, into a result the scan reuses once the sink took it,
   * with no {@link SchemaCustomer} made; the sink then gets no customer. Every other line goes
   * through {@code prepare} as before. The batches of records are read into again too, so that a
   * run over plain lines makes no object per customer beyond the record, its id and what the
   * scanner makes of its values.
   */
  static <T> long scan(
      Path customers,
      EventsFile events,
      Dialect dialect,
      Schema schema,
      Problems problems,
      Progress.Factory progressFactory,
      Function<SchemaCustomer, T> prepare,
      Direct<T> direct,
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
      Direct<T> direct,
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
      Direct<T> direct,
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
        ArrayDeque<InFlight<T>> inFlight = new ArrayDeque<>();
        // Batches taken, to read into again (with their direct results): at most one more than
        // are ever in flight.
        ArrayDeque<Records<T>> free = new ArrayDeque<>();
        boolean end = false;
        while (!end) {
          Records<T> batch = free.isEmpty() ? new Records<>(batchSize) : free.poll();
          while (batch.size < batchSize) {
            try {
              CustomerInput.Raw raw = in.readRaw();
              if (raw == null) {
                end = true;
                break;
              }
              batch.add(raw);
            } catch (DataException e) {
              if (e.fatal()) {
                throw e;
              }
              batch.add(e); // reported in file order, when its turn comes
            }
          }
          if (batch.size > 0) {
            inFlight.add(
                new InFlight<>(
                    pool.submit(() -> batch.parse(in, schema, prepare, direct), batch), batch));
          } else {
            free.add(batch);
          }
          while (!inFlight.isEmpty() && (end || inFlight.size() > 2 * threads)) {
            InFlight<T> taken = inFlight.poll();
            await(taken.parsed());
            Records<T> records = taken.records();
            if (!state.take(records)) {
              return state.accepted;
            }
            // Taken: nothing keeps the batch's rows, and every earlier batch was taken before.
            if (records.last != null) {
              in.release(records.last);
            }
            records.clear();
            free.add(records);
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

  /** A batch being parsed. */
  private record InFlight<T>(Future<?> parsed, Records<T> records) {}

  /**
   * A batch of records: filled on the reading thread, parsed on a parse thread, taken back on the
   * reading thread (each handing it to the next through the pool's future), then read into again.
   * What parsing made of record {@code i}: {@code problems[i]}, the reason it is rejected, or else
   * a good row with its id and what was prepared (or the exception the preparation threw).
   */
  private static final class Records<T> {
    final Object[] records; // a CustomerInput.Raw, or the DataException that rejected it
    int size;
    CustomerInput.Raw last; // the last record read, or null

    final DataException[] problems;
    final String[] ids;
    // the row of a customer made through `prepare`; null for one read directly, whose row is made
    // only when a message needs it, from the record and its id's place
    final CustomerInput.Row[] rows;
    final String[] idColumns;
    final Object[] prepared;
    final InvalidDataException[] failures;
    // results of Direct.newResult(), made on first use and filled again for each later batch
    final Object[] direct;

    Records(int capacity) {
      records = new Object[capacity];
      problems = new DataException[capacity];
      ids = new String[capacity];
      rows = new CustomerInput.Row[capacity];
      idColumns = new String[capacity];
      prepared = new Object[capacity];
      failures = new InvalidDataException[capacity];
      direct = new Object[capacity];
    }

    void add(Object record) {
      records[size++] = record;
      if (record instanceof CustomerInput.Raw raw) {
        last = raw;
      }
    }

    /** The line of good row {@code i}. */
    int line(int i) {
      return rows[i] != null ? rows[i].line() : ((CustomerInput.Raw) records[i]).line();
    }

    /** The row of good row {@code i}, for a message. */
    CustomerInput.Row row(int i) {
      CustomerInput.Raw raw = (CustomerInput.Raw) records[i];
      return rows[i] != null ? rows[i] : new CustomerInput.Row(null, raw.line(), idColumns[i], raw);
    }

    /** Lets go of everything but the direct results, to be read into again. */
    void clear() {
      // One loop of its own rather than Arrays.fill per array: that method's profile is shared by
      // every caller in the JVM, and seven array types through it made C2 drop its compiled code
      // for array-store checks (JFR jdk.Deoptimization); a null stored here needs no check.
      for (int i = 0; i < size; i++) {
        records[i] = null;
        problems[i] = null;
        ids[i] = null;
        rows[i] = null;
        idColumns[i] = null;
        prepared[i] = null;
        failures[i] = null;
      }
      size = 0;
      last = null;
    }

    /** Parses and prepares every record (on a parse thread). */
    void parse(
        CustomerInput in,
        Schema schema,
        Function<SchemaCustomer, T> prepare,
        Direct<T> directPrepare) {
      for (int i = 0; i < size; i++) {
        if (!(records[i] instanceof CustomerInput.Raw raw)) {
          problems[i] = (DataException) records[i];
          continue;
        }
        ScannedCustomer scanned =
            directPrepare == null ? null : JsonlByteScanner.scanned(raw, schema);
        if (scanned != null) {
          // the id's hash, cached in the String for the duplicate check on the reading thread
          ids[i] = scanned.id();
          ids[i].hashCode();
          idColumns[i] = scanned.idColumn();
          @SuppressWarnings("unchecked") // made by directPrepare, for this batch's slot i
          T into = (T) direct[i];
          if (into == null) {
            into = directPrepare.newResult();
            direct[i] = into;
          }
          try {
            directPrepare.prepare(scanned, into);
            prepared[i] = into;
          } catch (InvalidDataException e) {
            failures[i] = e;
          }
          continue;
        }
        CustomerInput.Row row;
        try {
          row = in.parse(raw);
        } catch (DataException e) {
          problems[i] = e;
          continue;
        }
        rows[i] = row;
        ids[i] = row.customer().id();
        try {
          prepared[i] = prepare.apply(row.customer());
        } catch (InvalidDataException e) {
          failures[i] = e;
        }
      }
    }
  }

  private static void await(Future<?> f) throws IOException {
    try {
      f.get();
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
    boolean take(Records<T> batch) throws IOException, DataException {
      for (int i = 0; i < batch.size; i++) {
        if (batch.problems[i] != null) {
          report(batch.problems[i]);
          continue;
        }
        String id = batch.ids[i];
        int line = batch.line(i);
        int first = ids.putIfAbsent(id, line);
        if (first >= 0) {
          report(duplicate(batch.row(i), id, first));
          continue;
        }
        boolean more;
        try {
          if (batch.failures[i] != null) {
            throw batch.failures[i];
          }
          @SuppressWarnings("unchecked") // made by this scan's prepare or direct
          T value = (T) batch.prepared[i];
          CustomerInput.Row row = batch.rows[i];
          more = sink.accept(id, row == null ? null : row.customer(), line, value);
        } catch (InvalidDataException e) {
          ids.removeLast();
          CustomerInput.Row row = batch.row(i);
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
