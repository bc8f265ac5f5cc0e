package dev.segmentation.readme;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the javadoc examples ({@code <pre>{@code ...}</pre>}) of some main source roots against
 * the public API, as a user would paste them: each becomes the body of a method in a class of its
 * own package ({@code examples}, so package-private members are out of reach), with the variables
 * it uses but does not declare as parameters (from {@link #variables(Map)}), its {@code static
 * final} lines and {@code import} lines lifted to the class, and wildcard imports of every package
 * of the imported roots. A failure names the file and line of the example.
 *
 * <p>Shared through segmentation-dsl's test-jar: dsl's {@code JavadocExamplesTest} runs it over
 * core and dsl, segmentation-spark's over sql and spark (whose test class path has every module).
 */
public final class JavadocExamples {
  /** One example: the source file (relative to its root), the line of its first line, its text. */
  public record Example(String file, int line, List<String> lines) {
    public String where() {
      return file + ":" + line;
    }
  }

  private static final String MEMBERS =
      String.join(
          "\n",
          "record Form(String field, double number) {}",
          "record Address(String country) {}",
          "record Order(Instant placedAt, double total) {}",
          "record Account(String id, int age, Address address, List<Order> orders) {}");

  private static final Pattern VALUE_SOURCE_METHOD =
      Pattern.compile("public (Object|long|double) \\w+\\(int position, String attribute");

  private static final Pattern DECLARED = Pattern.compile("[\\w>\\]]\\s+(\\w+)\\s*=[^=]");

  private final List<Path> scanned;
  private final List<Path> imported;
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private final Map<String, String> variables = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> variablesOf = new LinkedHashMap<>();
  private final List<String> imports = new ArrayList<>();

  /**
   * @param scanned the source roots whose examples are compiled
   * @param imported the source roots whose every package the examples import (the scanned ones and
   *     whatever the examples use besides)
   */
  public JavadocExamples(List<Path> scanned, List<Path> imported) {
    this.scanned = List.copyOf(scanned);
    this.imported = List.copyOf(imported);
    for (String p : List.of("java.util", "java.time", "java.nio.file", "java.math")) {
      imports.add("import " + p + ".*;");
    }
    imports.add("import org.roaringbitmap.RoaringBitmap;");
    imports.add("import com.fasterxml.jackson.databind.ObjectMapper;");
    imports.add("import static dev.segmentation.dsl.Rules.*;");
    imports.add("import static dev.segmentation.condition.WindowUnit.*;");
    imports.add("import static dev.segmentation.condition.CalendarPeriod.*;");
    variables.put("schema", "Schema");
    variables.put("SCHEMA", "Schema");
    variables.put("catalog", "Catalog");
    variables.put("CATALOG", "Catalog");
    variables.put("customer", "Customer");
    variables.put("customers", "List<Customer>");
    variables.put("ctx", "EvaluationContext");
    variables.put("compiled", "CompiledCatalog");
    variables.put("table", "CustomerTable");
    variables.put("asOf", "Instant");
    variables.put("start", "Instant");
    variables.put("instant", "Instant");
    variables.put("zone", "ZoneId");
    variables.put("clock", "Clock");
    variables.put("ids", "List<String>");
    variables.put("body", "String");
    variables.put("json", "String");
  }

  /** Skips the examples of {@code file} (relative to its root), for the reason given. */
  public JavadocExamples skip(String file, String why) {
    skipped.put(file, why);
    return this;
  }

  /** The types of variables the examples use without declaring them, by name. */
  public JavadocExamples variables(Map<String, String> types) {
    variables.putAll(types);
    return this;
  }

  /** As {@link #variables(Map)}, for the examples of one file only. */
  public JavadocExamples variables(String file, Map<String, String> types) {
    variablesOf.computeIfAbsent(file, f -> new LinkedHashMap<>()).putAll(types);
    return this;
  }

  /** An import line (ending with {@code ;}) that every example gets. */
  public JavadocExamples importing(String line) {
    imports.add(line);
    return this;
  }

  /** The examples of the scanned roots, in file order. */
  public List<Example> examples() throws IOException {
    List<Example> found = new ArrayList<>();
    for (Path root : scanned) {
      for (Path file : javaFiles(root)) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (skipped.containsKey(name)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).contains("<pre>{@code")) {
            continue;
          }
          int first = i + 1;
          List<String> body = new ArrayList<>();
          for (i++; i < lines.size() && !lines.get(i).contains("}</pre>"); i++) {
            String l = lines.get(i).stripLeading();
            body.add(l.startsWith("* ") ? l.substring(2) : l.startsWith("*") ? l.substring(1) : l);
          }
          found.add(new Example(name, first, body));
        }
      }
    }
    return found;
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private Set<String> packages() throws IOException {
    Set<String> packages = new TreeSet<>();
    for (Path root : imported) {
      for (Path file : javaFiles(root)) {
        packages.add(root.relativize(file.getParent()).toString().replace('/', '.'));
      }
    }
    return packages;
  }

  /** The example as a compilation unit: a class with one method whose body is the example. */
  private String source(Example e, String className, Set<String> packages) {
    StringBuilder head = new StringBuilder();
    for (String p : packages) {
      head.append("import ").append(p).append(".*;\n");
    }
    imports.forEach(i -> head.append(i).append('\n'));
    StringBuilder fields = new StringBuilder();
    StringBuilder body = new StringBuilder();
    // An example of a ValueSource method (value, the primitive reads) is a member of one.
    boolean member = e.lines().stream().anyMatch(l -> VALUE_SOURCE_METHOD.matcher(l).lookingAt());
    for (String l : e.lines()) {
      if (l.startsWith("import ")) {
        head.append(l).append('\n');
      } else if (member || l.startsWith("static final") || l.startsWith("private static final")) {
        fields.append(l).append('\n');
      } else {
        body.append(l).append('\n');
      }
    }
    String text = String.join("\n", e.lines());
    Set<String> declared = new TreeSet<>();
    Matcher m = DECLARED.matcher(text);
    while (m.find()) {
      declared.add(m.group(1));
    }
    Map<String, String> types = new LinkedHashMap<>(variables);
    types.putAll(variablesOf.getOrDefault(e.file(), Map.of()));
    String parameters =
        types.entrySet().stream()
            .filter(v -> !declared.contains(v.getKey()))
            .filter(v -> Pattern.compile("\\b" + v.getKey() + "\\b").matcher(text).find())
            .map(v -> v.getValue() + " " + v.getKey())
            .collect(Collectors.joining(", "));
    String header =
        member
            ? "abstract class "
                + className
                + " implements ValueSource {\n long age; boolean hasAge; String country;\n"
            : "class " + className + " {\n";
    return "package examples;\n"
        + head
        + "@SuppressWarnings(\"all\")\n"
        + header
        + MEMBERS
        + "\n"
        + fields
        + (member ? "" : "void example(" + parameters + ") throws Exception {\n" + body + "}\n")
        + "}\n";
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String className, String text) {
      super(URI.create("string:///examples/" + className + ".java"), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /** {@code file:line: message} for each example of the scanned roots that does not compile. */
  public List<String> failures() throws IOException {
    return failures(examples());
  }

  /** {@code file:line: message} for each of {@code examples} that does not compile. */
  public List<String> failures(List<Example> examples) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    Set<String> packages = packages();
    List<String> failures = new ArrayList<>();
    Path out = Files.createTempDirectory("javadoc-examples");
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
      for (int n = 0; n < examples.size(); n++) {
        Example e = examples.get(n);
        String className = "Example" + n;
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok =
            compiler
                .getTask(
                    new StringWriter(),
                    files,
                    diagnostics,
                    List.of(
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        out.toString(),
                        "-proc:none"),
                    null,
                    List.of(new Source(className, source(e, className, packages))))
                .call();
        if (!ok) {
          String messages =
              diagnostics.getDiagnostics().stream()
                  .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                  .map(
                      d ->
                          d.getMessage(Locale.ROOT)
                              .lines()
                              .map(String::strip)
                              .collect(Collectors.joining(" ")))
                  .collect(Collectors.joining("; "));
          failures.add(e.where() + ": " + messages);
        }
      }
    }
    return failures;
  }
}
