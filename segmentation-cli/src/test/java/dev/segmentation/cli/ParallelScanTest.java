package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.model.Customer;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.CustomerGenerator;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CustomerScan} gives the same customers, in the same order, and the same bad rows with the
 * same line numbers, whatever the number of parse threads and the size of the batches they take:
 * one thread taking one record at a time is the sequential reading it must equal.
 */
class ParallelScanTest {
  private static final Schema SCHEMA = CustomerGenerator.schema();
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final Progress.Factory QUIET = Progress.factory(null, false);

  @TempDir Path dir;

  /** Bad lines of every kind the readers name, by the line (from 1) they replace. */
  private static final String[] BAD = {
    "{\"id\":\"broken\",", // malformed JSON
    "{\"id\":\"c-3\"}", // a duplicate id (c-3 comes early in every file)
    "{\"id\":\"x\",\"age\":\"thirty\"}", // a value that does not fit
    "{\"id\":\"y\",\"colour\":\"red\"}", // an unknown field
    "{\"id\":\"z\",\"events\":[{\"type\":\"purchase\",\"timestamp\":\"soon\"}]}",
    "\uFFFF", // replaced by invalid UTF-8 below
  };

  /**
   * A JSON Lines file of {@code count} generated customers with blank lines and bad lines at random
   * places (a fixed seed); the bad lines' numbers are added to {@code badLines}.
   */
  private Path file(long seed, int count, TreeMap<Integer, String> badLines) throws IOException {
    StringWriter text = new StringWriter();
    CustomerWriter writer = new CustomerWriter(SCHEMA, FileFormat.JSONL, text, null);
    CustomerGenerator generator = new CustomerGenerator(seed);
    for (int i = 0; i < count; i++) {
      writer.write(generator.customer(i, AS_OF));
    }
    List<String> lines = new ArrayList<>(List.of(text.toString().split("\n")));
    Random random = new Random(seed);
    for (int k = 0; k < 12; k++) {
      int at = 10 + random.nextInt(lines.size() - 10);
      String bad = k % 4 == 3 ? "" : BAD[random.nextInt(BAD.length)];
      lines.set(at, bad);
      badLines.remove(at + 1);
      if (!bad.isEmpty()) {
        badLines.put(at + 1, bad);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String line : lines) {
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      if (line.equals("\uFFFF")) {
        b = new byte[] {'{', (byte) 0xFF, '}'};
      }
      bytes.write(b);
      bytes.write('\n');
    }
    Path file = dir.resolve("customers-" + seed + ".jsonl");
    Files.write(file, bytes.toByteArray());
    return file;
  }

  /** Every accepted customer (line, then the customer) and the rejects file, as one text. */
  private static String scan(Path file, int threads, int batchSize)
      throws IOException, DataException {
    StringBuilder accepted = new StringBuilder();
    String rejects =
        skipping(
            file,
            threads,
            batchSize,
            c -> c.id().length(),
            null,
            (id, c, line, prepared) -> {
              assertThat(prepared).isEqualTo(c.id().length());
              accepted.append(line).append(' ').append(c).append('\n');
              return true;
            });
    return accepted + "\nrejects:\n" + rejects;
  }

  /** A scan that skips bad rows; returns the rejects file's text. */
  private static <T> String skipping(
      Path file,
      int threads,
      int batchSize,
      Function<SchemaCustomer, T> prepare,
      CustomerScan.Direct<T> direct,
      CustomerScan.PreparedSink<T> sink)
      throws IOException, DataException {
    StringWriter rejects = new StringWriter();
    try (BufferedWriter w = new BufferedWriter(rejects)) {
      CustomerScan.scan(
          file,
          null,
          Dialect.WRITTEN,
          SCHEMA,
          new Problems(true, w),
          QUIET,
          prepare,
          direct,
          sink,
          threads,
          batchSize,
          CustomerScan.idBudget());
    }
    return rejects.toString();
  }

  @ParameterizedTest
  @CsvSource({"1, 2, 7", "2, 3, 1", "3, 4, 64", "4, 2, 3"})
  void scan_skippingBadRows_sameResultsAsSequentialReading(long seed, int threads, int batchSize)
      throws Exception {
    TreeMap<Integer, String> badLines = new TreeMap<>();
    Path file = file(seed, 300, badLines);

    String sequential = scan(file, 1, 1);
    String parallel = scan(file, threads, batchSize);

    assertThat(parallel).isEqualTo(sequential);
    String rejects = sequential.substring(sequential.indexOf("\nrejects:\n"));
    List<Integer> reported = new ArrayList<>();
    for (String line : rejects.split("\n")) {
      if (line.startsWith(file.toString() + ",")) {
        reported.add(Integer.parseInt(line.split(",")[1]));
      }
    }
    assertThat(reported).containsExactlyElementsOf(badLines.keySet());
  }

  /**
   * Lines read straight into the parse threads' reused customers ({@code direct}) give the same
   * accepted rows, in order, and the same rejects as lines read into {@code SchemaCustomer}s,
   * including a customer whose preparation fails.
   */
  @ParameterizedTest
  @CsvSource({"11, 1, 1", "12, 2, 7", "13, 3, 64"})
  void scan_directlyPrepared_sameRowsAndRejectsAsThroughCustomers(
      long seed, int threads, int batchSize) throws Exception {
    Path file = file(seed, 300, new TreeMap<>());
    String throughCustomers = scanIds(file, threads, batchSize, false);
    assertThat(scanIds(file, threads, batchSize, true)).isEqualTo(throughCustomers);
    assertThat(throughCustomers).contains("c-17 is refused");
  }

  /** Accepted rows (line, id, what was prepared) and rejects, with or without a direct path. */
  private static String scanIds(Path file, int threads, int batchSize, boolean direct)
      throws IOException, DataException {
    StringBuilder accepted = new StringBuilder();
    // what is prepared for a customer, in a one-element array that the direct path reuses
    ToIntFunction<Customer> prepare =
        c -> {
          if (c.id().equals("c-17")) {
            throw new InvalidDataException(c.id(), null, "c-17 is refused");
          }
          return c.id().length() * 1000 + c.events("purchase").size();
        };
    int[] made = new int[1]; // results the direct path made: a few batches' worth, not one each
    CustomerScan.Direct<int[]> reused =
        new CustomerScan.Direct<>() {
          @Override
          public int[] newResult() {
            synchronized (made) {
              made[0]++;
            }
            return new int[1];
          }

          @Override
          public void prepare(ScannedCustomer c, int[] into) {
            into[0] = prepare.applyAsInt(c);
          }
        };
    String rejects =
        skipping(
            file,
            threads,
            batchSize,
            c -> new int[] {prepare.applyAsInt(c)},
            direct ? reused : null,
            (id, c, line, prepared) -> {
              assertThat(c == null).isEqualTo(direct);
              accepted.append(line).append(' ').append(id).append(' ').append(prepared[0]);
              accepted.append('\n');
              return true;
            });
    synchronized (made) {
      // at most one result per record of each batch ever in flight, and the one being read
      assertThat(made[0]).isLessThanOrEqualTo((2 * threads + 2) * batchSize);
    }
    return accepted + "\nrejects:\n" + rejects;
  }

  @ParameterizedTest
  @CsvSource({"5, 2, 7", "6, 3, 1", "7, 4, 64"})
  void scan_stoppingAtTheFirstBadRow_reportsTheFirstInFileOrder(
      long seed, int threads, int batchSize) throws Exception {
    TreeMap<Integer, String> badLines = new TreeMap<>();
    Path file = file(seed, 300, badLines);
    DataException sequential = stop(file, 1, 1);
    DataException parallel = stop(file, threads, batchSize);
    assertThat(parallel.getMessage()).isEqualTo(sequential.getMessage());
    assertThat(parallel.line()).isEqualTo(badLines.firstKey());
  }

  /**
   * With a budget of ids so small that every id is spilled to its own run on disk, a run stops at
   * the same first bad row, with the same message, as with every id in memory: duplicates found
   * only by merging the runs at the end, or before another bad row, included.
   */
  @ParameterizedTest
  @CsvSource({"5, 2, 7", "6, 3, 1", "7, 4, 64", "8, 1, 1", "9, 2, 5", "10, 2, 16"})
  void scan_idsSpilledToDisk_stopsAtTheSameFirstBadRow(long seed, int threads, int batchSize)
      throws Exception {
    TreeMap<Integer, String> badLines = new TreeMap<>();
    Path file = file(seed, 300, badLines);
    DataException inMemory = stop(file, 1, 1, Long.MAX_VALUE);
    for (long budget : new long[] {0, 3000, 20000}) {
      DataException spilled = stop(file, threads, batchSize, budget);
      assertThat(spilled.getMessage()).isEqualTo(inMemory.getMessage());
    }
  }

  /** Only duplicates, far apart: found by merging the runs once the file is read. */
  @Test
  void scan_idsSpilledToDisk_findsTheFirstDuplicateInFileOrderAtTheEnd() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      String id = i == 250 ? "c-200" : i == 300 ? "c-7" : i == 350 ? "c-7" : "c-" + i;
      text.append("{\"age\":").append(i % 90).append(",\"id\":\"").append(id).append("\"}\n");
    }
    Path file = dir.resolve("duplicates.jsonl");
    Files.writeString(file, text);
    DataException inMemory = stop(file, 1, 1, Long.MAX_VALUE);
    assertThat(inMemory.getMessage())
        .contains(":250:")
        .contains("duplicate customer id \"c-200\" (first on line 200)");
    for (long budget : new long[] {0, 1000, 4000}) {
      assertThat(stop(file, 2, 16, budget).getMessage()).isEqualTo(inMemory.getMessage());
    }
  }

  private static DataException stop(Path file, int threads, int batchSize) {
    return stop(file, threads, batchSize, CustomerScan.idBudget());
  }

  private static DataException stop(Path file, int threads, int batchSize, long idBudget) {
    List<String> seen = new ArrayList<>();
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(
            () ->
                CustomerScan.scan(
                    file,
                    null,
                    Dialect.WRITTEN,
                    SCHEMA,
                    new Problems(false, null),
                    QUIET,
                    c -> null,
                    null,
                    (id, c, row, prepared) -> seen.add(c.id()),
                    threads,
                    batchSize,
                    idBudget))
        .isInstanceOfSatisfying(DataException.class, e -> thrown[0] = e);
    return (DataException) thrown[0];
  }
}
