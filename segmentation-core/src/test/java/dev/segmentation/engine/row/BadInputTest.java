package dev.segmentation.engine.row;

import static dev.segmentation.engine.row.Fixtures.CTX;
import static dev.segmentation.engine.row.Fixtures.SCHEMA;
import static dev.segmentation.engine.row.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.InSegment;
import dev.segmentation.condition.InTier;
import dev.segmentation.condition.Not;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.RelativeTime;
import dev.segmentation.condition.ScoreCondition;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.Truth;
import dev.segmentation.condition.WindowUnit;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.plan.eval.EvalAccess;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.ScoreModel;
import dev.segmentation.segment.ScoreRule;
import dev.segmentation.segment.Segment;
import dev.segmentation.segment.Tier;
import dev.segmentation.segment.Tiering;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Bad customers and bad rules get a clear error naming the customer and attribute, or the path;
 * never a raw NullPointerException, ClassCastException or StackOverflowError.
 */
class BadInputTest {

  /** A user's customer implementation that returns whatever it is given. */
  static Customer raw(String id, Map<String, Object> values, Map<String, List<Event>> events) {
    return new Customer() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Object value(String attribute) {
        return values.get(attribute);
      }

      @Override
      public List<Event> events(String eventType) {
        return events.get(eventType);
      }
    };
  }

  @Nested
  class Customers {
    private final CompiledCatalog compiled =
        RowEngine.compile(
            Catalog.of(
                Segment.of("adults", new Compare("age", Operator.GE, 18L)),
                Segment.of("tagged", new TagCount("tags", Operator.GE, 1)),
                Segment.of(
                    "buyers",
                    new EventCondition(
                        "purchase",
                        new Always(),
                        EventWindow.ever(),
                        Aggregate.SUM,
                        "amount",
                        Operator.GT,
                        0L))),
            SCHEMA);

    private void assertInvalid(Customer c, String segment, String attribute) {
      List<Function<Customer, Object>> calls =
          List.of(
              x -> compiled.evaluate(compiled.segmentIndex(segment), x, CTX),
              x -> compiled.explain(segment, x, CTX),
              x -> {
                compiled.evaluateAll(x, CTX, new Truth[3]);
                return null;
              });
      for (Function<Customer, Object> call : calls) {
        assertThatThrownBy(() -> call.apply(c))
            .isInstanceOf(InvalidDataException.class)
            .hasMessageContaining("\"bad-1\"")
            .hasMessageContaining(attribute == null ? "" : "\"" + attribute + "\"")
            .satisfies(
                e -> {
                  assertThat(((InvalidDataException) e).customerId()).isEqualTo("bad-1");
                  assertThat(((InvalidDataException) e).attribute()).isEqualTo(attribute);
                });
      }
    }

    @Test
    void wrongTypeOfAttribute_namesCustomerAndAttribute() {
      assertInvalid(raw("bad-1", Map.of("age", "thirty"), Map.of()), "adults", "age");
      assertInvalid(raw("bad-1", Map.of("age", 30.5), Map.of()), "adults", "age"); // a fraction
      assertInvalid(raw("bad-1", Map.of("tags", List.of("a", 1)), Map.of()), "tagged", "tags");
    }

    @Test
    void wrongTypeOfEventProperty_namesCustomerPropertyAndEventType() {
      Event e = new Event("purchase", Instant.EPOCH, ImmutableMap.of("amount", "12 EUR"));
      Customer c = raw("bad-1", Map.of(), Map.of("purchase", List.of(e)));
      assertInvalid(c, "buyers", "amount");
      assertThatThrownBy(() -> compiled.explain("buyers", c, CTX))
          .hasMessageContaining("\"purchase\" event");
    }

    @Test
    void nullEventsOrNullEvent_isInvalidData() {
      assertInvalid(raw("bad-1", Map.of(), new java.util.HashMap<>()), "buyers", null);
      assertInvalid(
          raw("bad-1", Map.of(), Map.of("purchase", Arrays.asList((Event) null))), "buyers", null);
    }

    @Test
    void unsortedEvents_areReadInTimeOrder_notAnErrorNorAWrongAnswer() {
      Event late = new Event("purchase", Instant.parse("2026-02-01T00:00:00Z"), null);
      Event early = new Event("purchase", Instant.parse("2026-01-01T00:00:00Z"), null);
      Customer unsorted = raw("c-1", Map.of(), Map.of("purchase", List.of(late, early)));
      Customer sorted = raw("c-1", Map.of(), Map.of("purchase", List.of(early, late)));
      assertThat(compiled.explain("buyers", unsorted, CTX))
          .isEqualTo(compiled.explain("buyers", sorted, CTX));
    }

    @Test
    void nullArguments_areIllegalArguments() {
      Customer ok = customer("c", Map.of());
      assertThatThrownBy(() -> compiled.evaluate(0, null, CTX))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("customer");
      assertThatThrownBy(() -> compiled.evaluate(0, ok, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("context");
      assertThatThrownBy(() -> compiled.evaluateAll(ok, CTX, new Truth[2]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least 3");
      assertThatThrownBy(() -> compiled.evaluate(3, ok, CTX))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("out of range");
      assertThatThrownBy(() -> compiled.matches("nope", ok, CTX))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"nope\"")
          .hasMessageContaining("adults");
      assertThat(compiled.segmentIndex("nope")).isEqualTo(-1);
    }
  }

  /** Compiles without the checker, as if a caller skipped or loosened it. */
  static void compileUnchecked(Catalog catalog) {
    EvalAccess.unchecked(catalog, SCHEMA);
  }

  static void assertCompileError(Condition c, String path, String message) {
    assertThatThrownBy(() -> compileUnchecked(Catalog.of(Segment.of("s", c))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(path + ": ")
        .hasMessageContaining(message);
  }

  @Nested
  class Rules {
    @Test
    void unknownAttribute_namesThePath() {
      assertCompileError(
          new Compare("agee", Operator.EQ, 1L).and(new Always()),
          "/segments/0/where/of/0/attribute",
          "no attribute \"agee\"");
    }

    @Test
    void literalOfTheWrongType_namesThePath() {
      assertCompileError(
          new Compare("age", Operator.EQ, "30"),
          "/segments/0/where/value",
          "cannot be compared with an integer");
      assertCompileError(
          new Not(In.of("country", "FI", 3L)),
          "/segments/0/where/of/values/1",
          "cannot be compared");
    }

    @Test
    void operatorUndefinedForTheType_namesThePath() {
      assertCompileError(
          new Compare("active", Operator.LT, true),
          "/segments/0/where",
          "operator < is not defined for boolean");
      assertCompileError(
          new StringMatch("age", StringMatch.Op.CONTAINS, "3", false),
          "/segments/0/where",
          "contains is not defined for integer");
      assertCompileError(
          new RelativeTime("birthday", RelativeTime.Op.WITHIN_LAST, 3, WindowUnit.HOURS),
          "/segments/0/where/unit",
          "hours do not apply to date");
    }

    @Test
    void invalidPattern_namesThePath() {
      assertCompileError(
          new StringMatch("email", StringMatch.Op.MATCHES, "(unclosed", false),
          "/segments/0/where/value",
          "invalid pattern");
    }

    @Test
    void unknownReferences_nameThePath() {
      assertCompileError(
          new InSegment("ghost"), "/segments/0/where/segment", "no segment \"ghost\"");
      assertCompileError(
          new ScoreCondition("ghost", Operator.GE, 1L),
          "/segments/0/where/score",
          "no score \"ghost\"");
      assertCompileError(
          new InTier("ghost", "gold"),
          "/segments/0/where/tiering",
          "no tiering or RFM model \"ghost\"");
      assertCompileError(
          new EventCondition(
              "refund", new Always(), EventWindow.ever(), Aggregate.COUNT, null, Operator.GE, 1L),
          "/segments/0/where/type",
          "no event type \"refund\"");
      assertCompileError(
          new EventCondition(
              "purchase",
              new Compare("colour", Operator.EQ, "red"),
              EventWindow.ever(),
              Aggregate.COUNT,
              null,
              Operator.GE,
              1L),
          "/segments/0/where/where/attribute",
          "event type \"purchase\" has no attribute");
    }

    @Test
    void deepNesting_isRejectedBeforeRecursing() {
      Condition c = new Compare("age", Operator.GE, 1L);
      for (int i = 0; i < 100_000; i++) {
        c = new Not(c);
      }
      assertCompileError(c, "/segments/0/where", "nested deeper than the limit of 64");
    }

    @Test
    void cycle_throughSegmentsScoresAndTierings_isNamed() {
      Catalog catalog =
          new Catalog(
              ImmutableList.of(
                  Segment.of("a", new InSegment("b")),
                  Segment.of("b", new ScoreCondition("s", Operator.GE, 1L)),
                  Segment.of("c", new Always())),
              ImmutableList.of(
                  new ScoreModel(
                      "s",
                      "",
                      ImmutableList.of(ScoreRule.of(new InTier("t", "x"), 1)),
                      null,
                      null)),
              ImmutableList.of(
                  new Tiering("t", "", ImmutableList.of(new Tier("x", new InSegment("a"))), "y")),
              null);
      assertThatThrownBy(() -> compileUnchecked(catalog))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "references form a cycle: segment \"a\" -> segment \"b\" -> score \"s\""
                  + " -> tiering \"t\" -> segment \"a\"");
      assertThatThrownBy(
              () -> compileUnchecked(Catalog.of(Segment.of("self", new InSegment("self")))))
          .hasMessage("segments form a cycle: \"self\" -> \"self\"");
    }

    @Test
    void longChainOfReferences_evaluatesWithoutDeepRecursion() {
      List<Segment> chain = new ArrayList<>();
      chain.add(Segment.of("s0", new Compare("age", Operator.GE, 18L)));
      for (int i = 1; i < 20_000; i++) {
        chain.add(Segment.of("s" + i, new InSegment("s" + (i - 1))));
      }
      java.util.Collections.reverse(chain); // dependencies after their users
      CompiledCatalog compiled =
          new CompiledCatalog(EvalAccess.unchecked(Catalog.of(chain), SCHEMA));
      Truth[] out = new Truth[chain.size()];
      compiled.evaluateAll(customer("c", "age", 20L), CTX, out);
      assertThat(out).containsOnly(Truth.TRUE);
      compiled.evaluateAll(customer("c", Map.of()), CTX, out);
      assertThat(out).containsOnly(Truth.UNKNOWN);
    }
  }
}
