package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.segmentation.model.Schema;
import dev.segmentation.testkit.CustomerGenerator;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;

/**
 * Fuzz targets of the readers of customer and event files (issue 14). The invariant: whatever the
 * bytes, reading ends with customers, events and {@link DataException}s (the command line's
 * documented "bad input"), never with another exception, and in bounded time.
 *
 * <p>{@code mvn verify} runs each target once per file of its committed corpus under {@code
 * src/test/resources/dev/segmentation/cli/ReaderFuzzTestInputs/<method>/} (every reproducer of
 * issue 14 is there). To fuzz, see docs/fuzzing.md: {@code JAZZER_FUZZ=1 mvn -pl segmentation-cli
 * test -Dtest=ReaderFuzzTest#csvCustomers}.
 */
class ReaderFuzzTest {
  private static final Schema SCHEMA = CustomerGenerator.schema();

  /**
   * The longest record or line of the targets: small, so that inputs of a few kilobytes reach the
   * code for lines beyond the limit (1 MiB and 16 MiB in a run).
   */
  static final int MAX_CHARS = 4096;

  /** Far more than reading a few kilobytes takes; a linear reader never comes near it. */
  private static final long MAX_NANOS = 5_000_000_000L;

  @FuzzTest(maxDuration = "10m")
  void csvCustomers(byte[] data) throws IOException {
    long start = System.nanoTime();
    readAll(
        new CsvCustomerInput(
            "fuzz.csv", new ByteArrayInputStream(data), SCHEMA, null, Dialect.DEFAULT, MAX_CHARS));
    assertThat(System.nanoTime() - start).isLessThan(MAX_NANOS);
  }

  @FuzzTest(maxDuration = "10m")
  void jsonlCustomers(byte[] data) throws IOException {
    long start = System.nanoTime();
    readAll(
        new JsonlCustomerInput(
            "fuzz.jsonl", new ByteArrayInputStream(data), SCHEMA, null, MAX_CHARS));
    assertThat(System.nanoTime() - start).isLessThan(MAX_NANOS);
  }

  @FuzzTest(maxDuration = "10m")
  void csvEvents(byte[] data) throws IOException {
    readEvents(data, FileFormat.CSV);
  }

  @FuzzTest(maxDuration = "10m")
  void jsonlEvents(byte[] data) throws IOException {
    readEvents(data, FileFormat.JSONL);
  }

  /** Reads every record as {@link CustomerScan} does: a bad one is skipped unless fatal. */
  private static void readAll(CustomerInput in) throws IOException {
    try (in) {
      while (true) {
        CustomerInput.Raw raw;
        try {
          raw = in.readRaw();
        } catch (DataException e) {
          assertPlaces(e);
          if (e.fatal()) {
            return;
          }
          continue;
        }
        if (raw == null) {
          return;
        }
        try {
          CustomerInput.Row row = in.parse(raw);
          assertThat(row.customer().id()).isNotEmpty();
        } catch (DataException e) {
          assertPlaces(e);
        }
      }
    }
  }

  /**
   * Reads an events file, then reports its bad rows and the rows of customers "not in the customers
   * file" (every other customer, so that both passes run).
   */
  private static void readEvents(byte[] data, FileFormat format) throws IOException {
    long start = System.nanoTime();
    EventsFile events;
    try {
      events =
          EventsFile.read(
              "fuzz." + format.name().toLowerCase(java.util.Locale.ROOT),
              format,
              () -> new ByteArrayInputStream(data),
              SCHEMA,
              null,
              true,
              Dialect.DEFAULT);
    } catch (DataException e) {
      assertThat(e.fatal()).as(e.getMessage()).isTrue();
      return;
    }
    Set<String> known = new HashSet<>();
    int i = 0;
    for (String id : events.byCustomer().keySet()) {
      if (i++ % 2 == 0) {
        known.add(id);
      }
    }
    StringWriter rejects = new StringWriter();
    try (BufferedWriter w = new BufferedWriter(rejects)) {
      Problems problems = new Problems(true, w);
      events.report(known::contains, java.nio.file.Path.of("customers.csv"), false, problems);
    } catch (DataException e) {
      throw new AssertionError("skipping reports no row as fatal: " + e.getMessage(), e);
    }
    assertThat(System.nanoTime() - start).isLessThan(MAX_NANOS);
  }

  private static void assertPlaces(DataException e) {
    assertThat(e.file()).isNotEmpty();
    assertThat(e.reason()).isNotEmpty();
  }
}
