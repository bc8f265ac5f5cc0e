package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.And;
import dev.segmentation.condition.Between;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.Presence;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.model.Customer;
import dev.segmentation.model.SchemaCustomer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine agrees with a slow reference interpreter written straight from the documented
 * semantics (BigDecimal for numbers, code point arrays for strings, {@code toLowerCase(ROOT)} for
 * case) on random conditions whose literals collide often with random customers' values.
 */
class ReferenceProperties {

  private static final List<String> STRINGS =
      List.of("", "a", "A", "ab", "aB", "\u00e4", "\u00c4", "\uFFFF", "\uD83D\uDE00", "b");

  private Arbitrary<Object> number() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-3, 3).map(l -> (Object) l),
        Arbitraries.integers().between(-6, 6).map(i -> (Object) (i / 2.0)),
        Arbitraries.of(
            (Object) ((1L << 53) + 1),
            (Object) 0x1p53,
            (Object) Long.MAX_VALUE,
            (Object) 0x1p63,
            (Object) (-0.0)));
  }

  private Arbitrary<String> string() {
    return Arbitraries.of(STRINGS);
  }

  private Arbitrary<Operator> op() {
    return Arbitraries.of(Operator.class);
  }

  private Arbitrary<Condition> leaf() {
    Arbitrary<String> numeric = Arbitraries.of("age", "balance");
    return Arbitraries.oneOf(
        Combinators.combine(numeric, op(), number()).as(Compare::new),
        Combinators.combine(op(), string()).as((o, s) -> new Compare("country", o, s)),
        Combinators.combine(numeric, number(), number()).as(Between::new),
        Combinators.combine(string(), string()).as((a, b) -> new Between("country", a, b)),
        Combinators.combine(numeric, number().list().ofMaxSize(3)).as((a, l) -> In.of(a, l)),
        string().list().ofMaxSize(3).map(l -> In.of("country", l)),
        Combinators.combine(
                Arbitraries.of(
                    StringMatch.Op.STARTS_WITH, StringMatch.Op.ENDS_WITH, StringMatch.Op.CONTAINS),
                string(),
                Arbitraries.of(true, false))
            .as((o, s, ic) -> new StringMatch("country", o, s, ic)),
        Combinators.combine(Arbitraries.of(TagMatch.Op.class), string().set().ofMaxSize(3))
            .as((o, s) -> new TagMatch("tags", o, ImmutableSet.copyOf(s))),
        Combinators.combine(op(), Arbitraries.longs().between(0, 3))
            .as((o, n) -> new TagCount("tags", o, n)),
        Combinators.combine(
                Arbitraries.of("age", "balance", "country", "tags"), Arbitraries.of(true, false))
            .as(Presence::new));
  }

  @Provide
  Arbitrary<Condition> conditions() {
    return Arbitraries.lazyOf(
        this::leaf,
        this::leaf,
        this::leaf,
        () -> conditions().map(Not::new),
        () -> conditions().list().ofMaxSize(3).map(l -> new And(ImmutableList.copyOf(l))),
        () -> conditions().list().ofMaxSize(3).map(l -> new Or(ImmutableList.copyOf(l))));
  }

  @Provide
  Arbitrary<List<SchemaCustomer>> customers() {
    Arbitrary<SchemaCustomer> one =
        Combinators.combine(
                Arbitraries.longs().between(-3, 3).injectNull(0.2),
                Arbitraries.integers().between(-6, 6).map(i -> i / 2.0).injectNull(0.2),
                string().injectNull(0.2),
                string().set().ofMaxSize(3).injectNull(0.2))
            .as(
                (age, balance, country, tags) -> {
                  SchemaCustomer.Builder b = Fixtures.customer("c");
                  b.set("age", age).set("balance", balance).set("country", country);
                  return b.set("tags", tags == null ? null : ImmutableSet.copyOf(tags)).build();
                });
    return one.list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 500)
  void engine_agreesWithReference(
      @ForAll("conditions") Condition condition,
      @ForAll("customers") List<SchemaCustomer> customers) {
    CompiledCatalog compiled = Fixtures.compile(condition);
    for (Customer c : customers) {
      assertThat(compiled.evaluate(0, c, CTX))
          .as("%s on %s", condition, c)
          .isEqualTo(reference(condition, c));
    }
  }

  // ---- the reference interpreter ----

  static Truth reference(Condition c, Customer customer) {
    switch (c.kind()) {
      case AND:
        Truth and = Truth.TRUE;
        for (Condition x : c.children()) {
          and = and.and(reference(x, customer));
        }
        return and;
      case OR:
        Truth or = Truth.FALSE;
        for (Condition x : c.children()) {
          or = or.or(reference(x, customer));
        }
        return or;
      case NOT:
        return reference(c.children().get(0), customer).not();
      case PRESENCE:
        Presence p = (Presence) c;
        return Truth.of((customer.value(p.attribute()) != null) == p.present());
      case COMPARE:
        Compare cmp = (Compare) c;
        Object v = customer.value(cmp.attribute());
        return v == null ? Truth.UNKNOWN : Truth.of(cmp.op().test(order(v, cmp.value())));
      case BETWEEN:
        Between b = (Between) c;
        Object w = customer.value(b.attribute());
        return w == null
            ? Truth.UNKNOWN
            : Truth.of(order(w, b.low()) >= 0 && order(w, b.high()) <= 0);
      case IN:
        In in = (In) c;
        Object x = customer.value(in.attribute());
        if (x == null) {
          return Truth.UNKNOWN;
        }
        boolean found = false;
        for (Object lit : in.values()) {
          found |= order(x, lit) == 0;
        }
        return Truth.of(found);
      case STRING_MATCH:
        StringMatch s = (StringMatch) c;
        Object sv = customer.value(s.attribute());
        if (sv == null) {
          return Truth.UNKNOWN;
        }
        String value = s.ignoreCase() ? ((String) sv).toLowerCase(Locale.ROOT) : (String) sv;
        String needle = s.ignoreCase() ? s.value().toLowerCase(Locale.ROOT) : s.value();
        switch (s.op()) {
          case STARTS_WITH:
            return Truth.of(value.startsWith(needle));
          case ENDS_WITH:
            return Truth.of(value.endsWith(needle));
          default:
            return Truth.of(value.contains(needle));
        }
      case TAG_MATCH:
        TagMatch t = (TagMatch) c;
        Set<?> tags = (Set<?>) customer.value(t.attribute());
        if (tags == null) {
          return Truth.UNKNOWN;
        }
        List<String> present = new ArrayList<>();
        for (String want : t.values()) {
          if (tags.contains(want)) {
            present.add(want);
          }
        }
        switch (t.op()) {
          case CONTAINS_ANY:
            return Truth.of(!present.isEmpty());
          case CONTAINS_ALL:
            return Truth.of(present.size() == t.values().size());
          default:
            return Truth.of(present.isEmpty());
        }
      case TAG_COUNT:
        TagCount n = (TagCount) c;
        Set<?> set = (Set<?>) customer.value(n.attribute());
        return set == null
            ? Truth.UNKNOWN
            : Truth.of(n.op().test(Long.compare(set.size(), n.count())));
      default:
        throw new IllegalArgumentException("no reference for " + c.kind());
    }
  }

  private static int order(Object value, Object literal) {
    if (value instanceof Number a) {
      return exact(a).compareTo(exact((Number) literal));
    }
    int[] x = ((String) value).codePoints().toArray();
    int[] y = ((String) literal).codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static BigDecimal exact(Number n) {
    return n instanceof Long l ? new BigDecimal(l) : new BigDecimal(n.doubleValue());
  }
}
