package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.sql.Mapping;
import dev.segmentation.sql.TableLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --engine duckdb} over Parquet files in the layout of docs/sql.md. The test writes the
 * files itself: the bundled example customers, read by the command line's JSON Lines reader, are
 * loaded into an in-process DuckDB with {@code TableLoader} and written with DuckDB's {@code COPY
 * ... (FORMAT PARQUET)}; the run over them must give the row engine's report and membership file
 * over the JSON Lines original, byte for byte. Files that do not follow the layout are refused
 * naming the file and the column.
 */
class RunParquetTest {

  private static final String CUSTOMERS = "../examples/customers.jsonl";

  @TempDir static Path dir;
  private static Path customers;
  private static Path events;
  private static Connection db;

  @BeforeAll
  static void writeParquet() throws Exception {
    Rules.Loaded loaded =
        Rules.load(Path.of(RunCommandTest.RULES), new PrintWriter(new StringWriter()));
    List<SchemaCustomer> read = new ArrayList<>();
    CustomerScan.scan(
        Path.of(CUSTOMERS),
        (Path) null,
        Dialect.DEFAULT,
        loaded.schema(),
        new Problems(false, null),
        Progress.factory(new PrintWriter(new StringWriter()), false),
        (c, row) -> read.add(c));
    db = DriverManager.getConnection("jdbc:duckdb:");
    TableLoader loader =
        TableLoader.of(dev.segmentation.sql.Dialect.DUCKDB, loaded.schema(), Mapping.defaults());
    loader.create(db);
    loader.insert(db, read);
    customers = dir.resolve("customers.parquet");
    events = dir.resolve("events.parquet");
    copy("SELECT * FROM customers", customers);
    copy(
        "SELECT customer_id, 'purchase' AS type, event_time, amount, category, channel,"
            + " NULL::VARCHAR AS campaign, NULL::VARCHAR AS path FROM events_purchase"
            + " UNION ALL SELECT customer_id, 'email_open', event_time, NULL, NULL, NULL, campaign,"
            + " NULL FROM events_email_open"
            + " UNION ALL SELECT customer_id, 'page_view', event_time, NULL, NULL, NULL, NULL, path"
            + " FROM events_page_view",
        events);
    assertThat(read).hasSizeGreaterThan(1_000);
  }

  private static void copy(String select, Path to) throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute("COPY (" + select + ") TO '" + to + "' (FORMAT PARQUET)");
    }
  }

  private static Cli run(String engine, Path customersFile, Path eventsFile, Path out) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--rules",
                RunCommandTest.RULES,
                "--customers",
                customersFile.toString(),
                "--as-of",
                RunCommandTest.AS_OF,
                "--engine",
                engine,
                "--out",
                out.toString()));
    if (eventsFile != null) {
      args.add("--events");
      args.add(eventsFile.toString());
    }
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void exampleAsParquet_duckdb_identicalToTheRowEngineOverJsonLines() throws Exception {
    Path rowOut = dir.resolve("row.jsonl");
    Path duckOut = dir.resolve("duck.jsonl");
    Cli row = run("row", Path.of(CUSTOMERS), null, rowOut);
    Cli duck = run("duckdb", customers, events, duckOut);
    assertThat(row.exitCode).as(row.toString()).isZero();
    assertThat(duck.exitCode).as(duck.toString()).isZero();
    assertThat(duck.out).isEqualTo(row.out);
    assertThat(Files.readString(duckOut)).isEqualTo(Files.readString(rowOut));
  }

  @Test
  void rowEngine_parquet_usageErrorSayingUseDuckdb() {
    Cli cli = run("row", customers, events, dir.resolve("never.jsonl"));
    assertThat(cli.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err)
        .contains(
            customers
                + ": Parquet files are read only by run --engine duckdb; use --engine duckdb");
    assertThat(dir.resolve("never.jsonl")).doesNotExist();
  }

  @Test
  void parquetCustomers_csvEvents_usageError() {
    Cli cli =
        run(
            "duckdb",
            customers,
            Path.of(RunCommandTest.DATA + "small-events.csv"),
            dir.resolve("x"));
    assertThat(cli.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err)
        .contains("--customers and --events must both be Parquet (.parquet) or neither");
  }

  @Test
  void columnOfAnotherType_refusedNamingFileAndColumn() throws Exception {
    Path bad = dir.resolve("age-as-double.parquet");
    copy("SELECT * REPLACE (CAST(age AS DOUBLE) AS age) FROM customers", bad);
    Cli cli = run("duckdb", bad, events, dir.resolve("never.jsonl"));
    assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCode.INVALID);
    assertThat(cli.err).contains(bad + ": column \"age\": the column is DOUBLE, expected BIGINT");
    assertThat(dir.resolve("never.jsonl")).doesNotExist();
  }

  @Test
  void missingAndUnknownColumns_refusedNamingFileAndColumn() throws Exception {
    Path missing = dir.resolve("no-city.parquet");
    copy("SELECT * EXCLUDE (city) FROM customers", missing);
    Cli cli = run("duckdb", missing, null, dir.resolve("never.jsonl"));
    assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCode.INVALID);
    assertThat(cli.err).contains(missing + ": column \"city\": missing column (expected VARCHAR)");

    Path extra = dir.resolve("extra.parquet");
    copy("SELECT *, 1 AS shoeSize FROM customers", extra);
    cli = run("duckdb", extra, null, dir.resolve("never.jsonl"));
    assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCode.INVALID);
    assertThat(cli.err)
        .contains(extra + ": column \"shoeSize\": unknown column (the columns are: id, age,");
  }

  @Test
  void eventOfUnknownTypeOrCustomer_refusedNamingTheRow() throws Exception {
    Path badType = dir.resolve("bad-type.parquet");
    copy("SELECT * REPLACE ('refund' AS type) FROM '" + events + "'", badType);
    Cli cli = run("duckdb", customers, badType, dir.resolve("never.jsonl"));
    assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCode.INVALID);
    assertThat(cli.err)
        .contains(
            badType
                + ": row 1: the event type is missing or not one of the schema's (purchase,"
                + " email_open, page_view)");

    Path stranger = dir.resolve("stranger.parquet");
    copy("SELECT * REPLACE ('nobody' AS customer_id) FROM '" + events + "'", stranger);
    cli = run("duckdb", customers, stranger, dir.resolve("never.jsonl"));
    assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCode.INVALID);
    assertThat(cli.err).contains(stranger + ": an event of customer \"nobody\", who is not in ");
  }

  @Test
  void missingFile_ioError() {
    Cli cli = run("duckdb", dir.resolve("absent.parquet"), null, dir.resolve("never.jsonl"));
    assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCode.IO);
  }
}
