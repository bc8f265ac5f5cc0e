package dev.segmentation.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an events file into events by customer id. CSV: a header {@code customer,type,timestamp}
 * followed by property columns (a row leaves the columns of other event types empty). JSON Lines:
 * {@code {"customer": "c-1", "type": "purchase", "timestamp": "...", "amount": 12.5}} per line.
 */
final class EventsFile {
  private EventsFile() {}

  /**
   * The events of {@code path} by customer id; {@code firstLine} receives the line of each
   * customer's first event, for messages.
   */
  static Map<String, List<Event>> read(
      Path path, Schema schema, Problems problems, Map<String, Integer> firstLine)
      throws IOException, DataException {
    Map<String, List<Event>> byCustomer = new HashMap<>();
    if (FileFormat.of(path) == FileFormat.JSONL) {
      readJsonl(path, schema, problems, byCustomer, firstLine);
    } else {
      readCsv(path, schema, problems, byCustomer, firstLine);
    }
    return byCustomer;
  }

  private static void readJsonl(
      Path path,
      Schema schema,
      Problems problems,
      Map<String, List<Event>> out,
      Map<String, Integer> firstLine)
      throws IOException, DataException {
    String file = path.toString();
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String text;
      int line = 0;
      while ((text = r.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        try (JsonParser p = JsonValues.FACTORY.createParser(text)) {
          if (p.nextToken() != JsonToken.START_OBJECT) {
            problems.report(
                new DataException(
                    file, line, "column 1", "expected a JSON object per line", text, false));
            continue;
          }
          Object raw = JsonValues.read(p);
          if (p.nextToken() != null) {
            problems.report(
                new DataException(
                    file,
                    line,
                    DataException.jsonField(p.currentTokenLocation().getColumnNr(), null),
                    "more than one JSON value on the line",
                    text,
                    false));
            continue;
          }
          JsonlCustomerInput.ParsedEvent e = JsonlCustomerInput.event(schema, raw, true);
          out.computeIfAbsent(e.customer(), k -> new ArrayList<>()).add(e.event());
          firstLine.putIfAbsent(e.customer(), line);
        } catch (JsonProcessingException e) {
          JsonLocation at = e.getLocation();
          problems.report(
              new DataException(
                  file,
                  line,
                  DataException.jsonField(at == null ? 0 : at.getColumnNr(), null),
                  "malformed JSON: " + e.getOriginalMessage(),
                  text,
                  false));
        } catch (JsonlCustomerInput.BadEventValue e) {
          problems.report(
              new DataException(
                  file, line, DataException.jsonField(0, e.field), e.getMessage(), text, false));
        } catch (TextValues.BadValue | InvalidDataException e) {
          problems.report(new DataException(file, line, null, e.getMessage(), text, false));
        }
      }
    }
  }

  private static void readCsv(
      Path path,
      Schema schema,
      Problems problems,
      Map<String, List<Event>> out,
      Map<String, Integer> firstLine)
      throws IOException, DataException {
    String file = path.toString();
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(r);
      CsvReader.Record header;
      try {
        header = csv.next();
      } catch (CsvReader.MalformedException e) {
        throw new DataException(
            file, e.line, DataException.csvColumn(e.column, null), e.getMessage(), e.text, true);
      }
      if (header == null) {
        throw new DataException(file, 1, null, "the file is empty (expected a header)", "", true);
      }
      List<String> names = new ArrayList<>(header.fields());
      if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
        names.set(0, names.get(0).substring(1)); // a byte order mark
      }
      int customerColumn = names.indexOf("customer");
      int typeColumn = names.indexOf("type");
      int timestampColumn = names.indexOf("timestamp");
      if (customerColumn < 0 || typeColumn < 0 || timestampColumn < 0) {
        throw new DataException(
            file,
            header.line(),
            null,
            "the header needs the columns customer, type and timestamp, got " + names,
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
                  + Suggestions.didYouMean(name, all),
              header.text(),
              true);
        }
      }
      while (true) {
        CsvReader.Record rec;
        try {
          rec = csv.next();
        } catch (CsvReader.MalformedException e) {
          problems.report(
              new DataException(
                  file,
                  e.line,
                  DataException.csvColumn(e.column, null),
                  e.getMessage(),
                  e.text,
                  e.fatal));
          continue;
        }
        if (rec == null) {
          return;
        }
        List<String> f = rec.fields();
        if (f.size() != names.size()) {
          problems.report(
              new DataException(
                  file,
                  rec.line(),
                  null,
                  "expected " + names.size() + " fields as in the header, got " + f.size(),
                  rec.text(),
                  false));
          continue;
        }
        int column = typeColumn;
        try {
          EventType type = schema.eventType(f.get(typeColumn));
          if (type == null) {
            throw new TextValues.BadValue(
                "unknown event type "
                    + TextValues.quote(f.get(typeColumn))
                    + Suggestions.didYouMean(f.get(typeColumn), schema.eventTypes().keySet()));
          }
          column = customerColumn;
          String customer = f.get(customerColumn);
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
            Object v = TextValues.parse(property, f.get(i), rec.quoted()[i]);
            if (v != null) {
              properties.put(names.get(i), v);
            }
          }
          out.computeIfAbsent(customer, k -> new ArrayList<>())
              .add(Event.of(customer, type, timestamp, properties));
          firstLine.putIfAbsent(customer, rec.line());
        } catch (TextValues.BadValue | InvalidDataException e) {
          problems.report(
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
}
