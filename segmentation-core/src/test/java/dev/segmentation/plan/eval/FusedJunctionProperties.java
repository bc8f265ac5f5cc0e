package dev.segmentation.plan.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import dev.segmentation.check.Limits;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fused junction ({@link FusedJunction}) against the unrolled one it replaces ({@link
 * Logic.JunctionNode}, built from the same operand nodes), over random ANDs and ORs of every simple
 * leaf kind (integer and number compare and between, string in and not in, boolean, tags, date and
 * timestamp ranges) with at most one other operand (a string match, or a nested junction), on
 * customers whose values are absent, -0.0, NaN (invalid data), an Integer or a String where a Long
 * is declared (converted or invalid), Long.MIN_VALUE (the engine's sentinel) or a timestamp finer
 * than a millisecond: the same three-valued result, or the same exception.
 */
class FusedJunctionProperties {

  private static final Schema SCHEMA =
      Schema.of(
          Attribute.integer("i"),
          Attribute.number("d"),
          Attribute.string("s"),
          Attribute.bool("b"),
          Attribute.stringSet("t"),
          Attribute.date("day"),
          Attribute.timestamp("ts"));

  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-22T00:00:00Z"));

  private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
  private static final Instant TS = Instant.parse("2026-11-01T00:00:00Z");

  @Provide
  Arbitrary<Condition> simple() {
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
        Combinators.combine(op, instants).as((o, t) -> new Compare("ts", o, t)));
  }

  @Provide
  Arbitrary<Condition> junctions() {
    Arbitrary<Condition> other =
        Arbitraries.oneOf(
            Arbitraries.of("a", "b")
                .map(p -> new StringMatch("s", StringMatch.Op.STARTS_WITH, p, false)),
            simple().list().ofMinSize(2).ofMaxSize(3).map(l -> Or.of(l.toArray(Condition[]::new))));
    return Combinators.combine(
            simple().list().ofMinSize(2).ofMaxSize(6),
            other.injectNull(0.5),
            Arbitraries.integers().between(0, 6),
            Arbitraries.of(true, false))
        .as(
            (leaves, extra, at, and) -> {
              List<Condition> operands = new ArrayList<>(leaves);
              if (extra != null) {
                operands.add(Math.min(at, operands.size()), extra);
              }
              Condition[] array = operands.toArray(Condition[]::new);
              return and ? And.of(array) : Or.of(array);
            });
  }

  @Provide
  Arbitrary<Map<String, Object>> customers() {
    Arbitrary<Object> i =
        Arbitraries.of(0L, 1L, 30L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 30, "30", 2.5);
    Arbitrary<Object> d =
        Arbitraries.of(
            -0.0, 0.0, 0.5, 30.0, -1.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY, 30L, 0.5f);
    Arbitrary<Object> s = Arbitraries.of("a", "b", "c", "ab", "", 7L);
    Arbitrary<Object> b = Arbitraries.of(true, false, "true");
    Arbitrary<Object> t =
        Arbitraries.of(ImmutableSet.of(), ImmutableSet.of("x"), ImmutableSet.of("y", "z"), "x");
    Arbitrary<Object> day =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-2, 2).map(DAY::plusDays), Arbitraries.just("x"));
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
  void fused_givesTheUnfusedResultOrException(
      @ForAll("junctions") Condition c, @ForAll("customers") Map<String, Object> values) {
    Compiler.Result compiled =
        Compiler.compileUnchecked(Catalog.of(Segment.of("s", c)), SCHEMA, Limits.DEFAULT);
    Node root = compiled.program().segments[0];
    // The rewrite may have deduplicated the operands down to one, or folded the junction away.
    Assume.that(root instanceof FusedJunction);
    Node unfused = ((FusedJunction) root).unfused();
    Bounds bounds = compiled.plan().bind(CTX);
    Customer customer = raw(values);

    assertThat(outcome(root, customer, bounds)).isEqualTo(outcome(unfused, customer, bounds));
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
  private static Customer raw(Map<String, Object> values) {
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
}
