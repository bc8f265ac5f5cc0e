package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.segmentation.check.Spelling;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An events file read into events by customer id. CSV: a header {@code customer,type,timestamp}
 * followed by property columns (a row leaves the columns of other event types empty). JSON Lines:
 * {@code {"customer": "c-1", "type": "purchase", "timestamp": "...", "amount": 12.5}} per line.
 *
 * <p>Bad rows are kept, not reported, while the file is read: whether an event's customer exists is
 * known only after the customers file, and {@link #report} then reports every bad row in the order
 * of the file, so that the first bad row reported is the first in the file.
 */
final class EventsFile {
  private final Opener source;
  private final FileFormat format;
  private final String file;
  private final Schema schema;
  private final Predicate<String> keep;
  private final Map<String, List<Event>> byCustomer = new HashMap<>();
  private final List<DataException> problems = new ArrayList<>();
  private final boolean allProblems;
  private final Dialect dialect;

  /** CSV only: the columns of the header. */
  private List<String> names;

  private int customerColumn;
  private int typeColumn;
  private int timestampColumn;

  /** Opens the file, once for reading and again to find the rows of unknown customers. */
  interface Opener {
    InputStream open() throws IOException;
  }

  private EventsFile(
      String file,
      FileFormat format,
      Opener source,
      Schema schema,
      Predicate<String> keep,
      boolean allProblems,
      Dialect dialect) {
    this.allProblems = allProblems;
    this.dialect = dialect;
    this.source = source;
    this.format = format;
    this.file = file;
    this.schema = schema;
    this.keep = keep;
  }

  /**
   * Reads {@code path}, keeping the events of the customers that {@code keep} accepts (every
   * customer when null). Rows of other customers are skipped without being checked.
   *
   * @param allProblems whether to keep every bad row (to skip them), or only the first (to stop)
   * @throws DataException for a problem with the header, which no row could be read without
   */
  static EventsFile read(
      Path path, Schema schema, Predicate<String> keep, boolean allProblems, Dialect dialect)
      throws IOException, DataException {
    return read(
        path.toString(),
        FileFormat.of(path),
        () -> Files.newInputStream(path),
        schema,
        keep,
        allProblems,
        dialect);
  }

  /**
   * Reads what {@code source} opens, named {@code file} in messages, as {@link #read(Path, Schema,
   * Predicate, boolean)}.
   */
  static EventsFile read(
      String file,
      FileFormat format,
      Opener source,
      Schema schema,
      Predicate<String> keep,
      boolean allProblems,
      Dialect dialect)
      throws IOException, DataException {
    EventsFile events = new EventsFile(file, format, source, schema, keep, allProblems, dialect);
    try (InputStream in = source.open()) {
      events.read(in, null);
    }
    return events;
  }

  private void read(InputStream in, Rows rows) throws IOException, DataException {
    if (format == FileFormat.JSONL) {
      readJsonl(in, rows);
    } else {
      readCsv(in, rows);
    }
  }

  /** The events by customer id; only read. */
  Map<String, List<Event>> byCustomer() {
    return byCustomer;
  }

  /**
   * Reports, in the order of the file, every bad row and every event whose customer {@code
   * accepted} does not hold, each with its own line and text.
   *
   * @param customers the customers file, for messages
   * @param someRejected whether rows of the customers file were rejected (an event's customer may
   *     be one of them)
   */
  void report(Predicate<String> accepted, Path customers, boolean someRejected, Problems report)
      throws IOException, DataException {
    Set<String> orphans = new HashSet<>();
    for (String id : byCustomer.keySet()) {
      if (!accepted.test(id)) {
        orphans.add(id);
      }
    }
    List<DataException> all = new ArrayList<>(problems);
    if (!orphans.isEmpty()) {
      Set<Integer> bad = new HashSet<>();
      for (DataException e : problems) {
        bad.add(e.line());
      }
      List<Orphan> found = new ArrayList<>();
      try (InputStream in = source.open()) {
        Rows rows =
            (id, line, column, text) -> {
              if (orphans.contains(id) && !bad.contains(line)) {
                found.add(new Orphan(id, line, column, text));
              }
            };
        // The same reading as the first pass, so exactly the rows that gave events are found.
        new EventsFile(file, format, source, schema, keep, false, dialect).read(in, rows);
      }
      for (Orphan o : found) {
        all.add(
            new DataException(
                file,
                o.line(),
                o.column(),
                "event of customer "
                    + TextValues.quote(o.customer())
                    + ", who is not in "
                    + customers
                    + (someRejected ? " (or whose row was rejected)" : ""),
                o.text(),
                false));
      }
    }
    all.sort(Comparator.comparingInt(DataException::line));
    for (DataException e : all) {
      report.report(e);
    }
  }

  private record Orphan(String customer, int line, String column, String text) {}

  /** Receives each good row in the second pass: its customer, line, id column and text. */
  private interface Rows {
    void row(String customer, int line, String column, String text);
  }

  private void problem(DataException e) {
    if (allProblems || problems.isEmpty()) {
      problems.add(e);
    }
  }

  private void add(String customer, Event event) {
    byCustomer.computeIfAbsent(customer, k -> new ArrayList<>()).add(event);
  }

  private void readJsonl(InputStream in, Rows rows) throws IOException {
    LineReader lines = new LineReader(in);
    LineReader.Line l;
    while ((l = lines.next()) != null) {
      int line = l.number();
      String text = l.text();
      if (l.problem() != null) {
        problem(
            new DataException(
                file, line, DataException.jsonField(l.column(), null), l.problem(), text, false));
        continue;
      }
      if (text.isBlank()) {
        continue;
      }
      JsonParser p = null;
      try {
        p = JsonValues.FACTORY.createParser(text);
        if (p.nextToken() != JsonToken.START_OBJECT) {
          problem(
              new DataException(
                  file, line, "column 1", "expected a JSON object per line", text, false));
          continue;
        }
        Object raw = JsonValues.read(p);
        if (p.nextToken() != null) {
          problem(
              new DataException(
                  file,
                  line,
                  DataException.jsonField(p.currentTokenLocation().getColumnNr(), null),
                  "more than one JSON value on the line",
                  text,
                  false));
          continue;
        }
        if (keep != null
            && raw instanceof Map<?, ?> map
            && map.get(dialect.eventsIdColumn()) instanceof String id
            && !keep.test(id)) {
          continue;
        }
        JsonlCustomerInput.ParsedEvent e =
            JsonlCustomerInput.event(schema, raw, dialect.eventsIdColumn());
        if (rows != null) {
          rows.row(e.customer(), line, DataException.jsonField(0, dialect.eventsIdColumn()), text);
        } else {
          add(e.customer(), e.event());
        }
      } catch (JsonProcessingException e) {
        problem(
            new DataException(
                file,
                line,
                DataException.jsonField(JsonValues.errorColumn(e, p), JsonValues.errorField(e, p)),
                JsonValues.errorMessage(e),
                text,
                false));
      } catch (JsonlCustomerInput.BadEventValue e) {
        problem(
            new DataException(
                file, line, DataException.jsonField(0, e.field), e.getMessage(), text, false));
      } catch (TextValues.BadValue | InvalidDataException e) {
        problem(new DataException(file, line, null, e.getMessage(), text, false));
      } finally {
        JsonlCustomerInput.closeQuietly(p);
      }
    }
  }

  private void readHeader(CsvReader csv) throws IOException, DataException {
    CsvReader.Record header = csv.header(file);
    names = new ArrayList<>(header.fields());
    if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1)); // a byte order mark
    }
    customerColumn = names.indexOf(dialect.eventsIdColumn());
    typeColumn = names.indexOf("type");
    timestampColumn = names.indexOf("timestamp");
    if (customerColumn < 0) {
      throw new DataException(
          file,
          header.line(),
          null,
          Suggestions.missingIdColumn(dialect.eventsIdColumn(), "column", names),
          header.text(),
          true);
    }
    if (typeColumn < 0 || timestampColumn < 0) {
      throw new DataException(
          file,
          header.line(),
          null,
          "the header needs the columns "
              + dialect.eventsIdColumn()
              + ", type and timestamp, got "
              + names,
          header.text(),
          true);
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (i == customerColumn || i == typeColumn || i == timestampColumn) {
        continue;
      }
      boolean known = false;
      List<String> all = new ArrayList<>();
      for (EventType t : schema.eventTypes().values()) {
        known |= t.property(name) != null;
        all.addAll(t.properties().keySet());
      }
      if (!known) {
        throw new DataException(
            file,
            header.line(),
            DataException.csvColumn(i + 1, name),
            "unknown column \""
                + name
                + "\": no event type has such a property"
                + Spelling.didYouMeanAside(name, all),
            header.text(),
            true);
      }
    }
  }

  private void readCsv(InputStream in, Rows rows) throws IOException, DataException {
    CsvReader csv = new CsvReader(new Utf8Reader(in));
    readHeader(csv);
    while (true) {
      CsvReader.Record rec;
      try {
        rec = csv.next();
      } catch (CsvReader.MalformedException e) {
        problem(
            new DataException(
                file,
                e.line,
                DataException.csvColumn(
                    e.column, e.column <= names.size() ? names.get(e.column - 1) : null),
                e.getMessage(),
                e.text,
                false));
        continue;
      }
      if (rec == null) {
        return;
      }
      List<String> f = rec.fields();
      if (f.size() != names.size()) {
        problem(
            new DataException(
                file,
                rec.line(),
                DataException.csvColumn(Math.min(f.size(), names.size()) + 1, null),
                "expected " + names.size() + " fields as in the header, got " + f.size(),
                rec.text(),
                false));
        continue;
      }
      String customer = f.get(customerColumn);
      if (keep != null && !keep.test(customer)) {
        continue;
      }
      int column = typeColumn;
      try {
        EventType type = schema.eventType(f.get(typeColumn));
        if (type == null) {
          throw new TextValues.BadValue(
              "unknown event type "
                  + TextValues.quote(f.get(typeColumn))
                  + Spelling.didYouMeanAside(f.get(typeColumn), schema.eventTypes().keySet()));
        }
        column = customerColumn;
        if (customer.isEmpty()) {
          throw new TextValues.BadValue("the customer id is empty");
        }
        column = timestampColumn;
        Instant timestamp = TextValues.parseTimestamp(f.get(timestampColumn));
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
          if (i == customerColumn || i == typeColumn || i == timestampColumn) {
            continue;
          }
          column = i;
          Attribute<?> property = type.property(names.get(i));
          if (property == null) {
            if (!f.get(i).isEmpty()) {
              throw new TextValues.BadValue(
                  "event type \"" + type.name() + "\" has no property \"" + names.get(i) + "\"");
            }
            continue;
          }
          Object v = TextValues.parse(property, f.get(i), rec.quoted()[i], dialect);
          if (v != null) {
            properties.put(names.get(i), v);
          }
        }
        Event event = Event.of(customer, type, timestamp, properties);
        if (rows != null) {
          rows.row(
              customer,
              rec.line(),
              DataException.csvColumn(customerColumn + 1, names.get(customerColumn)),
              rec.text());
        } else {
          add(customer, event);
        }
      } catch (TextValues.BadValue | InvalidDataException e) {
        problem(
            new DataException(
                file,
                rec.line(),
                DataException.csvColumn(column + 1, names.get(column)),
                e.getMessage(),
                rec.text(),
                false));
      }
    }
  }
}
