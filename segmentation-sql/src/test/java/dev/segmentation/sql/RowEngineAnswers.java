package dev.segmentation.sql;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.model.Customer;
import dev.segmentation.segment.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The row engine's answer for one customer in the column order of a membership query (after the
 * id), and the comparison of such rows, for the differential tests of the SQL and Spark backends.
 */
public final class RowEngineAnswers {
  private RowEngineAnswers() {}

  /**
   * Each segment (true only when TRUE), score, tier, and RFM segment with its scores ({@code "R*100
   * + F*10 + M"} as text, null without events); adds each member to {@code counts[1 + segment]}.
   */
  public static List<Object> row(
      CompiledCatalog rows, Catalog catalog, Customer c, EvaluationContext ctx, long[] counts) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < catalog.segments().size(); i++) {
      boolean member = rows.evaluate(i, c, ctx) == Truth.TRUE;
      out.add(member);
      counts[i + 1] += member ? 1 : 0;
    }
    catalog.scores().forEach(s -> out.add(rows.score(s.name(), c, ctx)));
    catalog.tierings().forEach(t -> out.add(rows.tier(t.name(), c, ctx)));
    catalog
        .rfmModels()
        .forEach(
            r -> {
              out.add(rows.tier(r.name(), c, ctx));
              var scores = rows.rfm(r.name(), c, ctx);
              out.add(
                  scores == null
                      ? null
                      : String.valueOf(scores.r() * 100 + scores.f() * 10 + scores.m()));
            });
    return out;
  }

  /**
   * The differences between the row engine's answers and a backend's: one line per customer whose
   * row differs or is missing (starting with its id and ": "), one for rows of unknown ids, one for
   * the counts ({@code actualCounts}: customers, then each segment's members; empty when the
   * backend did not count).
   *
   * @param actual each customer's row after the id, as {@link #row} writes it
   * @param columns said after each differing row, naming its columns
   */
  public static List<String> differences(
      CompiledCatalog rows,
      Catalog catalog,
      List<? extends Customer> customers,
      EvaluationContext ctx,
      Map<String, List<Object>> actual,
      List<Long> actualCounts,
      String columns) {
    Map<String, List<Object>> unmatched = new LinkedHashMap<>(actual);
    List<String> differences = new ArrayList<>();
    long[] expectedCounts = new long[1 + catalog.segments().size()];
    expectedCounts[0] = customers.size();
    for (Customer c : customers) {
      List<Object> expected = row(rows, catalog, c, ctx, expectedCounts);
      List<Object> got = unmatched.remove(c.id());
      if (got == null) {
        differences.add(c.id() + ": missing from the result");
      } else if (!same(expected, got)) {
        differences.add(c.id() + ": expected " + expected + ", got " + got + " " + columns);
      }
    }
    if (!unmatched.isEmpty()) {
      differences.add("rows for unknown ids " + unmatched.keySet());
    }
    List<Long> expected = new ArrayList<>();
    for (long n : expectedCounts) {
      expected.add(n);
    }
    if (!actualCounts.isEmpty() && !expected.equals(actualCounts)) {
      differences.add("counts: expected " + expected + ", got " + actualCounts);
    }
    return differences;
  }

  /** Equal values; scores equal as doubles (0.0 and -0.0 are the same score). */
  public static boolean same(List<Object> expected, List<Object> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      if (e instanceof Double x && a instanceof Double y) {
        if (x.doubleValue() != y.doubleValue()) {
          return false;
        }
      } else if (!Objects.equals(e, a)) {
        return false;
      }
    }
    return true;
  }
}
