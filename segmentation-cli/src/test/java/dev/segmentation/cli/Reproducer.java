package dev.segmentation.cli;

import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files that reproduce a difference between the engines with the command line: {@code
 * rules.json} (schema and catalog, as {@link RulesJson} writes them), {@code customers.jsonl} (as
 * {@code segmentation generate} writes them) and {@code README.txt} (what differs, the segment's
 * condition, and the exact {@code segmentation run} commands for both engines).
 */
final class Reproducer {
  static final String RULES = "rules.json";
  static final String CUSTOMERS = "customers.jsonl";
  static final String README = "README.txt";

  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+-]+");

  private Reproducer() {}

  /** The schema, catalog and customers as read back by the command line's readers. */
  record ReadBack(RulesDocument rules, List<SchemaCustomer> customers) {}

  /** Writes the rules and customers of {@code c} into {@code dir}, creating it. */
  static void writeData(Path dir, DifferentialCase c) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(RULES),
        RulesJson.write(new RulesDocument(c.schema(), c.catalog())),
        StandardCharsets.UTF_8);
    try (Writer out = Files.newBufferedWriter(dir.resolve(CUSTOMERS), StandardCharsets.UTF_8)) {
      CustomerWriter writer = new CustomerWriter(c.schema(), FileFormat.JSONL, out, null);
      for (SchemaCustomer customer : c.customers()) {
        writer.write(customer);
      }
    }
  }

  /**
   * Writes a reproducer of {@code difference} (found on {@code original}, shown by {@code
   * minimized}) into {@code dir}, runs both command lines on it, and returns the directory.
   */
  static Path write(
      Path dir,
      DifferentialCase original,
      DifferentialCase minimized,
      DifferentialCase.Difference difference)
      throws IOException {
    writeData(dir, minimized);
    // The differences as the minimized case shows them (rows and customers may have changed).
    DifferentialCase.Difference shown = difference;
    for (DifferentialCase.Difference d : minimized.differences()) {
      if (d.sameItem(difference)) {
        shown = d;
        break;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("The columnar and row engines differ: seed ")
        .append(original.seed())
        .append(", ")
        .append(shown.summary())
        .append(".\n");
    sb.append("Evaluated as of ")
        .append(minimized.ctx().asOf())
        .append(" in zone ")
        .append(minimized.ctx().zone())
        .append(".\n\n");
    for (String line : shown.lines()) {
      sb.append("  ").append(line).append('\n');
    }
    sb.append('\n');
    if (minimized != original) {
      sb.append("Minimized from ")
          .append(original.customers().size())
          .append(" customers and ")
          .append(original.catalog().segments().size())
          .append(" segments to ")
          .append(minimized.customers().size())
          .append(" customers and ")
          .append(minimized.catalog().segments().size())
          .append(" segments, with smaller conditions.\n\n");
    }
    if (shown.what() == DifferentialCase.What.SEGMENT
        || shown.what() == DifferentialCase.What.COUNT) {
      sb.append("The condition of segment ").append(shown.name()).append(":\n");
      sb.append(RulesJson.write(minimized.catalog().segment(shown.name()).condition()));
      sb.append('\n');
    }
    if (!shown.rows().isEmpty()) {
      sb.append("The customers that differ, as in ").append(CUSTOMERS).append(":\n");
      StringWriter lines = new StringWriter();
      CustomerWriter writer = new CustomerWriter(minimized.schema(), FileFormat.JSONL, lines, null);
      for (int r : shown.rows().subList(0, Math.min(5, shown.rows().size()))) {
        writer.write(minimized.customers().get(r));
      }
      sb.append(lines).append(shown.rows().size() > 5 ? "...\n" : "").append('\n');
    }
    sb.append("Files: ")
        .append(RULES)
        .append(" (schema and catalog), ")
        .append(CUSTOMERS)
        .append(" (")
        .append(minimized.customers().size())
        .append(" customers, in table row order).\n\n");
    sb.append("Show it with the command line (build the jar first with\n")
        .append("  mvn -B -q package -DskipTests -pl segmentation-cli -am):\n");
    Path jar = Path.of("target").toAbsolutePath().resolve("segmentation-cli-*-all.jar");
    sb.append("  java -jar ")
        .append(jar)
        .append(' ')
        .append(shell(runArgs(dir, minimized.ctx(), "row")))
        .append('\n');
    sb.append("  java -jar ")
        .append(jar)
        .append(' ')
        .append(shell(runArgs(dir, minimized.ctx(), "columnar")))
        .append('\n');
    sb.append("  diff ")
        .append(shell(List.of(out(dir, "row").toString(), out(dir, "columnar").toString())))
        .append('\n');
    if (!shown.rows().isEmpty() && shown.rows().get(0) < minimized.customers().size()) {
      String id = minimized.customers().get(shown.rows().get(0)).id();
      sb.append("Why the row engine decides as it does for ").append(id).append(":\n");
      sb.append("  java -jar ")
          .append(jar)
          .append(' ')
          .append(shell(explainArgs(dir, minimized.ctx(), id)))
          .append('\n');
    }
    sb.append("\nRe-run this case in the test:\n")
        .append("  mvn -B verify -pl segmentation-cli -am -Dtest=EngineDifferentialTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Ddifferential.seed=")
        .append(original.seed())
        .append('\n');
    sb.append('\n').append(cliVerdict(dir, minimized.ctx())).append('\n');
    Files.writeString(dir.resolve(README), sb.toString(), StandardCharsets.UTF_8);
    return dir;
  }

  /** The arguments of {@code segmentation run} on the reproducer in {@code dir}. */
  static List<String> runArgs(Path dir, EvaluationContext ctx, String engine) {
    return List.of(
        "run",
        "--rules",
        dir.resolve(RULES).toAbsolutePath().toString(),
        "--customers",
        dir.resolve(CUSTOMERS).toAbsolutePath().toString(),
        "--as-of",
        ctx.asOf().toString(),
        "--zone",
        ctx.zone().getId(),
        "--engine",
        engine,
        "--quiet",
        "--out",
        out(dir, engine).toString());
  }

  private static List<String> explainArgs(Path dir, EvaluationContext ctx, String id) {
    return List.of(
        "explain",
        "--rules",
        dir.resolve(RULES).toAbsolutePath().toString(),
        "--customers",
        dir.resolve(CUSTOMERS).toAbsolutePath().toString(),
        "--id",
        id,
        "--as-of",
        ctx.asOf().toString(),
        "--zone",
        ctx.zone().getId());
  }

  static Path out(Path dir, String engine) {
    return dir.resolve("membership-" + engine + ".csv").toAbsolutePath();
  }

  /** Runs both engines' commands in-process and says whether their membership files differ. */
  static String cliVerdict(Path dir, EvaluationContext ctx) {
    Cli row = Cli.run(runArgs(dir, ctx, "row").toArray(new String[0]));
    Cli columnar = Cli.run(runArgs(dir, ctx, "columnar").toArray(new String[0]));
    if (row.exitCode != 0 || columnar.exitCode != 0) {
      return "Checked in the test: the command line failed.\n--- row engine: exit "
          + row.exitCode
          + "\n"
          + head(row.err, 6)
          + "--- columnar engine: exit "
          + columnar.exitCode
          + "\n"
          + head(columnar.err, 6);
    }
    try {
      String a = Files.readString(out(dir, "row"));
      String b = Files.readString(out(dir, "columnar"));
      return a.equals(b)
          ? "Checked in the test: the two membership files are EQUAL. The command line runs the"
              + " columnar engine on all cores, the test on 1 and 2 threads; see the thread count"
              + " above."
          : "Checked in the test: the two membership files differ.";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String head(String text, int lines) {
    StringBuilder sb = new StringBuilder();
    String[] all = text.split("\n");
    for (int i = 0; i < Math.min(lines, all.length); i++) {
      sb.append(all[i]).append('\n');
    }
    return all.length > lines ? sb.append("...\n").toString() : sb.toString();
  }

  /** Reads a reproducer back with the command line's readers. */
  static ReadBack read(Path dir) throws IOException {
    RulesDocument rules = RulesJson.read(dir.resolve(RULES));
    Schema schema = rules.schema();
    List<SchemaCustomer> customers = new ArrayList<>();
    try (CustomerInput in =
        CustomerInput.open(dir.resolve(CUSTOMERS), schema, null, Dialect.WRITTEN)) {
      for (CustomerInput.Row row = in.next(); row != null; row = in.next()) {
        customers.add(row.customer());
      }
    } catch (DataException e) {
      throw new IllegalStateException("the command line cannot read its own customers: " + e, e);
    }
    return new ReadBack(rules, customers);
  }

  static String shell(List<String> args) {
    StringBuilder sb = new StringBuilder();
    for (String a : args) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(SHELL_SAFE.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }
}
