package dev.segmentation.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH JSON results ({@code -rf json}) into the Markdown tables of RESULTS.md: the batch
 * benchmark in nanoseconds per customer (score and 99.9% error divided by the number of customers
 * the contender ran on, with the median of the measurement iterations), each contender's ratio to
 * the limit of the same run ({@code HAND_BRANCH_FREE}, the branch-free hand loop) and to the two
 * other hand-written contenders ({@code HAND_ARRAYS}, {@code HAND_POJO}); every other benchmark as
 * JMH reported it.
 *
 * <pre>{@code
 * java -cp benchmarks.jar dev.segmentation.benchmarks.Report results.json > tables.md
 * }</pre>
 */
public final class Report {
  private Report() {}

  /** One JMH result. */
  record Result(
      String benchmark,
      Map<String, String> params,
      double score,
      double error,
      double median,
      String unit,
      Map<String, String> secondary) {}

  public static void main(String[] args) throws IOException {
    List<Result> results = new ArrayList<>();
    for (String file : args) {
      results.addAll(read(Path.of(file)));
    }
    System.out.println(batchTable(results));
    System.out.println(otherTable(results));
  }

  static List<Result> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    List<Result> out = new ArrayList<>();
    for (JsonNode r : root) {
      Map<String, String> params = new LinkedHashMap<>();
      r.path("params")
          .fields()
          .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      JsonNode primary = r.path("primaryMetric");
      List<Double> raw = new ArrayList<>();
      for (JsonNode fork : primary.path("rawData")) {
        for (JsonNode v : fork) {
          raw.add(v.asDouble());
        }
      }
      Map<String, String> secondary = new LinkedHashMap<>();
      r.path("secondaryMetrics")
          .fields()
          .forEachRemaining(
              e ->
                  secondary.put(
                      e.getKey(),
                      format(e.getValue().path("score").asDouble())
                          + " "
                          + e.getValue().path("scoreUnit").asText()));
      String name = r.path("benchmark").asText();
      out.add(
          new Result(
              name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
              params,
              primary.path("score").asDouble(),
              primary.path("scoreError").asDouble(),
              median(raw),
              primary.path("scoreUnit").asText(),
              secondary));
    }
    return out;
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /**
   * A row of the batch table: a contender on a number of customers ({@code -p customers=N}, or the
   * contender's default when the run did not set it).
   */
  record Row(String contender, int customers) {
    static Row of(Result r) {
      String contender = r.params().get("contender");
      String n = r.params().get("customers");
      int customers = n == null ? 0 : Integer.parseInt(n);
      return new Row(
          contender, customers > 0 ? customers : Contender.valueOf(contender).customers());
    }

    Row as(String otherContender) {
      return new Row(otherContender, customers);
    }

    boolean isDefaultSize() {
      return customers == Contender.valueOf(contender).customers();
    }
  }

  /** Whether some contender ran on another number of customers than its own default. */
  private static boolean otherSizes(Map<Row, Map<String, Result>> byRow) {
    return byRow.keySet().stream().anyMatch(row -> !row.isDefaultSize());
  }

  static String batchTable(List<Result> results) {
    Map<Row, Map<String, Result>> byRow = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.benchmark().startsWith("BatchBenchmark.")) {
        byRow.computeIfAbsent(Row.of(r), k -> new LinkedHashMap<>()).put(r.params().get("rule"), r);
      }
    }
    if (byRow.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("ns per customer: JMH score ± 99.9% error (median of iterations); ")
        .append("ratio = score / score of the limit in the same run\n\n");
    sb.append("| contender | customers |");
    for (Rule rule : Rule.values()) {
      sb.append(' ').append(rule).append(" |");
    }
    sb.append('\n').append("|---|---:|").append("---:|".repeat(Rule.values().length)).append('\n');
    for (Map.Entry<Row, Map<String, Result>> e : byRow.entrySet()) {
      int n = e.getKey().customers();
      sb.append("| ").append(e.getKey().contender()).append(" | ");
      sb.append(String.format(Locale.ROOT, "%,d", n)).append(" |");
      for (Rule rule : Rule.values()) {
        Result r = e.getValue().get(rule.name());
        sb.append(' ')
            .append(
                r == null
                    ? "-"
                    : format(r.score() / n)
                        + " ± "
                        + format(r.error() / n)
                        + " ("
                        + format(r.median() / n)
                        + ")")
            .append(" |");
      }
      sb.append('\n');
    }
    sb.append(ratioTable(byRow, List.of("HAND_BRANCH_FREE")));
    sb.append(ratioTable(byRow, List.of("HAND_ARRAYS", "HAND_POJO")));
    sb.append(speedUps(byRow));
    return sb.toString();
  }

  /**
   * Every row's ratio of ns per customer to each of {@code limits} measured in the same run (on the
   * same number of customers, see {@link #ratio}), as {@code "x / y"} in the order of the limits,
   * {@code -} where a side was not measured.
   */
  private static String ratioTable(Map<Row, Map<String, Result>> byRow, List<String> limits) {
    boolean sizes = otherSizes(byRow);
    StringBuilder sb = new StringBuilder();
    sb.append("\nRatio of ns per customer to ")
        .append(String.join(" / to ", limits))
        .append(", same run\n\n");
    sb.append(sizes ? "| contender | customers |" : "| contender |");
    for (Rule rule : Rule.values()) {
      sb.append(' ').append(rule).append(" |");
    }
    sb.append('\n').append(sizes ? "|---|---:|" : "|---|");
    sb.append("---:|".repeat(Rule.values().length)).append('\n');
    for (Row row : byRow.keySet()) {
      sb.append("| ").append(row.contender()).append(" |");
      if (sizes) {
        sb.append(String.format(Locale.ROOT, " %,d |", row.customers()));
      }
      for (Rule rule : Rule.values()) {
        List<String> ratios = new ArrayList<>();
        for (String limit : limits) {
          ratios.add(ratio(byRow, row, row.as(limit), rule));
        }
        sb.append(' ').append(String.join(" / ", ratios)).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * For every contender measured on one and on two threads (X and X_2_THREADS) on the same number
   * of customers, the speed-up of two threads: score on one thread / score on two, of the means and
   * of the medians.
   */
  private static String speedUps(Map<Row, Map<String, Result>> byRow) {
    boolean sizes = otherSizes(byRow);
    StringBuilder sb = new StringBuilder();
    for (Row row : byRow.keySet()) {
      Row base = row.as(row.contender().replaceFirst("_2_THREADS$", ""));
      if (base.equals(row) || !byRow.containsKey(base)) {
        continue;
      }
      sb.append("| ").append(base.contender()).append(" |");
      if (sizes) {
        sb.append(String.format(Locale.ROOT, " %,d |", row.customers()));
      }
      for (Rule rule : Rule.values()) {
        Result one = byRow.get(base).get(rule.name());
        Result two = byRow.get(row).get(rule.name());
        sb.append(' ')
            .append(
                one == null || two == null
                    ? "-"
                    : format(one.score() / two.score())
                        + "x ("
                        + format(one.median() / two.median())
                        + "x)")
            .append(" |");
      }
      sb.append('\n');
    }
    if (sb.length() == 0) {
      return "";
    }
    StringBuilder head = new StringBuilder();
    head.append("\nSpeed-up on two threads: score on one thread / score on two, same run (of the")
        .append(" medians)\n\n")
        .append(sizes ? "| contender | customers |" : "| contender |");
    for (Rule rule : Rule.values()) {
      head.append(' ').append(rule).append(" |");
    }
    head.append('\n').append(sizes ? "|---|---:|" : "|---|");
    head.append("---:|".repeat(Rule.values().length)).append('\n');
    return head.append(sb).toString();
  }

  /**
   * The ratio per customer of {@code row} to {@code limit}: against the limit on the same number of
   * customers, or, for a contender on its default number (the peers run on fewer customers),
   * against the limit on its default number.
   */
  private static String ratio(Map<Row, Map<String, Result>> byRow, Row row, Row limit, Rule rule) {
    Result r = byRow.get(row).get(rule.name());
    Map<String, Result> limits = byRow.get(limit);
    if (limits == null && row.isDefaultSize()) {
      limit = new Row(limit.contender(), Contender.valueOf(limit.contender()).customers());
      limits = byRow.get(limit);
    }
    Result l = limits == null ? null : limits.get(rule.name());
    if (r == null || l == null) {
      return "-";
    }
    return format((r.score() / row.customers()) / (l.score() / limit.customers())) + "x";
  }

  static String otherTable(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| benchmark | params | score ± 99.9% error | median | unit | secondary |\n");
    sb.append("|---|---|---:|---:|---|---|\n");
    for (Result r : results) {
      if (r.benchmark().startsWith("BatchBenchmark.")) {
        continue;
      }
      sb.append("| ")
          .append(r.benchmark())
          .append(" | ")
          .append(r.params().isEmpty() ? "" : r.params().toString())
          .append(" | ")
          .append(format(r.score()))
          .append(" ± ")
          .append(format(r.error()))
          .append(" | ")
          .append(format(r.median()))
          .append(" | ")
          .append(r.unit())
          .append(" | ")
          .append(gc(r.secondary()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String gc(Map<String, String> secondary) {
    String norm = secondary.get("gc.alloc.rate.norm");
    return norm == null ? "" : "alloc " + norm;
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
