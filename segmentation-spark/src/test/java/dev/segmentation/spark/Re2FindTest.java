package dev.segmentation.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentation.check.Limits;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import dev.segmentation.sql.Mapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Patterns that Java's regex (Spark's RLIKE) and RE2 read differently, and case-insensitive ones:
 * on Spark they go to {@link Re2Find} and select exactly the row engine's customers.
 */
class Re2FindTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));
  private static final Schema SCHEMA = Schema.of(Attribute.string("name"));

  /** Pattern, ignoreCase: each outside the subset that RLIKE evaluates exactly. */
  private static final Object[][] PATTERNS = {
    {"\\bstra", false}, // RE2's \b is ASCII: a boundary after "é"; Java's is Unicode
    {"\\pL$", false}, // RE2's $ is the end; Java's also matches before a final newline
    {"^[[:alpha:]]+$", false}, // a POSIX class in RE2; in Java a class of ':', 'a', 'l', ...
    {"\\p{Greek}", false}, // a script in RE2; Java does not know the name
    {"a.*?b", false}, // lazy: the same answer, outside the subset all the same
    {"(?i)kelvin", false}, // a flag: RE2 folds the Kelvin sign K to k
    {"kelvin", true}, // ignoreCase: Unicode simple folding in RE2, ASCII in Java
    {"^stra(ss|ß)e$", true}, // ẞ folds to ß in RE2 only
    {"ſun", true}, // long s folds to s in RE2 only
  };

  private static final String[] NAMES = {
    "strand",
    "éstrand",
    "a\n",
    "abc",
    "ab\n",
    "αβγ",
    "Kelvin",
    "\u212Aelvin",
    "KELVIN",
    "STRAẞE",
    "STRASSE",
    "straße",
    "SUN",
    "sun",
    "axxb",
    "",
    "😀",
  };

  private static Catalog catalog() {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < PATTERNS.length; i++) {
      segments.add(
          Segment.of(
              "p" + i,
              new StringMatch(
                  "name",
                  StringMatch.Op.MATCHES,
                  (String) PATTERNS[i][0],
                  (Boolean) PATTERNS[i][1])));
    }
    return Catalog.of(segments);
  }

  private static List<SchemaCustomer> customers() {
    List<SchemaCustomer> out = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      out.add(Customer.builder(SCHEMA, "c" + i).set("name", NAMES[i]).build());
    }
    out.add(Customer.builder(SCHEMA, "none").build()); // no name: UNKNOWN, not a member
    return out;
  }

  @Test
  void patternsJavaReadsDifferently_selectTheRowEnginesMembers() {
    Catalog catalog = catalog();
    List<SchemaCustomer> customers = customers();
    Dataset<Row> people = CustomerDatasets.customers(SPARK, SCHEMA, Mapping.defaults(), customers);

    Map<String, List<Boolean>> spark = new TreeMap<>();
    for (Row r :
        SparkSegmentation.of(catalog, SCHEMA).evaluate(people, Map.of(), CTX).collectAsList()) {
      List<Boolean> members = new ArrayList<>();
      for (int i = 1; i < r.size(); i++) {
        members.add(r.getBoolean(i));
      }
      spark.put(r.getString(0), members);
    }
    CompiledCatalog rows = RowEngine.compile(catalog, SCHEMA);
    Map<String, List<Boolean>> expected = new TreeMap<>();
    for (SchemaCustomer c : customers) {
      List<Boolean> members = new ArrayList<>();
      for (int i = 0; i < PATTERNS.length; i++) {
        members.add(rows.matches("p" + i, c, CTX));
      }
      expected.put(c.id(), members);
    }

    assertThat(spark).isEqualTo(expected);
    // The patterns matter: the Kelvin sign, ẞ and ſ are found only by RE2's folding.
    assertThat(expected.get("c7").get(6)).isTrue(); // "Kelvin" with the Kelvin sign
    assertThat(expected.get("c9").get(7)).isTrue(); // STRAẞE
    assertThat(expected.get("c1").get(0)).isTrue(); // éstrand: \b after é
    assertThat(expected.get("c2").get(1)).isFalse(); // "a\n": $ is the very end
  }

  @Test
  void eachPattern_isReadDifferentlyByJavaOrIsOutsideItsSyntax() {
    int different = 0;
    for (Object[] p : PATTERNS) {
      String pattern = (String) p[0];
      boolean ignoreCase = (Boolean) p[1];
      com.google.re2j.Pattern re2 =
          com.google.re2j.Pattern.compile(
              pattern, ignoreCase ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0);
      try {
        java.util.regex.Pattern byJava =
            java.util.regex.Pattern.compile(
                pattern, ignoreCase ? java.util.regex.Pattern.CASE_INSENSITIVE : 0);
        for (String name : NAMES) {
          if (re2.matcher(name).find() != byJava.matcher(name).find()) {
            different++;
            break;
          }
        }
      } catch (java.util.regex.PatternSyntaxException e) {
        different++;
      }
    }
    assertThat(different).as("patterns Java reads differently").isEqualTo(PATTERNS.length - 1);
  }

  @Test
  void call_nullValue_isNull() {
    Re2Find find = new Re2Find(Limits.DEFAULT);

    assertThat(find.call(null, "a", false)).isNull();
    assertThat(find.call("\u212A", "k", true)).isTrue();
    assertThat(find.call("K", "\\bk", false)).isFalse();
  }
}
