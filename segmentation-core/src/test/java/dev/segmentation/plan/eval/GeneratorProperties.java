package dev.segmentation.plan.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.check.Limits;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Never;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The generated evaluator ({@link Generator}) against the interpreted node it was generated from,
 * over random conditions nested up to four deep (AND, OR, NOT, constants, every leaf the generator
 * writes inline and others it calls), on customers whose values are absent, -0.0, NaN or an
 * infinity (invalid data), an Integer, a Float or a String where a Long or Double is declared
 * (converted or invalid), {@code Long.MIN_VALUE} (the engine's "ask value()" marker) or a timestamp
 * finer than a millisecond, read through the interface's default primitive reads and through reads
 * that answer the marker as a plain object would: the same three-valued result, or the same
 * exception.
 */
class GeneratorProperties {
  private static final Schema SCHEMA =
      Schema.of(
          Attribute.integer("i"),
          Attribute.number("d"),
          Attribute.string("s"),
          Attribute.bool("b"),
          Attribute.stringSet("t"),
          Attribute.date("day"),
          Attribute.timestamp("ts"));
  private static final String[] NAMES = {"i", "d", "s", "b", "t", "day", "ts"};
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));
  private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
  private static final Instant TS = Instant.parse("2026-11-01T00:00:00Z");

  @Provide
  Arbitrary<Condition> leaves() {
    Arbitrary<Operator> op = Arbitraries.of(Operator.class);
    Arbitrary<Long> longs = Arbitraries.of(-1L, 0L, 1L, 30L, Long.MIN_VALUE, Long.MAX_VALUE);
    Arbitrary<Double> doubles = Arbitraries.of(-0.0, 0.0, 0.5, -1.5, 30.0, 1e300);
    Arbitrary<LocalDate> days = Arbitraries.integers().between(-2, 2).map(DAY::plusDays);
    Arbitrary<Instant> instants = Arbitraries.integers().between(-2, 2).map(TS::plusMillis);
    return Arbitraries.oneOf(
        Combinators.combine(op, longs).as((o, l) -> new Compare("i", o, l)),
        Combinators.combine(longs, longs)
            .as((a, b) -> new Between("i", Math.min(a, b), Math.max(a, b))),
        Combinators.combine(op, doubles).as((o, d) -> new Compare("d", o, d)),
        Combinators.combine(op, longs).as((o, l) -> new Compare("d", o, l)),
        Combinators.combine(op, doubles).as((o, d) -> new Compare("i", o, d)),
        Combinators.combine(doubles, doubles)
            .as((a, b) -> new Between("d", Math.min(a, b), Math.max(a, b))),
        Arbitraries.of("a", "b", "c").list().ofMinSize(1).ofMaxSize(3).map(l -> In.of("s", l)),
        Arbitraries.of(Operator.EQ, Operator.NE)
            .flatMap(o -> Arbitraries.of("a", "b").map(v -> (Condition) new Compare("s", o, v))),
        Combinators.combine(Arbitraries.of(Operator.EQ, Operator.NE), Arbitraries.of(true, false))
            .as((o, v) -> new Compare("b", o, v)),
        Combinators.combine(
                Arbitraries.of(TagMatch.Op.class),
                Arbitraries.of("x", "y", "z").set().ofMinSize(1).ofMaxSize(2))
            .as((o, w) -> new TagMatch("t", o, ImmutableSet.copyOf(w))),
        Combinators.combine(op, days).as((o, d) -> new Compare("day", o, d)),
        Combinators.combine(op, instants).as((o, t) -> new Compare("ts", o, t)),
        Arbitraries.of("a", "b")
            .map(p -> new StringMatch("s", StringMatch.Op.STARTS_WITH, p, false)),
        Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(true, false)).as(Presence::new),
        Arbitraries.of(RelativeTime.Op.class)
            .map(o -> new RelativeTime("day", o, 3, WindowUnit.DAYS)),
        Arbitraries.of(new Always(), new Never("no")));
  }

  @Provide
  Arbitrary<Condition> conditions() {
    return Arbitraries.recursive(
        this::leaves,
        inner ->
            Arbitraries.oneOf(
                inner.map(Not::new),
                inner
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(5)
                    .map(l -> And.of(l.toArray(Condition[]::new))),
                inner
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(5)
                    .map(l -> Or.of(l.toArray(Condition[]::new)))),
        0,
        4);
  }

  @Provide
  Arbitrary<Map<String, Object>> customers() {
    Arbitrary<Object> i =
        Arbitraries.of(0L, 1L, 30L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 30, "30", 2.5, 30.0);
    Arbitrary<Object> d =
        Arbitraries.of(
            -0.0,
            0.0,
            0.5,
            30.0,
            -1.5,
            1e300,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            30L,
            Long.MIN_VALUE,
            0.5f,
            30);
    Arbitrary<Object> s = Arbitraries.of("a", "b", "c", "ab", "", 7L);
    Arbitrary<Object> b = Arbitraries.of(true, false, "true");
    Arbitrary<Object> t =
        Arbitraries.of(ImmutableSet.of(), ImmutableSet.of("x"), ImmutableSet.of("y", "z"), "x");
    Arbitrary<Object> day =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-5, 2).map(DAY::plusDays), Arbitraries.just("x"));
    Arbitrary<Object> ts =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-2, 2).map(TS::plusMillis),
            Arbitraries.integers().between(-2, 2).map(TS::plusNanos),
            Arbitraries.just(Instant.MAX));
    return Combinators.combine(
            i.injectNull(0.2),
            d.injectNull(0.2),
            s.injectNull(0.2),
            b.injectNull(0.2),
            t.injectNull(0.2),
            day.injectNull(0.2),
            ts.injectNull(0.2))
        .as(
            (vi, vd, vs, vb, vt, vday, vts) -> {
              Map<String, Object> m = new HashMap<>();
              m.put("i", vi);
              m.put("d", vd);
              m.put("s", vs);
              m.put("b", vb);
              m.put("t", vt);
              m.put("day", vday);
              m.put("ts", vts);
              return m;
            });
  }

  @Property(tries = 3000)
  void generated_givesTheInterpretedResultOrException(
      @ForAll("conditions") Condition c,
      @ForAll("customers") Map<String, Object> values,
      @ForAll boolean primitiveReads) {
    Forms forms = forms(c);
    Node interpreted = forms.interpreted;
    Node generated = forms.generated;
    Bounds bounds = forms.bounds;
    Customer customer = primitiveReads ? primitive(values) : raw(values);
    assertThat(outcome(generated, customer, bounds))
        .as("%s on %s", c, values)
        .isEqualTo(outcome(interpreted, customer, bounds));
  }

  @Property(tries = 1500)
  void generatedBlock_givesEachCustomersInterpretedResult_orTheFirstException(
      @ForAll("conditions") Condition c,
      @ForAll("customers") Map<String, Object> v0,
      @ForAll("customers") Map<String, Object> v1,
      @ForAll("customers") Map<String, Object> v2,
      @ForAll boolean primitiveReads,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int from) {
    Forms forms = forms(c);
    Node interpreted = forms.interpreted;
    GeneratedNode generated = (GeneratedNode) forms.generated;
    Bounds bounds = forms.bounds;
    // The block's range starts at `from` and covers the three customers; a null before it.
    Customer[] customers = new Customer[from + 3];
    Customer[] given = {
      primitiveReads ? primitive(v0) : raw(v0), primitiveReads ? primitive(v1) : raw(v1), raw(v2)
    };
    System.arraycopy(given, 0, customers, from, 3);
    String expected;
    StringBuilder results = new StringBuilder();
    try {
      for (Customer k : given) {
        results.append(interpreted.eval(k, k, bounds, null)).append(' ');
      }
      expected = results.toString();
    } catch (RuntimeException e) {
      expected = e.getClass().getName() + ": " + e.getMessage();
    }
    Truth[] out = new Truth[4]; // one more than the range: the last must stay untouched
    String actual;
    try {
      generated.evalBlock(customers, from, from + 3, bounds, out);
      assertThat(out[3]).isNull();
      actual = out[0] + " " + out[1] + " " + out[2] + " ";
    } catch (RuntimeException e) {
      actual = e.getClass().getName() + ": " + e.getMessage();
    }
    assertThat(actual).as("%s on %s, %s, %s", c, v0, v1, v2).isEqualTo(expected);
  }

  private record Forms(Node interpreted, Node generated, Bounds bounds) {}

  // The segment of c interpreted and generated, and the bounds of CTX; over the code cap (a few of
  // the largest random trees) the segment stays interpreted and the try is skipped.
  private static Forms forms(Condition c) {
    Compiler.Result compiled =
        Compiler.compileUnchecked(Catalog.of(Segment.of("s", c)), SCHEMA, Limits.DEFAULT);
    Node root = compiled.program().segments[0];
    Node interpreted = root instanceof GeneratedNode g ? g.interpreted : root;
    Node generated = Generator.generate(interpreted);
    Assume.that(generated instanceof GeneratedNode);
    return new Forms(interpreted, generated, compiled.plan().bind(CTX));
  }

  // The result, or the exception's class and message.
  private static String outcome(Node n, Customer c, Bounds b) {
    try {
      return String.valueOf(n.eval(c, c, b, null));
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  // A customer that returns the values as they are (no conversion or check when built), with the
  // interface's primitive reads, which unbox what value(...) returns.
  static Customer raw(Map<String, Object> values) {
    return new Customer() {
      @Override
      public String id() {
        return "c1";
      }

      @Override
      public Object value(String attribute) {
        return values.get(attribute);
      }
    };
  }

  // The same, with primitive reads that answer any Number (as a plain object holding primitives
  // might, truncating), so that the sentinel and the non-finite doubles come back from them.
  private static Customer primitive(Map<String, Object> values) {
    return new Customer() {
      @Override
      public String id() {
        return "c2";
      }

      @Override
      public Object value(String attribute) {
        return values.get(attribute);
      }

      @Override
      public long longValue(int position, String attribute, long ifAbsent) {
        return values.get(attribute) instanceof Long l ? l : ifAbsent;
      }

      @Override
      public double doubleValue(int position, String attribute, double ifAbsent) {
        Object v = values.get(attribute);
        return v instanceof Double x ? x : v instanceof Float x ? x : ifAbsent;
      }
    };
  }
}
