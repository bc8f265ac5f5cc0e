package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.testkit.CustomerGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerScanTest {
  private static final Schema SCHEMA = CustomerGenerator.schema();
  private static final Path DATA = Path.of("src/test/resources/data");
  private static final Progress.Factory QUIET = Progress.factory(null, false);

  private static List<SchemaCustomer> read(Path customers, Path events, Problems problems)
      throws IOException, DataException {
    List<SchemaCustomer> out = new ArrayList<>();
    CustomerScan.scan(
        customers,
        events,
        Dialect.WRITTEN,
        SCHEMA,
        problems,
        QUIET,
        (c, row) -> {
          out.add(c);
          return true;
        });
    return out;
  }

  private static List<SchemaCustomer> read(Path customers, Path events)
      throws IOException, DataException {
    return read(customers, events, new Problems(false, null));
  }

  @Test
  void scan_csvWithEventsFileAndJsonl_sameCustomers() throws Exception {
    List<SchemaCustomer> csv = read(DATA.resolve("small.csv"), DATA.resolve("small-events.csv"));
    List<SchemaCustomer> jsonl = read(DATA.resolve("small.jsonl"), null);
    assertThat(csv).hasSize(4).isEqualTo(jsonl);
    SchemaCustomer c2 = csv.get(1);
    assertThat(c2.get(CustomerGenerator.AGE)).isNull(); // unquoted empty cell: no value
    assertThat(c2.get(CustomerGenerator.TAGS)).isEmpty(); // quoted empty cell: empty set
    assertThat(csv.get(3).get(CustomerGenerator.TAGS)).isNull();
    assertThat(csv.get(2).get(CustomerGenerator.CITY)).isEqualTo("Berlin, Mitte");
    assertThat(c2.get(CustomerGenerator.LAST_SEEN))
        .isEqualTo(Instant.parse("2026-09-01T06:30:00Z"));
    assertThat(csv.get(0).events("purchase")).hasSize(2);
  }

  @Test
  void writeThenScan_generatedCustomers_roundTripInBothFormats(@TempDir Path dir) throws Exception {
    Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
    List<SchemaCustomer> generated = new CustomerGenerator(9).customers(300, asOf).toList();
    Path jsonl = dir.resolve("c.jsonl");
    Path csv = dir.resolve("c.csv");
    Path events = dir.resolve("e.csv");
    try (BufferedWriter j = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8);
        BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        BufferedWriter e = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      CustomerWriter jw = new CustomerWriter(SCHEMA, FileFormat.JSONL, j, null);
      CustomerWriter cw = new CustomerWriter(SCHEMA, FileFormat.CSV, c, e);
      for (SchemaCustomer customer : generated) {
        jw.write(customer);
        cw.write(customer);
      }
    }
    assertThat(read(jsonl, null)).isEqualTo(generated);
    assertThat(read(csv, events)).isEqualTo(generated);
  }

  /** The first error of each bad file, stopping: file, line, column and reason. */
  @Test
  void scan_badInputs_errorsNameFileLineAndColumn() {
    String[][] cases = {
      {"bad-malformed.csv", null},
      {"bad-type.csv", null},
      {"bad-column.csv", null},
      {"bad-duplicate.csv", null},
      {"bad-date.csv", null},
      {"bad-fields.csv", null},
      {"bad-malformed.jsonl", null},
      {"bad-type.jsonl", null},
      {"bad-field.jsonl", null},
      {"bad-duplicate.jsonl", null},
      {"bad-date.jsonl", null},
      {"bad-event.jsonl", null},
      {"small.csv", "bad-events.csv"},
    };
    StringBuilder messages = new StringBuilder();
    for (String[] c : cases) {
      Path events = c[1] == null ? null : DATA.resolve(c[1]);
      try {
        read(DATA.resolve(c[0]), events);
        messages.append(c[0]).append(": no error\n");
      } catch (DataException e) {
        messages.append(e.getMessage()).append('\n');
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    Golden.assertMatches("input-errors.txt", messages.toString());
  }

  @Test
  void scan_skip_badRowsGoToRejectsAndGoodRowsStay() throws Exception {
    StringWriter rejects = new StringWriter();
    Problems problems;
    List<SchemaCustomer> read;
    try (BufferedWriter w = new BufferedWriter(rejects)) {
      w.write(Problems.header());
      problems = new Problems(true, w);
      read = read(DATA.resolve("bad-date.csv"), null, problems);
    }
    assertThat(read).extracting(SchemaCustomer::id).containsExactly("c-1");
    assertThat(problems.count()).isEqualTo(2);
    Golden.assertMatches("rejects-bad-date.csv", rejects.toString());
  }

  @Test
  void scan_skipEventsFile_badEventsAndOrphansRejected() throws Exception {
    StringWriter rejects = new StringWriter();
    Problems problems;
    List<SchemaCustomer> read;
    try (BufferedWriter w = new BufferedWriter(rejects)) {
      problems = new Problems(true, w);
      read = read(DATA.resolve("small.csv"), DATA.resolve("bad-events.csv"), problems);
    }
    assertThat(read).hasSize(4);
    assertThat(read.get(0).events("purchase")).hasSize(1);
    assertThat(problems.count()).isEqualTo(2);
    assertThat(rejects.toString()).contains("last tuesday").contains("\"c-9\"");
  }

  @Test
  void scan_skip_fatalHeaderErrorStillStops() {
    Problems problems = new Problems(true, new BufferedWriter(new StringWriter()));
    assertThatThrownBy(() -> read(DATA.resolve("bad-column.csv"), null, problems))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("contry")
        .hasMessageContaining("did you mean \"country\"");
  }

  @Test
  void scan_byteOrderMarkAndCrlf_readLikePlainCsv() throws Exception {
    assertThat(read(DATA.resolve("bom.csv"), null))
        .singleElement()
        .satisfies(c -> assertThat(c.get(CustomerGenerator.COUNTRY)).isEqualTo("FI"));
  }

  @Test
  void scan_numericJsonId_isItsTextAndCollidesWithTheString() {
    assertThatThrownBy(() -> read(DATA.resolve("numeric-id.jsonl"), null))
        .hasMessageContaining(":2: column 2 (field \"id\"): duplicate customer id \"17\"");
  }

  /** Issue 14: an unclosed quote once ended a skip run; now only its own line is rejected. */
  @Test
  void scan_quoteNeverClosedPastTheLimit_skip_onlyItsLineRejectedAndLaterRowsRead(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("unclosed.csv");
    StringBuilder sb = new StringBuilder("id,country\nc-1,FI\nc-2,\"SE\n");
    int rows = 0;
    while (sb.length() <= CsvReader.MAX_RECORD_CHARS + 100) {
      sb.append("c-x").append(rows++).append(",NO\n");
    }
    Files.writeString(csv, sb);
    StringWriter rejects = new StringWriter();
    Problems problems;
    List<SchemaCustomer> read;
    try (BufferedWriter w = new BufferedWriter(rejects)) {
      problems = new Problems(true, w);
      read = read(csv, null, problems);
    }
    assertThat(read).hasSize(1 + rows);
    assertThat(problems.count()).isEqualTo(1);
    assertThat(rejects.toString())
        .isEqualTo(
            csv
                + ",3,column 2 (country),a quoted field is not closed within 1048576 characters,"
                + "\"c-2,\"\"SE\"\n");
  }

  @Test
  void csvReader_quotedFieldsSpanningLines_keepStartLine() throws Exception {
    CsvReader r =
        new CsvReader(new java.io.StringReader("a,b\r\n\"x\ny\",\"he said \"\"hi\"\"\"\n\n3,\n"));
    assertThat(r.next().fields()).containsExactly("a", "b");
    CsvReader.Record second = r.next();
    assertThat(second.fields()).containsExactly("x\ny", "he said \"hi\"");
    assertThat(second.line()).isEqualTo(2);
    CsvReader.Record third = r.next();
    assertThat(third.fields()).containsExactly("3", "");
    assertThat(third.quoted()).containsExactly(false, false);
    assertThat(third.line()).isEqualTo(5);
    assertThat(r.next()).isNull();
  }
}
