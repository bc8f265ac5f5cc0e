package dev.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segmentation sql}: the query for the example rules in each dialect, and its errors. */
class SqlCommandTest {

  private static Cli sql(String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "sql";
    args[1] = "--rules";
    args[2] = RunCommandTest.RULES;
    args[3] = "--as-of";
    args[4] = RunCommandTest.AS_OF;
    System.arraycopy(more, 0, args, 5, more.length);
    return Cli.run(args);
  }

  @Test
  void exampleRules_duckdb_printsTheGoldenQuery() {
    Cli cli = sql("--dialect", "duckdb");
    assertThat(cli.exitCode).as(cli.toString()).isZero();
    Golden.assertMatches("sql-duckdb.sql", cli.out);
  }

  @Test
  void exampleRules_postgres_printsTheGoldenQuery() {
    Cli cli = sql("--dialect", "postgres", "--zone", "Europe/Helsinki");
    assertThat(cli.exitCode).as(cli.toString()).isZero();
    Golden.assertMatches("sql-postgres.sql", cli.out);
  }

  @Test
  void exampleRules_spark_printsTheGoldenQuery() {
    Cli cli = sql("--dialect", "spark");
    assertThat(cli.exitCode).as(cli.toString()).isZero();
    Golden.assertMatches("sql-spark.sql", cli.out);
  }

  @Test
  void counts_printsTheCountsQuery() {
    Cli cli = sql("--dialect", "duckdb", "--counts");
    assertThat(cli.exitCode).as(cli.toString()).isZero();
    assertThat(cli.out).contains("SELECT COUNT(*) AS \"customers\"").doesNotContain("ORDER BY");
  }

  @Test
  void mapping_renamesTablesAndColumns(@TempDir Path tmp) throws IOException {
    Path mapping = tmp.resolve("mapping.json");
    Files.writeString(
        mapping,
        "{\"customers\": {\"table\": [\"crm\", \"customer\"], \"id\": \"customer_key\","
            + " \"columns\": {\"age\": \"age_years\","
            + " \"location\": {\"latitude\": \"lat\", \"longitude\": \"lon\"}}},"
            + " \"events\": {\"customerColumn\": \"who\", \"timeColumn\": \"at\","
            + " \"types\": {\"purchase\": {\"table\": \"orders\","
            + " \"columns\": {\"amount\": \"total\"}}}}}");
    Cli cli = sql("--dialect", "duckdb", "--mapping", mapping.toString());
    assertThat(cli.exitCode).as(cli.toString()).isZero();
    assertThat(cli.out)
        .contains("FROM \"crm\".\"customer\" AS \"c\"")
        .contains("\"c\".\"customer_key\" AS \"id\"")
        .contains("\"c\".\"age_years\"")
        .contains("\"c\".\"lat\"")
        .contains("FROM \"orders\" AS \"e\"")
        .contains("\"e\".\"total\"")
        .contains("\"e\".\"who\"")
        .contains("\"e\".\"at\"");
  }

  @Test
  void mapping_withAnUnknownField_isAnErrorAtItsPointer(@TempDir Path tmp) throws IOException {
    Path mapping = tmp.resolve("mapping.json");
    Files.writeString(mapping, "{\"customers\": {\"tabel\": \"x\"}}");
    Cli cli = sql("--dialect", "duckdb", "--mapping", mapping.toString());
    assertThat(cli.exitCode).isEqualTo(ExitCode.INVALID);
    assertThat(cli.err)
        .contains("/customers/tabel: unknown field; expected one of")
        .contains("mapping.json");
  }

  @Test
  void unknownDialect_isAUsageError() {
    Cli cli = sql("--dialect", "oracle");
    assertThat(cli.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err).contains("--dialect must be duckdb, postgres or spark, got \"oracle\"");
  }

  @Test
  void aRefusedRule_exitsOneNamingSegmentPointerAndDialect(@TempDir Path tmp) throws IOException {
    Path rules = tmp.resolve("rules.json");
    Files.writeString(
        rules,
        "{\"format\": 1, \"schema\": {\"attributes\": {\"email\": \"string\"}},"
            + " \"segments\": [{\"name\": \"dotcom\", \"where\":"
            + " {\"op\": \"matches\", \"attribute\": \"email\", \"value\": \"\\\\bcom\\\\b\"}}]}");
    Cli cli =
        Cli.run(
            "sql", "--rules", rules.toString(), "--dialect", "postgres", "--as-of", "2026-01-01");
    assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCode.INVALID);
    assertThat(cli.err)
        .contains("segment \"dotcom\" at /segments/0/where/value")
        .contains("PostgreSQL");
  }
}
