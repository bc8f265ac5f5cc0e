package dev.segmentation.sql;

import dev.segmentation.model.ExternalName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every difference between the SQL dialects the compiler writes: quoting, literals, types, and the
 * few functions whose names or meaning differ. Nothing outside this type knows which database it
 * writes for, except the regular expression subset ({@link RegexSubset}), which it selects here.
 */
public enum Dialect implements ExternalName {
  /** DuckDB 1.x: RE2 regular expressions, bytewise string order, TIMESTAMPTZ in microseconds. */
  DUCKDB("DuckDB", "duckdb"),
  /** PostgreSQL 12 or later: strings compare with {@code COLLATE "C"}; text cannot hold NUL. */
  POSTGRES("PostgreSQL", "postgres"),
  /** Spark SQL 4.0 (run and proven by {@code segmentation-spark}): backtick identifiers. */
  SPARK("Spark SQL", "spark");

  private final String displayName;
  private final String externalName;

  Dialect(String displayName, String externalName) {
    this.displayName = displayName;
    this.externalName = externalName;
  }

  /** The name people know, e.g. {@code PostgreSQL}, used in error messages. */
  public String displayName() {
    return displayName;
  }

  /** The name on the command line, e.g. {@code postgres}. */
  @Override
  public String externalName() {
    return externalName;
  }

  /** The dialect with this external name, or null. */
  public static Dialect fromExternalName(String name) {
    return ExternalName.find(Dialect.class, name);
  }

  /** PostgreSQL truncates longer identifiers (NAMEDATALEN - 1 bytes). */
  static final int POSTGRES_MAX_IDENTIFIER_BYTES = 63;

  /**
   * A quoted identifier; null when the dialect cannot hold the name (the caller says where). Every
   * identifier is quoted, so that names are never read as keywords or as SQL.
   */
  String identifierOrNull(String name) {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      return null;
    }
    if (this == POSTGRES
        && name.getBytes(StandardCharsets.UTF_8).length > POSTGRES_MAX_IDENTIFIER_BYTES) {
      return null;
    }
    if (this == SPARK) {
      return "`" + name.replace("`", "``") + "`";
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * {@code name} as a quoted identifier of this dialect (quotes doubled), for SQL written next to
   * the compiled queries, e.g. loading the tables of the layout.
   *
   * @throws IllegalArgumentException saying why when the dialect cannot hold the name
   */
  public String identifier(String name) {
    String quoted = identifierOrNull(name);
    if (quoted == null) {
      throw new IllegalArgumentException(identifierProblem(name));
    }
    return quoted;
  }

  /**
   * {@code value} as a string literal of this dialect, escaped as the compiled queries escape
   * theirs.
   *
   * @throws IllegalArgumentException when the value has NUL and the dialect's text cannot hold it
   */
  public String literal(String value) {
    return string(value);
  }

  /** Why {@link #identifierOrNull} refused {@code name}. */
  String identifierProblem(String name) {
    if (name.isEmpty()) {
      return "an empty name cannot be an identifier";
    }
    if (name.indexOf('\0') >= 0) {
      return "the name contains the NUL character, which " + displayName + " names cannot hold";
    }
    return "the name \""
        + name
        + "\" is longer than PostgreSQL's "
        + POSTGRES_MAX_IDENTIFIER_BYTES
        + " bytes and would be cut short";
  }

  /** Whether string values and literals may contain U+0000. */
  boolean holdsNul() {
    return this != POSTGRES;
  }

  /**
   * A string literal. DuckDB reads '...' without escapes and gets NUL through {@code chr(0)};
   * PostgreSQL gets an E'...' literal, whose meaning does not depend on {@code
   * standard_conforming_strings}; Spark reads backslash escapes. The caller has refused NUL where
   * the dialect cannot hold it.
   */
  String string(String value) {
    switch (this) {
      case DUCKDB:
        if (value.indexOf('\0') >= 0) {
          return "("
              + List.of(value.split("\0", -1)).stream()
                  .map(part -> "'" + part.replace("'", "''") + "'")
                  .collect(Collectors.joining(" || chr(0) || "))
              + ")";
        }
        return "'" + value.replace("'", "''") + "'";
      case POSTGRES:
        if (value.indexOf('\0') >= 0) {
          throw new IllegalArgumentException("PostgreSQL text cannot hold NUL");
        }
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
      case SPARK:
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          switch (c) {
            case '\\':
              sb.append("\\\\");
              break;
            case '\'':
              sb.append("\\'");
              break;
            case '\0':
              sb.append("\\u0000");
              break;
            default:
              sb.append(c);
          }
        }
        return sb.append('\'').toString();
    }
    throw new AssertionError(this);
  }

  String stringType() {
    return this == DUCKDB ? "VARCHAR" : this == POSTGRES ? "TEXT" : "STRING";
  }

  String doubleType() {
    return this == POSTGRES ? "DOUBLE PRECISION" : "DOUBLE";
  }

  String timestampType() {
    return this == SPARK ? "TIMESTAMP" : "TIMESTAMPTZ";
  }

  String stringArrayType() {
    return this == DUCKDB ? "VARCHAR[]" : this == POSTGRES ? "TEXT[]" : "ARRAY<STRING>";
  }

  /** A double literal from Java's shortest round-trip text, which every dialect parses exactly. */
  String doubleLiteral(double d) {
    return "CAST('" + Double.toString(d + 0.0) + "' AS " + doubleType() + ")";
  }

  String dateLiteral(String isoDate) {
    return "CAST('" + isoDate + "' AS DATE)";
  }

  /** A timestamp literal from {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in UTC. */
  String timestampLiteral(String utc) {
    return this == SPARK
        ? "CAST('" + utc.replace(' ', 'T') + "Z' AS TIMESTAMP)"
        : "CAST('" + utc + "+00' AS TIMESTAMPTZ)";
  }

  /** Microseconds since the epoch of a timestamp expression, as a BIGINT. */
  String epochMicros(String expr) {
    switch (this) {
      case DUCKDB:
        return "epoch_us(" + expr + ")";
      case POSTGRES:
        return "CAST(EXTRACT(EPOCH FROM " + expr + ") * 1000000 AS BIGINT)";
      case SPARK:
        return "unix_micros(" + expr + ")";
    }
    throw new AssertionError(this);
  }

  /** The date {@code days} after 1970-01-01. */
  String dateFromEpochDay(String days) {
    return this == SPARK
        ? "date_add(DATE '1970-01-01', CAST(" + days + " AS INT))"
        : "(CAST('1970-01-01' AS DATE) + CAST(" + days + " AS INTEGER))";
  }

  /**
   * The exact sum of BIGINT values. DuckDB and PostgreSQL widen {@code SUM(BIGINT)} themselves
   * (HUGEINT, NUMERIC); Spark's is a BIGINT that wraps around past 2^63 without an error, so Spark
   * adds DECIMAL(38, 0) values, which hold any sum of fewer than 2^36 longs.
   */
  String exactIntegerSum(String expr) {
    return this == SPARK ? "SUM(CAST(" + expr + " AS DECIMAL(38, 0)))" : "SUM(" + expr + ")";
  }

  /** Integer division truncating toward zero. */
  String intDiv(String a, String b) {
    switch (this) {
      case DUCKDB:
        return "(" + a + " // " + b + ")";
      case POSTGRES:
        return "(" + a + " / " + b + ")";
      case SPARK:
        return "(" + a + " DIV " + b + ")";
    }
    throw new AssertionError(this);
  }

  /** An expression that ordered string comparisons apply to: code point order. */
  String codePointOrder(String expr) {
    return this == POSTGRES ? expr + " COLLATE \"C\"" : expr;
  }

  /** An array literal of strings. */
  String stringArray(List<String> values) {
    if (values.isEmpty()) {
      return this == SPARK
          ? "CAST(array() AS ARRAY<STRING>)"
          : "CAST(" + (this == DUCKDB ? "[]" : "ARRAY[]") + " AS " + stringArrayType() + ")";
    }
    String items = values.stream().map(this::string).collect(Collectors.joining(", "));
    switch (this) {
      case DUCKDB:
        return "CAST([" + items + "] AS VARCHAR[])";
      case POSTGRES:
        return "CAST(ARRAY[" + items + "] AS TEXT[])";
      case SPARK:
        return "array(" + items + ")";
    }
    throw new AssertionError(this);
  }

  /** Whether the tags share an element with {@code wanted} (non-empty). */
  String arrayOverlaps(String tags, List<String> wanted) {
    switch (this) {
      case DUCKDB:
        return "list_has_any(" + tags + ", " + stringArray(wanted) + ")";
      case POSTGRES:
        return "(" + tags + " && " + stringArray(wanted) + ")";
      case SPARK:
        return "arrays_overlap(" + tags + ", " + stringArray(wanted) + ")";
    }
    throw new AssertionError(this);
  }

  /** Whether the tags contain every element of {@code wanted} (non-empty). */
  String arrayContainsAll(String tags, List<String> wanted) {
    switch (this) {
      case DUCKDB:
        return "list_has_all(" + tags + ", " + stringArray(wanted) + ")";
      case POSTGRES:
        return "(" + tags + " @> " + stringArray(wanted) + ")";
      case SPARK:
        return "(size(array_except(" + stringArray(wanted) + ", " + tags + ")) = 0)";
    }
    throw new AssertionError(this);
  }

  /** The number of elements; 0 for an empty array (PostgreSQL's array_length would be NULL). */
  String arraySize(String tags) {
    switch (this) {
      case DUCKDB:
        return "len(" + tags + ")";
      case POSTGRES:
        return "cardinality(" + tags + ")";
      case SPARK:
        return "size(" + tags + ")";
    }
    throw new AssertionError(this);
  }

  /** {@code value LIKE pattern ESCAPE '!'}, the pattern already escaped with '!'. */
  String like(String value, String pattern) {
    return "(" + value + " LIKE " + string(pattern) + " ESCAPE " + string("!") + ")";
  }

  /**
   * Whether the RE2 pattern matches anywhere in {@code value}. DuckDB evaluates RE2 itself; the
   * others get a translation of a subset whose meaning is the same ({@link RegexSubset}), or a
   * refusal.
   */
  String regexFind(String value, String re2Pattern, boolean ignoreCase) {
    switch (this) {
      case DUCKDB:
        // (?-s): '.' does not match a newline, as in RE2's default, whatever DuckDB's default.
        return "regexp_matches("
            + value
            + ", "
            + string((ignoreCase ? "(?i)" : "") + "(?-s)" + re2Pattern)
            + ")";
      case POSTGRES:
        return "(" + value + " ~ " + string(RegexSubset.toPostgres(re2Pattern)) + ")";
      case SPARK:
        return "(" + value + " RLIKE " + string(RegexSubset.toJava(re2Pattern)) + ")";
    }
    throw new AssertionError(this);
  }

  /** A boolean expression that stops the query with {@code message}. */
  String fail(String message) {
    switch (this) {
      case DUCKDB:
        return "CAST(error(" + string(message) + ") AS BOOLEAN)";
      case POSTGRES:
        // PostgreSQL has no error function in plain SQL: a failing cast carries the message.
        return "CAST(" + string(message) + " AS BOOLEAN)";
      case SPARK:
        return "CAST(raise_error(" + string(message) + ") AS BOOLEAN)";
    }
    throw new AssertionError(this);
  }

  String nullBoolean() {
    return "CAST(NULL AS BOOLEAN)";
  }
}
