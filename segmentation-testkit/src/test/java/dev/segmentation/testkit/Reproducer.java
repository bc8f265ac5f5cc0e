package dev.segmentation.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.json.RulesDocument;
import dev.segmentation.json.RulesJson;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Event;
import dev.segmentation.model.GeoPoint;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files that reproduce a difference between an engine and the reference interpreter: {@code
 * rules.json} (schema and catalog, as {@link RulesJson} writes them), {@code customers.jsonl} (in
 * the JSON Lines form the command line reads, events inline) and {@code README.txt} (what differs,
 * the segment's condition, the customers, and the commands that show it).
 */
public final class Reproducer {
  public static final String RULES = "rules.json";
  public static final String CUSTOMERS = "customers.jsonl";
  static final String README = "README.txt";

  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+-]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Reproducer() {}

  /** Writes the rules and customers of {@code c} into {@code dir}, creating it. */
  public static void writeData(Path dir, DifferentialCase c) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(RULES),
        RulesJson.write(new RulesDocument(c.schema(), c.catalog())),
        StandardCharsets.UTF_8);
    try (Writer out = Files.newBufferedWriter(dir.resolve(CUSTOMERS), StandardCharsets.UTF_8)) {
      for (SchemaCustomer customer : c.customers()) {
        out.write(jsonLine(c.schema(), customer));
        out.write('\n');
      }
    }
  }

  /**
   * One customer as a JSON object: its id, its present attributes, and its events (every type, by
   * time) with their present properties. Numbers keep their exact value ({@code -0.0} included).
   */
  static String jsonLine(Schema schema, SchemaCustomer c) throws IOException {
    ObjectNode line = JSON.createObjectNode().put("id", c.id());
    for (Attribute<?> a : schema.attributes().values()) {
      put(line, a.name(), c.value(a.name()));
    }
    List<Event> events = new ArrayList<>();
    schema.eventTypes().keySet().forEach(type -> events.addAll(c.events(type)));
    events.sort(Comparator.comparing(Event::timestamp));
    if (!events.isEmpty()) {
      ArrayNode array = line.putArray("events");
      for (Event e : events) {
        ObjectNode event = array.addObject();
        event.put("type", e.type()).put("timestamp", e.timestamp().toString());
        for (String property : schema.eventType(e.type()).properties().keySet()) {
          put(event, property, e.properties().get(property));
        }
      }
    }
    return JSON.writeValueAsString(line);
  }

  private static void put(ObjectNode node, String name, Object v) {
    if (v == null) {
      return; // no value: the field is left out
    }
    if (v instanceof Long l) {
      node.put(name, l);
    } else if (v instanceof Double d) {
      node.put(name, d);
    } else if (v instanceof Boolean b) {
      node.put(name, b);
    } else if (v instanceof GeoPoint p) {
      node.putObject(name).put("lat", p.latitude()).put("lon", p.longitude());
    } else if (v instanceof Collection<?> tags) {
      ArrayNode array = node.putArray(name);
      tags.forEach(t -> array.add((String) t));
    } else if (v instanceof String || v instanceof LocalDate || v instanceof Instant) {
      node.put(name, v.toString());
    } else {
      throw new IllegalArgumentException("no JSON form for " + v.getClass() + " of " + name);
    }
  }

  /**
   * Writes a reproducer of {@code difference} (found on {@code original}, shown by {@code
   * minimized}) into {@code dir}, and returns the directory.
   */
  static Path write(
      Path dir,
      DifferentialCase original,
      DifferentialCase minimized,
      DifferentialCase.Difference difference)
      throws IOException {
    writeData(dir, minimized);
    // The difference as the minimized case shows it (rows and customers may have changed).
    DifferentialCase.Difference shown = difference;
    for (DifferentialCase.Difference d : minimized.differences()) {
      if (d.sameItem(difference)) {
        shown = d;
        break;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("An engine differs from the reference interpreter: seed ")
        .append(original.seed())
        .append(", ")
        .append(shown.summary())
        .append(".\nEvaluated as of ")
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
      sb.append("\n\n");
    }
    if (!shown.rows().isEmpty()) {
      sb.append("The customers that differ, as in ").append(CUSTOMERS).append(":\n");
      for (int r : shown.rows().subList(0, Math.min(5, shown.rows().size()))) {
        sb.append(jsonLine(minimized.schema(), minimized.customers().get(r))).append('\n');
      }
      sb.append(shown.rows().size() > 5 ? "...\n" : "").append('\n');
    }
    sb.append("Files: ")
        .append(RULES)
        .append(" (schema and catalog), ")
        .append(CUSTOMERS)
        .append(" (")
        .append(minimized.customers().size())
        .append(" customers, in table row order).\n\n");
    sb.append("Re-run this case in the test (it minimizes and writes this directory again):\n")
        .append("  mvn -B verify -pl segmentation-testkit -am -Dtest=EngineDifferentialTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Ddifferential.seed=")
        .append(original.seed())
        .append("\n\n");
    sb.append("Compare the engines with the command line (build it first with\n")
        .append("  mvn -B -q package -DskipTests -pl segmentation-cli -am):\n");
    String jar = "segmentation-cli/target/segmentation-cli-*-all.jar";
    for (String engine : List.of("row", "columnar")) {
      sb.append("  java -jar ")
          .append(jar)
          .append(' ')
          .append(shell(runArgs(dir, minimized.ctx(), engine)))
          .append('\n');
    }
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
