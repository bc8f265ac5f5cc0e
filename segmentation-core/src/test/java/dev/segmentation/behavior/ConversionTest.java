package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Aggregate;
import dev.segmentation.condition.Always;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.TagCount;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import dev.segmentation.model.EventType;
import dev.segmentation.model.InvalidDataException;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One conversion rule for both engines: a value a user's {@link Customer} returns is accepted by
 * the row engine exactly when {@code CustomerTable.Builder.add} accepts it, as the same canonical
 * value, and refused by both with the same message naming the customer and attribute.
 */
class ConversionTest {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  private static final EvaluationContext CTX = EvaluationContext.at(AS_OF);
  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("n", AttributeType.INTEGER)
          .attribute("x", AttributeType.NUMBER)
          .attribute("s", AttributeType.STRING)
          .attribute("d", AttributeType.DATE)
          .attribute("t", AttributeType.TIMESTAMP)
          .attribute("tags", AttributeType.STRING_SET)
          .eventType(EventType.of("purchase", Attribute.integer("quantity")))
          .build();

  enum Plan {
    GOLD
  }

  /** A user's customer implementation returning one value as it is. */
  static Customer raw(String attribute, Object value) {
    return raw(attribute, value, ImmutableList.of());
  }

  static Customer raw(String attribute, Object value, List<Event> purchases) {
    return new Customer() {
      @Override
      public String id() {
        return "user-7";
      }

      @Override
      public Object value(String name) {
        return name.equals(attribute) ? value : null;
      }

      @Override
      public List<Event> events(String type) {
        return type.equals("purchase") ? purchases : ImmutableList.of();
      }
    };
  }

  /** A condition that is TRUE exactly when the attribute's value is {@code canonical}. */
  private static Condition equalTo(String attribute, Object canonical) {
    if (canonical instanceof ImmutableSet<?> set) {
      @SuppressWarnings("unchecked")
      ImmutableSet<String> tags = (ImmutableSet<String>) set;
      return new dev.segmentation.condition.And(
          ImmutableList.of(
              new TagMatch(attribute, TagMatch.Op.CONTAINS_ALL, tags),
              new TagCount(attribute, Operator.EQ, tags.size())));
    }
    return new Compare(attribute, Operator.EQ, canonical);
  }

  private static void assertAccepted(String attribute, Object raw, Object canonical) {
    Customer c = raw(attribute, raw);
    CustomerTable table = CustomerTable.of(SCHEMA, List.of(c));
    assertThat(table.customer(0).value(attribute)).as("table, %s", raw).isEqualTo(canonical);
    Catalog catalog = Catalog.of(Segment.of("s", equalTo(attribute, canonical)));
    CompiledCatalog rows = RowEngine.compile(catalog, SCHEMA);
    assertThat(rows.evaluate(0, c, CTX)).as("row engine, %s", raw).isEqualTo(Truth.TRUE);
    assertThat(rows.explain("s", c, CTX).toText())
        .isEqualTo(rows.explain("s", table.customer(0), CTX).toText());
    assertThat(ColumnarEngine.compile(catalog, SCHEMA).evaluate(table, CTX).count("s"))
        .isEqualTo(1);
  }

  private static void assertRefused(String attribute, Object raw, String because) {
    Customer c = raw(attribute, raw);
    Throwable table = catchThrowable(() -> CustomerTable.of(SCHEMA, List.of(c)));
    assertThat(table)
        .as("table, %s", raw)
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("\"user-7\"")
        .hasMessageContaining("\"" + attribute + "\"")
        .hasMessageContaining(because);
    CompiledCatalog rows =
        RowEngine.compile(
            Catalog.of(Segment.of("s", new dev.segmentation.condition.Presence(attribute, true))),
            SCHEMA);
    assertThatThrownBy(() -> rows.evaluate(0, c, CTX))
        .as("row engine, %s", raw)
        .isInstanceOf(InvalidDataException.class)
        .hasMessage(table.getMessage());
  }

  @Test
  void integers_fromEveryIntegralType_andExactDecimals() {
    for (Object raw :
        List.of(
            30,
            (short) 30,
            (byte) 30,
            30L,
            BigInteger.valueOf(30),
            new BigDecimal("30"),
            new BigDecimal("30.000"),
            new BigDecimal("3E+1"),
            30.0)) {
      assertAccepted("n", raw, 30L);
    }
    assertAccepted("n", BigInteger.valueOf(Long.MIN_VALUE), Long.MIN_VALUE);
    assertAccepted("n", new BigDecimal(Long.MAX_VALUE), Long.MAX_VALUE);
  }

  @Test
  void integers_thatAreNotWholeOrTooLarge_areRefusedNamingCustomerAndAttribute() {
    assertRefused("n", new BigDecimal("30.5"), "30.5");
    assertRefused("n", BigInteger.ONE.shiftLeft(63), "9223372036854775808");
    assertRefused("n", new BigDecimal("1E+19"), "1E+19");
    assertRefused("n", 2.5, "2.5");
    assertRefused("n", "thirty", "thirty");
  }

  @Test
  void numbers_fromEveryNumericType_whenExact() {
    assertAccepted("x", 3, 3.0);
    assertAccepted("x", 3L, 3.0);
    assertAccepted("x", (short) 3, 3.0);
    assertAccepted("x", 2.5f, 2.5);
    assertAccepted("x", new BigDecimal("98.66"), 98.66);
    assertAccepted("x", new BigDecimal("98.660"), 98.66);
    assertAccepted("x", BigInteger.TEN.pow(20), 1e20);
    assertAccepted("x", 1L << 60, 0x1p60);
  }

  @Test
  void numbers_thatADoubleCannotHold_areRefused() {
    assertRefused("x", (1L << 53) + 1, "9007199254740993");
    assertRefused("x", new BigDecimal("0.30000000000000001"), "0.30000000000000001");
    assertRefused("x", BigInteger.TEN.pow(20).add(BigInteger.ONE), "100000000000000000001");
    assertRefused("x", new BigDecimal("1E+400"), "1E+400");
    assertRefused("x", Double.NaN, "NaN");
  }

  @Test
  void strings_fromEnumsByName() {
    assertAccepted("s", Plan.GOLD, "GOLD");
    assertAccepted("s", "GOLD", "GOLD");
    assertRefused("s", 42, "42");
  }

  @Test
  void timestamps_fromOffsetAndZonedDateTimes_asInstants() {
    Instant t = Instant.parse("2026-11-01T10:00:00Z");
    assertAccepted("t", t, t);
    assertAccepted("t", OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(2)), t);
    assertAccepted("t", ZonedDateTime.ofInstant(t, ZoneId.of("Europe/Helsinki")), t);
    assertRefused("t", LocalDate.of(2026, 11, 1), "2026-11-01");
  }

  @Test
  void dates_areLocalDates_andEpochDaysAreRefusedByBothEngines() {
    assertAccepted("d", LocalDate.of(1990, 5, 17), LocalDate.of(1990, 5, 17));
    assertRefused("d", LocalDate.of(1990, 5, 17).toEpochDay(), "7441");
  }

  @Test
  void tags_fromAnyCollectionOfStrings() {
    ImmutableSet<String> tags = ImmutableSet.of("vip", "b2b");
    assertAccepted("tags", List.of("vip", "b2b", "vip"), tags);
    assertAccepted("tags", new LinkedHashSet<>(List.of("vip", "b2b")), tags);
    assertAccepted("tags", new ArrayList<>(List.of("b2b", "vip")), tags);
    assertRefused("tags", List.of("vip", 7), "vip");
    assertRefused("tags", Arrays.asList("vip", null), "vip");
  }

  @Test
  void eventProperties_followTheSameRule() {
    Event e = new Event("purchase", AS_OF.minusSeconds(60), ImmutableMap.of("quantity", 3));
    Customer c = raw("n", null, List.of(e, e));
    Catalog catalog =
        Catalog.of(
            Segment.of(
                "six",
                new EventCondition(
                    "purchase",
                    new Always(),
                    EventWindow.ever(),
                    Aggregate.SUM,
                    "quantity",
                    Operator.EQ,
                    6L)));
    assertThat(RowEngine.compile(catalog, SCHEMA).matches("six", c, CTX)).isTrue();
    assertThat(
            ColumnarEngine.compile(catalog, SCHEMA)
                .evaluate(CustomerTable.of(SCHEMA, List.of(c)), CTX)
                .count("six"))
        .isEqualTo(1);
    Event bad = new Event("purchase", AS_OF, ImmutableMap.of("quantity", new BigDecimal("1.5")));
    Customer b = raw("n", null, List.of(bad));
    Throwable table = catchThrowable(() -> CustomerTable.of(SCHEMA, List.of(b)));
    assertThat(table).isInstanceOf(InvalidDataException.class).hasMessageContaining("quantity");
    assertThatThrownBy(() -> RowEngine.compile(catalog, SCHEMA).matches("six", b, CTX))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("\"quantity\"")
        .hasMessageContaining("1.5");
  }
}
