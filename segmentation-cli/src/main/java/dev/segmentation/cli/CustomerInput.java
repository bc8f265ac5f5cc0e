package dev.segmentation.cli;

import dev.segmentation.model.Event;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Customers read from a CSV or JSON Lines file in two steps: {@link #readRaw()} splits the file
 * into records, one at a time, and {@link #parse(Raw)} turns a record into a customer. Parsing has
 * no side effects, so records may be parsed on several threads. A bad record raises {@link
 * DataException} naming its place; reading may then go on with the next record unless the exception
 * is {@link DataException#fatal() fatal}.
 */
interface CustomerInput extends Closeable {

  /**
   * A customer and where it was read.
   *
   * @param idColumn where the id is on the line, for messages
   */
  record Row(SchemaCustomer customer, int line, String idColumn, String text) {}

  /** One record as read: its line, its text and, for CSV, its fields. */
  record Raw(int line, String text, CsvReader.Record record) {}

  /** The next record, or null at the end of the file. Not thread-safe. */
  Raw readRaw() throws IOException, DataException;

  /** The customer of a record. Thread-safe once {@link #readRaw()} returned the record. */
  Row parse(Raw raw) throws DataException;

  /** The next customer, or null at the end of the file. */
  default Row next() throws IOException, DataException {
    Raw raw = readRaw();
    return raw == null ? null : parse(raw);
  }

  /** Warnings about the whole file, once it was read (e.g. tags that look like lists). */
  default List<String> warnings() {
    return List.of();
  }

  /** Bytes of the file consumed so far, for progress. */
  long bytesRead();

  /**
   * Opens {@code file} by its extension ({@code .csv} or {@code .jsonl}/{@code .ndjson}); events
   * from a separate file, by customer id, are attached to their customers (null when there is no
   * events file; the map is only read).
   */
  static CustomerInput open(
      Path file, Schema schema, Map<String, List<Event>> events, Dialect dialect)
      throws IOException {
    switch (FileFormat.of(file)) {
      case CSV:
        return new CsvCustomerInput(file, schema, events, dialect);
      case JSONL:
        return new JsonlCustomerInput(file, schema, events);
    }
    throw new AssertionError(file);
  }
}
