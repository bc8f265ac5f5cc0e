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
 * Customers read one at a time from a CSV or JSON Lines file. A bad record raises {@link
 * DataException} naming its place; reading may then go on with the next record unless the exception
 * is {@link DataException#fatal() fatal}.
 */
interface CustomerInput extends Closeable {

  /** A customer and where it was read. */
  record Row(SchemaCustomer customer, int line, String text) {}

  /** The next customer, or null at the end of the file. */
  Row next() throws IOException, DataException;

  /** Bytes of the file consumed so far, for progress. */
  long bytesRead();

  /**
   * Opens {@code file} by its extension ({@code .csv} or {@code .jsonl}/{@code .ndjson}); events
   * from a separate file, by customer id, are attached and removed from {@code events} as their
   * customers are read (null when there is no events file).
   */
  static CustomerInput open(Path file, Schema schema, Map<String, List<Event>> events)
      throws IOException {
    switch (FileFormat.of(file)) {
      case CSV:
        return new CsvCustomerInput(file, schema, events);
      case JSONL:
        return new JsonlCustomerInput(file, schema, events);
    }
    throw new AssertionError(file);
  }
}
