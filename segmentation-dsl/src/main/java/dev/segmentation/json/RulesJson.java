package dev.segmentation.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.segmentation.check.CheckResult;
import dev.segmentation.check.Checker;
import dev.segmentation.check.Issue;
import dev.segmentation.check.Limits;
import dev.segmentation.condition.Condition;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes rules documents in the JSON format described in {@code docs/rule-format.md}.
 *
 * <pre>{@code
 * RulesDocument doc = RulesJson.read(Path.of("rules.json"));   // every problem, or a document
 * String canonical = RulesJson.write(doc);                       // deterministic, diff-friendly
 * RulesJson strict = RulesJson.withLimits(new Limits(16, 1_000, 1_000, 1_000, 200), 1 << 20);
 * }</pre>
 *
 * Reading is safe on untrusted input: nothing in a document names a Java class or executes code;
 * nesting depth, condition count, list length, string and number length and document size are
 * limited and refused with a clear error, never a StackOverflowError, an OutOfMemoryError or a
 * hang; a document with any error yields no result at all. Instances are immutable and thread-safe.
 */
public final class RulesJson {

  /** Default largest document: 10 million characters. */
  public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 10_000_000L;

  /** Longest number literal accepted, in characters. */
  static final int MAX_NUMBER_LENGTH = 100;

  /** Longest field name accepted, in characters. */
  static final int MAX_NAME_LENGTH = 1_000;

  private static final RulesJson DEFAULT =
      new RulesJson(Limits.DEFAULT, DEFAULT_MAX_DOCUMENT_LENGTH);

  private final Limits limits;
  private final long maxDocumentLength;
  private final JsonFactory factory;

  private RulesJson(Limits limits, long maxDocumentLength) {
    if (limits == null) {
      throw new IllegalArgumentException("limits must not be null");
    }
    if (maxDocumentLength < 1) {
      throw new IllegalArgumentException(
          "maxDocumentLength must be at least 1, got " + maxDocumentLength);
    }
    this.limits = limits;
    this.maxDocumentLength = maxDocumentLength;
    this.factory = factory(limits);
  }

  /** Reading with {@link Limits#DEFAULT} and {@link #DEFAULT_MAX_DOCUMENT_LENGTH}. */
  public static RulesJson standard() {
    return DEFAULT;
  }

  /** Reading with the given limits and largest document size in characters. */
  public static RulesJson withLimits(Limits limits, long maxDocumentLength) {
    return new RulesJson(limits, maxDocumentLength);
  }

  public Limits limits() {
    return limits;
  }

  public long maxDocumentLength() {
    return maxDocumentLength;
  }

  /**
   * Reads a document with the default limits.
   *
   * @throws RulesException with every problem
   */
  public static RulesDocument read(String json) {
    return DEFAULT.parse(json);
  }

  /**
   * Reads a UTF-8 file with the default limits; problems name the file.
   *
   * @throws RulesException with every problem
   * @throws IOException when the file cannot be read
   */
  public static RulesDocument read(Path file) throws IOException {
    return DEFAULT.parse(file);
  }

  /** Writes a document in canonical form (see {@code docs/rule-format.md}). */
  public static String write(RulesDocument document) {
    return toString(TreeWriter.document(document));
  }

  /** Writes one condition in canonical form. */
  public static String write(Condition condition) {
    return toString(TreeWriter.condition(condition));
  }

  /** Parses {@code json}. */
  public RulesDocument parse(String json) {
    if (json == null) {
      throw new IllegalArgumentException("json must not be null");
    }
    return parse(new StringReader(json), "rules");
  }

  /** Parses a UTF-8 file. */
  public RulesDocument parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(new Utf8Reader(in), file.toString());
    }
  }

  /**
   * Parses a document from UTF-8 bytes (a request body, say); {@code source} names it in messages.
   * Bytes that are not UTF-8 are a problem with a line and column, never replaced.
   */
  public RulesDocument parse(byte[] utf8, String source) {
    if (utf8 == null || source == null) {
      throw new IllegalArgumentException("utf8 and source must not be null");
    }
    return parse(new Utf8Reader(new ByteArrayInputStream(utf8)), source);
  }

  /**
   * Parses a document from {@code reader}; {@code source} names it in messages.
   *
   * @throws UncheckedIOException when the reader fails
   */
  public RulesDocument parse(Reader reader, String source) {
    Parsed parsed = tree(reader, source);
    return fromTree(parsed.root(), source, parsed.refusedNumbers());
  }

  /** A parsed tree (null or missing for an empty text) and the numbers its parser refused. */
  private record Parsed(JsonNode root, Map<String, Issue> refusedNumbers) {}

  private Parsed tree(Reader reader, String source) {
    NumberGuard parser = null;
    DocumentReader counted = new DocumentReader(reader, maxDocumentLength);
    try (JsonParser raw = factory.createParser(counted)) {
      parser = new NumberGuard(raw);
      JsonNode root = TreeParser.read(parser);
      if (parser.nextToken() != null) {
        throw new RulesException(
            source,
            ImmutableList.of(
                syntax(parser.currentTokenLocation(), "unexpected text after the document")));
      }
      return new Parsed(root, parser.problems());
    } catch (StreamConstraintsException e) {
      String pointer = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString();
      throw new RulesException(
          source, ImmutableList.of(Issue.error(pointer, limitMessage(e.getOriginalMessage()))));
    } catch (JsonProcessingException e) {
      IOException cause = readerProblem(e);
      if (cause == null) {
        throw new RulesException(
            source, ImmutableList.of(syntax(e.getLocation(), e.getOriginalMessage())));
      }
      throw readerException(cause, counted, source);
    } catch (IOException e) {
      IOException cause = readerProblem(e);
      if (cause == null) {
        throw new UncheckedIOException(e);
      }
      throw readerException(cause, counted, source);
    }
  }

  /** The tree of a text that must hold one JSON value. */
  private Parsed tree(String json, String source) {
    if (json == null) {
      throw new IllegalArgumentException("json must not be null");
    }
    Parsed parsed = tree(new StringReader(json), source);
    if (parsed.root() == null || parsed.root().isMissingNode()) {
      throw new RulesException(source, ImmutableList.of(Issue.error("", "the text is empty")));
    }
    return parsed;
  }

  /**
   * Reads one segment, {@code {"name": ..., "description": ..., "where": ...}}, written against a
   * schema the caller holds (a service's own schema, with segments it defined in Java, and rules a
   * marketer wrote in a UI). References ({@code inSegment}, {@code score}, {@code inTier}) resolve
   * in {@code context} and in this segment, which replaces a segment of {@code context} of the same
   * name. Every problem is reported at once, with pointers relative to {@code json} ({@code
   * /where/of/1/value}).
   *
   * <pre>{@code
   * Segment s = RulesJson.standard().readSegment(body, SCHEMA, CATALOG);
   * CompiledCatalog compiled = RowEngine.compile(CATALOG.withSegment(s), SCHEMA);
   * }</pre>
   *
   * @throws RulesException with every problem
   */
  public Segment readSegment(String json, Schema schema, Catalog context) {
    Parsed parsed = tree(json, "segment");
    return readSegments(List.of(parsed.root()), List.of(""), parsed, schema, context).get(0);
  }

  /**
   * Reads a JSON array of segments against a schema and a catalog the caller holds, as {@link
   * #readSegment}; pointers start at the array ({@code /2/where/op}).
   *
   * @throws RulesException with every problem
   */
  public List<Segment> readSegments(String json, Schema schema, Catalog context) {
    Parsed parsed = tree(json, "segments");
    if (!parsed.root().isArray()) {
      throw new RulesException(
          "segments", ImmutableList.of(Issue.error("", "expected an array of segments")));
    }
    if (parsed.root().size() > limits.maxListSize()) {
      throw new RulesException(
          "segments",
          ImmutableList.of(
              Issue.error(
                  "",
                  "has " + parsed.root().size() + " entries, more than " + limits.maxListSize())));
    }
    List<JsonNode> nodes = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < parsed.root().size(); i++) {
      nodes.add(parsed.root().get(i));
      prefixes.add("/" + i);
    }
    return readSegments(nodes, prefixes, parsed, schema, context);
  }

  /**
   * Reads a bare condition against a schema and a catalog the caller holds, as {@link
   * #readSegment}; pointers start at the condition ({@code /of/0/value}).
   *
   * @throws RulesException with every problem
   */
  public Condition readCondition(String json, Schema schema, Catalog context) {
    Parsed parsed = tree(json, "condition");
    String name = "condition";
    for (int i = 1; context != null && context.segment(name) != null; i++) {
      name = "condition-" + i;
    }
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
    wrapper.put("name", name);
    wrapper.set("where", parsed.root());
    try {
      return readSegments(List.of(wrapper), List.of(""), parsed, schema, context)
          .get(0)
          .condition();
    } catch (RulesException e) {
      // The condition was read as the "where" of a segment: pointers start at the condition.
      List<Issue> problems = new ArrayList<>();
      for (Issue p : e.problems()) {
        String path = p.path().startsWith("/where") ? p.path().substring(6) : p.path();
        problems.add(p.atPath(path));
      }
      throw new RulesException("condition", ImmutableList.copyOf(problems));
    }
  }

  private List<Segment> readSegments(
      List<JsonNode> nodes, List<String> prefixes, Parsed parsed, Schema schema, Catalog context) {
    if (schema == null) {
      throw new IllegalArgumentException("schema must not be null");
    }
    Catalog base = context == null ? Catalog.of() : context;
    String source = prefixes.size() == 1 && prefixes.get(0).isEmpty() ? "segment" : "segments";
    TreeReader reader = new TreeReader(limits);
    List<Segment> read = new ArrayList<>();
    Map<String, String> prefixByName = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      Segment s = reader.segmentAlone(nodes.get(i), prefixes.get(i), schema);
      if (s != null && prefixByName.putIfAbsent(s.name(), prefixes.get(i)) == null) {
        read.add(s);
      } else if (s != null) {
        reader
            .problems()
            .add(
                Issue.error(
                    prefixes.get(i) + "/name",
                    "segment \""
                        + s.name()
                        + "\" is defined twice (first at "
                        + prefixByName.get(s.name())
                        + ")"));
      }
    }
    List<Issue> problems = new ArrayList<>(parsed.refusedNumbers().values());
    Set<String> noted = new HashSet<>(parsed.refusedNumbers().keySet());
    for (Issue p : reader.problems()) {
      if (!parsed.refusedNumbers().containsKey(p.path())) {
        problems.add(p);
        noted.add(p.path());
      }
    }
    // Check the context with these segments in it (replacing those of the same name), and keep
    // what is about them, at pointers into the JSON given.
    List<Segment> merged = new ArrayList<>();
    for (Segment s : base.segments()) {
      if (!prefixByName.containsKey(s.name())) {
        merged.add(s);
      }
    }
    int first = merged.size();
    merged.addAll(read);
    Catalog catalog =
        new Catalog(ImmutableList.copyOf(merged), base.scores(), base.tierings(), base.rfmModels());
    Checker checker = Checker.withLimits(limits);
    Set<String> before = new HashSet<>();
    checker.check(base, schema).issues().forEach(i -> before.add(i.message()));
    for (Issue i : checker.check(catalog, schema).issues()) {
      Matcher m = ELEMENT.matcher(i.path());
      String path;
      if (m.find() && m.group(1).equals("segments") && Integer.parseInt(m.group(2)) >= first) {
        String prefix = prefixByName.get(merged.get(Integer.parseInt(m.group(2))).name());
        path = prefix + i.path().substring(m.end());
      } else if (before.contains(i.message())) {
        continue; // a problem of the context itself
      } else {
        path = ""; // the context has a new problem because of these segments (a cycle, say)
      }
      if (!noted.contains(path)) {
        problems.add(i.atPath(path));
      }
    }
    problems.sort(DOCUMENT_ORDER);
    if (problems.stream().anyMatch(p -> !p.isWarning())) {
      throw new RulesException(source, ImmutableList.copyOf(problems));
    }
    return List.copyOf(read);
  }

  /** What the document reader refused, found in the cause chain, or null. */
  private static IOException readerProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DocumentReader.TooLong
          || t instanceof Utf8Reader.Malformed
          || t instanceof Utf8Reader.Utf16) {
        return (IOException) t;
      }
    }
    return null;
  }

  private RulesException readerException(IOException cause, DocumentReader at, String source) {
    String message =
        cause instanceof DocumentReader.TooLong
            ? String.format(
                Locale.ROOT,
                "the document is longer than the limit of %,d characters (whitespace between"
                    + " values is not counted)",
                maxDocumentLength)
            : cause.getMessage();
    int line = cause instanceof Utf8Reader.Utf16 ? 1 : at.line();
    int column = cause instanceof Utf8Reader.Utf16 ? 1 : at.column();
    return new RulesException(source, ImmutableList.of(Issue.syntax(line, column, message)));
  }

  private static final List<String> TOP_LEVEL =
      List.of("format", "schema", "segments", "scores", "tierings", "rfm");

  /**
   * Problems in the order of the document's parts (schema, segments, scores, tierings, RFM), by
   * index within each list, then by the rest of the pointer; stable for problems at one pointer.
   */
  private static final Comparator<Issue> DOCUMENT_ORDER =
      (a, b) -> {
        String[] x = a.path().split("/", -1);
        String[] y = b.path().split("/", -1);
        for (int i = 1; i < Math.min(x.length, y.length); i++) {
          int c = compareTokens(x[i], y[i], i == 1);
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.length, y.length);
      };

  private static int compareTokens(String a, String b, boolean topLevel) {
    if (topLevel) {
      int c = Integer.compare(topLevelRank(a), topLevelRank(b));
      if (c != 0) {
        return c;
      }
    }
    boolean numbers =
        !a.isEmpty()
            && !b.isEmpty()
            && a.length() < 10
            && b.length() < 10
            && a.chars().allMatch(Character::isDigit)
            && b.chars().allMatch(Character::isDigit);
    return numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
  }

  private static int topLevelRank(String token) {
    int i = TOP_LEVEL.indexOf(token);
    return i < 0 ? TOP_LEVEL.size() : i;
  }

  private static final Pattern ELEMENT = Pattern.compile("^/(segments|scores|tierings|rfm)/(\\d+)");

  /** The pointer of the top-level element (e.g. {@code /segments/3}) a pointer is in, or "". */
  private static String element(String path) {
    Matcher m = ELEMENT.matcher(path);
    return m.find() ? m.group() : "";
  }

  /** A checker pointer into the document as read, as a pointer into the document as written. */
  private static String originalPath(TreeReader tree, String path) {
    Matcher m = ELEMENT.matcher(path);
    if (!m.find()) {
      return path;
    }
    int original = tree.originalIndex(m.group(1), Integer.parseInt(m.group(2)));
    return "/" + m.group(1) + "/" + original + path.substring(m.end());
  }

  private static boolean refersToLeftOut(String message, Set<String> leftOut) {
    for (String kind : List.of("unknown segment \"", "unknown score \"", "unknown tiering")) {
      if (message.startsWith(kind)) {
        int open = message.indexOf('"');
        int close = message.indexOf('"', open + 1);
        return close > open && leftOut.contains(message.substring(open + 1, close));
      }
    }
    return false;
  }

  /** Jackson's constraint messages in the words and numbers of the documented limits. */
  private String limitMessage(String jackson) {
    String m = jackson == null ? "" : jackson;
    if (m.contains("nesting depth")) {
      return "conditions are nested deeper than the limit of " + limits.maxDepth();
    }
    if (m.contains("String value length")) {
      return String.format(
          Locale.ROOT, "the string is longer than the limit of %,d characters", maxString(limits));
    }
    if (m.contains("Number value length")) {
      return String.format(
          Locale.ROOT, "the number is longer than the limit of %,d characters", MAX_NUMBER_LENGTH);
    }
    if (m.contains("Name length")) {
      return String.format(
          Locale.ROOT,
          "the field name is longer than the limit of %,d characters",
          MAX_NAME_LENGTH);
    }
    return m;
  }

  /** Converts a parsed tree, then checks it; throws with every problem. */
  RulesDocument fromTree(JsonNode root, String source) {
    return fromTree(root, source, Map.of());
  }

  /**
   * Converts a parsed tree, then checks it; throws with every problem. {@code refusedNumbers} are
   * problems the parser found, by pointer: what the reader and the checker say at those pointers is
   * about the placeholder, not the document, and is dropped.
   */
  private RulesDocument fromTree(JsonNode root, String source, Map<String, Issue> refusedNumbers) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new RulesException(source, ImmutableList.of(Issue.error("", "the document is empty")));
    }
    TreeReader tree = new TreeReader(limits);
    RulesDocument doc = tree.document(root);
    List<Issue> problems = new ArrayList<>(refusedNumbers.values());
    for (Issue p : tree.problems()) {
      if (!refusedNumbers.containsKey(p.path())) {
        problems.add(p);
      }
    }
    if (doc != null) {
      // With problems already noted, the document is what could be read (conditions with
      // problems stand in as "always", elements that could not be built are left out): the
      // checker finds the other problems in this same pass, at the original pointers.
      Set<String> noted = new HashSet<>(refusedNumbers.keySet());
      Set<String> elementsWithProblems = new HashSet<>();
      for (Issue p : problems) {
        noted.add(p.path());
        elementsWithProblems.add(element(p.path()));
      }
      CheckResult result = Checker.withLimits(limits).check(doc.catalog(), doc.schema());
      for (Issue i : result.issues()) {
        String path = originalPath(tree, i.path());
        boolean warning = i.isWarning();
        if (noted.contains(path)
            || (warning && elementsWithProblems.contains(element(path)))
            || refersToLeftOut(i.message(), tree.leftOutNames())) {
          continue; // about the stand-ins, not about the document
        }
        problems.add(i.atPath(path));
      }
    }
    problems.sort(DOCUMENT_ORDER);
    if (doc == null || problems.stream().anyMatch(p -> !p.isWarning())) {
      throw new RulesException(source, ImmutableList.copyOf(problems));
    }
    return problems.isEmpty() ? doc : new RulesDocument(doc.schema(), doc.catalog(), problems);
  }

  private static Issue syntax(JsonLocation location, String message) {
    int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
    int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
    // Jackson names its input source ("[Source: (BufferedReader); line: 3, ...]"): that is the
    // library's plumbing, not the author's document.
    String text = JACKSON_SOURCE.matcher(message.replace('\n', ' ')).replaceAll("[");
    return Issue.syntax(line, column, text);
  }

  private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^;\\]]*; ");

  /** The parser's limit on strings: patterns may be longer than other strings. */
  private static int maxString(Limits limits) {
    return Math.max(limits.maxStringLength(), limits.maxPatternLength());
  }

  private static JsonFactory factory(Limits limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            // Each level of and/or nesting takes two JSON levels (object, "of" array); the
            // document, a segment and an event filter add a few more.
            .maxNestingDepth(2 * limits.maxDepth() + 16)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(maxString(limits))
            .maxNameLength(MAX_NAME_LENGTH)
            // The document reader counts the document limit (whitespace excluded).
            .maxDocumentLength(-1)
            .build();
    // The tree is built by TreeParser, not an ObjectMapper: floats as big decimals, which keep the
    // literal text of huge numbers such as 1e999999 for the error message; text after the value is
    // refused by tree().
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  /** The canonical writer, made on the first write (an ObjectMapper is slow to make). */
  private static final class Canonical {
    static final ObjectWriter WRITER = canonicalWriter();
  }

  private static ObjectWriter canonicalWriter() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return new ObjectMapper().writer(printer);
  }

  private static String toString(JsonNode node) {
    try {
      return Canonical.WRITER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }
}
