package dev.segmentation.readme;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example ({@code <pre>{@code ...}</pre>}) in the main sources of core and dsl
 * compiles against the public API, as a user would paste it: each becomes the body of a method in a
 * class of its own package ({@code examples}, so package-private members are out of reach), with
 * the variables it uses but does not declare as parameters (from {@link #VARIABLES}), its {@code
 * static final} lines and {@code import} lines lifted to the class, and wildcard imports of every
 * package of core and dsl. A failure names the file and line of the example.
 */
class JavadocExamplesTest {
  private static final List<Path> SOURCES =
      List.of(Path.of("../segmentation-core/src/main/java"), Path.of("src/main/java"));

  /** Examples that are not Java (a format shown in a {@code @code} block), and why. */
  private static final Map<String, String> NOT_JAVA =
      Map.of("dev/segmentation/live/Transition.java", "lines of the transition log format");

  /** The type of each variable the examples use without declaring it. */
  private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

  static {
    VARIABLES.put("schema", "Schema");
    VARIABLES.put("SCHEMA", "Schema");
    VARIABLES.put("catalog", "Catalog");
    VARIABLES.put("CATALOG", "Catalog");
    VARIABLES.put("customer", "Customer");
    VARIABLES.put("customers", "List<Customer>");
    VARIABLES.put("ctx", "EvaluationContext");
    VARIABLES.put("compiled", "CompiledCatalog");
    VARIABLES.put("table", "CustomerTable");
    VARIABLES.put("asOf", "Instant");
    VARIABLES.put("start", "Instant");
    VARIABLES.put("instant", "Instant");
    VARIABLES.put("zone", "ZoneId");
    VARIABLES.put("clock", "Clock");
    VARIABLES.put("ids", "List<String>");
    VARIABLES.put("vipRows", "RoaringBitmap");
    VARIABLES.put("tierOfEachRow", "List<String>");
    VARIABLES.put("body", "String");
    VARIABLES.put("json", "String");
    VARIABLES.put("form", "Form");
    VARIABLES.put("account", "Account");
    VARIABLES.put("AGE", "Attribute<Long>");
    VARIABLES.put("COUNTRY", "Attribute<String>");
    VARIABLES.put("SPEND_12M", "NumberField");
    VARIABLES.put("EMAIL_OPT_IN", "BooleanField");
    VARIABLES.put("LAST_SEEN", "TimestampField");
  }

  /** Per file, variables whose type differs from {@link #VARIABLES}, or types an example uses. */
  private static final Map<String, Map<String, String>> VARIABLES_OF =
      Map.of(
          "dev/segmentation/model/CustomerView.java",
          Map.of(
              "purchase",
              "EventType",
              "view",
              "CustomerView<Account>",
              "accounts",
              "List<Account>"),
          "dev/segmentation/live/MembershipTracker.java",
          Map.of("purchase", "Event"),
          "dev/segmentation/rewrite/Rewriter.java",
          Map.of("a", "Condition", "b", "Condition"));

  private static final String MEMBERS =
      String.join(
          "\n",
          "record Form(String field, double number) {}",
          "record Address(String country) {}",
          "record Order(Instant placedAt, double total) {}",
          "record Account(String id, int age, Address address, List<Order> orders) {}");

  private static final Pattern DECLARED = Pattern.compile("[\\w>\\]]\\s+(\\w+)\\s*=[^=]");

  record Example(String file, int line, List<String> lines) {
    String where() {
      return file + ":" + line;
    }
  }

  private static List<Example> examples() throws IOException {
    List<Example> found = new ArrayList<>();
    for (Path root : SOURCES) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path file : files) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (NOT_JAVA.containsKey(name)) {
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

  private static Set<String> packages() throws IOException {
    Set<String> packages = new TreeSet<>();
    for (Path root : SOURCES) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java"))
            .map(p -> root.relativize(p.getParent()).toString().replace('/', '.'))
            .forEach(packages::add);
      }
    }
    return packages;
  }

  /** The example as a compilation unit: a class with one method whose body is the example. */
  static String source(Example e, String className, Set<String> packages) {
    StringBuilder imports = new StringBuilder();
    for (String p : packages) {
      imports.append("import ").append(p).append(".*;\n");
    }
    for (String p : List.of("java.util", "java.time", "java.nio.file", "java.math")) {
      imports.append("import ").append(p).append(".*;\n");
    }
    imports.append("import org.roaringbitmap.RoaringBitmap;\n");
    imports.append("import com.fasterxml.jackson.databind.ObjectMapper;\n");
    imports.append("import static dev.segmentation.dsl.Rules.*;\n");
    imports.append("import static dev.segmentation.condition.WindowUnit.*;\n");
    imports.append("import static dev.segmentation.condition.CalendarPeriod.*;\n");
    StringBuilder fields = new StringBuilder();
    StringBuilder body = new StringBuilder();
    boolean member = e.lines().stream().anyMatch(l -> l.startsWith("public Object value("));
    for (String l : e.lines()) {
      if (l.startsWith("import ")) {
        imports.append(l).append('\n');
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
    Map<String, String> types = new LinkedHashMap<>(VARIABLES);
    types.putAll(VARIABLES_OF.getOrDefault(e.file(), Map.of()));
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
                + " implements ValueSource {\n long age; String country;\n"
            : "class " + className + " {\n";
    return "package examples;\n"
        + imports
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

  /** {@code file:line: message} for each example that does not compile. */
  private static List<String> failures(List<Example> examples) throws IOException {
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
                  .map(d -> d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                  .collect(Collectors.joining("; "));
          failures.add(e.where() + ": " + messages);
        }
      }
    }
    return failures;
  }

  @Test
  void everyJavadocExample_compiles() throws IOException {
    assertThat(failures(examples())).isEmpty();
  }

  @Test
  void theScan_findsTheExamples_andABrokenOneIsNamedByFileAndLine() throws IOException {
    List<Example> all = examples();
    assertThat(all).hasSizeGreaterThan(40);
    assertThat(all).anyMatch(e -> e.file().equals("dev/segmentation/dsl/Rules.java"));
    Example broken =
        new Example("dev/segmentation/Nowhere.java", 7, List.of("Schema s = Schema.nothing();"));
    assertThat(failures(List.of(broken)))
        .singleElement()
        .asString()
        .startsWith("dev/segmentation/Nowhere.java:7: cannot find symbol");
  }
}
