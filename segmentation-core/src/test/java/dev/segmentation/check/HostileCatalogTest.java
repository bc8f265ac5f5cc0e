package dev.segmentation.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reproducers of the hostile-input probe (issue 14) against the checker and the engines. The
 * timeouts are hang guards, not speed measurements: each case took from 41 seconds to forever
 * before its fix, and takes well under a second after it (speed is measured with JMH).
 */
class HostileCatalogTest {
  private static final Schema SCHEMA = Schema.builder().attribute(Attribute.string("name")).build();

  private static CheckResult checkPattern(String pattern) {
    Catalog catalog =
        Catalog.of(
            new Segment(
                "s", null, new StringMatch("name", StringMatch.Op.MATCHES, pattern, false)));
    return Checker.standard().check(catalog, SCHEMA);
  }

  // Cause 3: nested repeat counts compiled to a program of billions of instructions.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "((a{1000}){1000}){10}",
        "((a{1000}){1000}){100}",
        "((((a{1000}){1000}){1000}){1000})",
        "(?:x(?:y{2,1000}){1000,})",
        "(a{1000}|b){1000}"
      })
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void pattern_nestedRepeatsBeyondTheLimit_refusedBeforeCompiling(String pattern) {
    CheckResult result = checkPattern(pattern);
    assertThat(result.errors())
        .extracting(Issue::toString)
        .singleElement()
        .asString()
        .startsWith("/segments/0/where/value: the pattern repeats too much: ")
        .contains("more than the limit of 1,000");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void pattern_manyLargeRepeatsInSequence_refusedByProgramSize() {
    String pattern = "(abcdefghij){1000}".repeat(20);
    assertThat(checkPattern(pattern).errors())
        .extracting(Issue::toString)
        .singleElement()
        .asString()
        .startsWith("/segments/0/where/value: the pattern expands to ")
        .contains("more than the limit of 100,000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a{1000}",
        "(a{10}){100}",
        "^[a-z]{2,30}@(?:[a-z0-9-]+\\.){1,5}[a-z]{2,}$",
        "\\Q{1000}{1000}\\E",
        "[{1000}]{3}",
        "x{1000,}",
        "a{,5}{5}",
        "\\p{Greek}{100}"
      })
  void pattern_withinTheLimits_isAccepted(String pattern) {
    assertThat(checkPattern(pattern).errors()).isEmpty();
  }

  // Cause 4: reference checking was quadratic in the number of segments.
  private static Catalog chain(int n) {
    List<Segment> segments = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Condition c = i == n - 1 ? new Always() : new InSegment("s" + (i + 1));
      segments.add(new Segment("s" + i, null, c));
    }
    return new Catalog(ImmutableList.copyOf(segments), null, null, null);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void chainOf99999Segments_isCheckedCompiledAndCountedInNearLinearTime() {
    Catalog catalog = chain(99_999);
    assertThat(Checker.standard().check(catalog, SCHEMA).issues()).isEmpty();

    CompiledCatalog row = RowEngine.compile(catalog, SCHEMA);
    EvaluationContext ctx = EvaluationContext.at(Instant.parse("2026-01-01T00:00:00Z"));
    Customer c = Customer.ofMap(SCHEMA, "c1", Map.of("name", "x"));
    assertThat(row.segmentsOf(c, ctx)).hasSize(99_999);

    CustomerTable table = CustomerTable.of(SCHEMA, List.of(c));
    BatchResult batch = ColumnarEngine.compile(catalog, SCHEMA).evaluate(table, ctx);
    long total = 0;
    for (int i = 0; i < 99_999; i++) {
      total += batch.count("s" + i);
    }
    assertThat(total).isEqualTo(99_999);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void references99999ToMissingSegments_eachReportedInNearLinearTime() {
    int n = 99_999;
    List<Segment> segments = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      segments.add(new Segment("s" + i, null, new InSegment("missing" + i)));
    }
    Catalog catalog = new Catalog(ImmutableList.copyOf(segments), null, null, null);
    CheckResult result = Checker.standard().check(catalog, SCHEMA);
    assertThat(result.errors()).hasSize(n);
    assertThat(result.errors().get(7).toString())
        .isEqualTo("/segments/7/where/segment: unknown segment \"missing7\"");
  }

  @Test
  void unknownReference_stillSuggestsTheClosestName() {
    Catalog catalog =
        new Catalog(
            ImmutableList.of(
                new Segment("loyal", null, new Always()),
                new Segment("b", null, new InSegment("loyl"))),
            null,
            null,
            null);
    assertThat(Checker.standard().check(catalog, SCHEMA).errors())
        .extracting(Issue::toString)
        .containsExactly(
            "/segments/1/where/segment: unknown segment \"loyl\"; did you mean \"loyal\"?");
  }
}
