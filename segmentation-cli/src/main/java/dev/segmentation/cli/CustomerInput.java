package dev.segmentation.cli;

import dev.segmentation.model.Event;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
  record Row(SchemaCustomer customer, int line, String idColumn, Raw raw) {
    /** The record's text, for messages. */
    String text() {
      return raw.text();
    }
  }

  /**
   * One record as read: its line, its text and, for CSV, its fields; or, for a JSON Lines line of
   * valid UTF-8 read as bytes, the bytes, decoded to text only when a message needs it.
   */
  final class Raw {
    private final int line;
    private String text;
    private final CsvReader.Record record;
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final boolean ascii;

    Raw(int line, String text, CsvReader.Record record) {
      this.line = line;
      this.text = text;
      this.record = record;
      this.bytes = null;
      this.offset = 0;
      this.length = 0;
      this.ascii = false;
    }

    /**
     * A line of valid UTF-8 (not copied: the array must not change while the record is used, that
     * is until the input's {@link CustomerInput#release} of it or of a later record).
     */
    Raw(int line, byte[] bytes, int offset, int length, boolean ascii) {
      this.line = line;
      this.text = null;
      this.record = null;
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
      this.ascii = ascii;
    }

    int line() {
      return line;
    }

    /** The text (decoded from the bytes on first use; a race only decodes twice). */
    String text() {
      String t = text;
      if (t == null) {
        t = new String(bytes, offset, length, StandardCharsets.UTF_8);
        text = t;
      }
      return t;
    }

    CsvReader.Record record() {
      return record;
    }

    /** The line's UTF-8 bytes, or null when the record was read as text. */
    byte[] bytes() {
      return bytes;
    }

    int offset() {
      return offset;
    }

    int length() {
      return length;
    }

    /** Whether every byte is ASCII (then byte columns are character columns). */
    boolean ascii() {
      return ascii;
    }
  }

  /** The next record, or null at the end of the file. Not thread-safe. */
  Raw readRaw() throws IOException, DataException;

  /** The customer of a record. Thread-safe once {@link #readRaw()} returned the record. */
  Row parse(Raw raw) throws DataException;

  /**
   * Says that the records read before {@code last} (and {@code last} itself) are not used any more
   * (nor their rows, texts or anything parsed from them that still points into them): the input may
   * reuse their memory. Not thread-safe; optional (the default keeps everything as it is).
   */
  default void release(Raw last) {}

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
