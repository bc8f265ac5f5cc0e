package dev.segmentation.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.segmentation.condition.Compare;
import dev.segmentation.condition.Condition;
import dev.segmentation.condition.EventCondition;
import dev.segmentation.condition.EventWindow;
import dev.segmentation.condition.In;
import dev.segmentation.condition.Operator;
import dev.segmentation.condition.Or;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.TagMatch;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.Customer;
import dev.segmentation.model.EventType;
import dev.segmentation.model.Schema;
import dev.segmentation.model.SchemaCustomer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table, column and literal text that would break or change a query written by concatenation:
 * quotes, backslashes, {@code '; DROP TABLE x; --}, NUL and characters beyond the BMP, on both
 * databases. Segment and attribute names are limited to letters, digits, '_', '-' and '.', so the
 * hostile names are the mapping's table and column names.
 */
class HostileNamesTest {
  private static final EvaluationContext CTX =
      EvaluationContext.at(Instant.parse("2026-11-22T12:00:00Z"));

  private static final String[] HOSTILE = {
    "'; DROP TABLE x; --",
    "\"; DROP TABLE x; --",
    "back\\slash\\",
    "quote'\"`",
    "emoji \uD83D\uDE00 \uD800\uDC00",
    "E'\\x41'",
    "$$ dollar $$",
    "new\nline",
  };

  private static final Schema SCHEMA =
      Schema.builder()
          .attribute("s", AttributeType.STRING)
          .attribute("tags", AttributeType.STRING_SET)
          .eventType(EventType.of("buy", Attribute.string("label")))
          .build();

  private static Mapping hostileMapping() {
    return Mapping.defaults().toBuilder()
        .customersTable("cust " + HOSTILE[0])
        .idColumn(HOSTILE[1])
        .column("s", HOSTILE[2])
        .column("tags", HOSTILE[3])
        .eventsTable("buy", "ev " + HOSTILE[4])
        .eventCustomerColumn(HOSTILE[5])
        .eventTimeColumn(HOSTILE[6])
        .propertyColumn("buy", "label", HOSTILE[7])
        .build();
  }

  private static List<SchemaCustomer> customers(boolean withNul) {
    List<SchemaCustomer> out = new ArrayList<>();
    int i = 0;
    List<String> values = new ArrayList<>(List.of(HOSTILE));
    if (withNul) {
      values.add("nul\u0000inside");
    }
    for (String v : values) {
      out.add(
          Customer.builder(SCHEMA, v + "#" + i++)
              .set("s", v)
              .set("tags", ImmutableSet.of(v, "plain"))
              .event("buy", Instant.parse("2026-11-01T00:00:00Z"), ImmutableMap.of("label", v))
              .build());
    }
    return out;
  }

  private static Condition everyKind(String literal) {
    return Or.of(
        new Compare("s", Operator.EQ, literal),
        new Compare("s", Operator.LT, literal),
        In.of("s", literal, "zzz"),
        new StringMatch("s", StringMatch.Op.CONTAINS, literal, false),
        new StringMatch("s", StringMatch.Op.STARTS_WITH, literal, true),
        new TagMatch("tags", TagMatch.Op.CONTAINS_ALL, ImmutableSet.of(literal)),
        new EventCondition(
            "buy",
            new Compare("label", Operator.EQ, literal),
            EventWindow.ever(),
            dev.segmentation.condition.Aggregate.COUNT,
            null,
            Operator.GE,
            1L));
  }

  @Test
  void hostileNamesAndLiterals_selectWhatTheRowEngineSelects_onBothDatabases() throws SQLException {
    List<SchemaCustomer> customers = customers(false);
    for (String literal : HOSTILE) {
      Catalog catalog = Catalog.of(Segment.of("hostile", everyKind(literal)));
      assertThat(OnBothDatabases.members(SCHEMA, catalog, hostileMapping(), customers, CTX))
          .as(literal)
          .isNotEmpty();
    }
  }

  // PostgreSQL text cannot hold NUL: a literal with NUL is compared through the text before it
  // (nothing stored lies between), and data with NUL is refused; DuckDB holds NUL.
  @Test
  void nul_inLiterals_isExactOnBoth_inDataOnlyDuckDbHoldsIt() throws SQLException {
    List<SchemaCustomer> customers = customers(false);
    Condition c = everyKind("nul\u0000inside");
    assertThat(OnBothDatabases.members(SCHEMA, c, customers, CTX)).isNotEmpty();
    List<SchemaCustomer> withNul = customers(true);
    Catalog catalog =
        Catalog.of(Segment.of("nul", new Compare("s", Operator.EQ, "nul\u0000inside")));
    assertThat(OnBothDatabases.run(Dialect.DUCKDB, SCHEMA, catalog, hostileMapping(), withNul, CTX))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                OnBothDatabases.run(
                    Dialect.POSTGRES, SCHEMA, catalog, hostileMapping(), withNul, CTX))
        .hasMessageContaining("PostgreSQL text cannot hold the NUL character");
  }

  @Test
  void namesADialectCannotHold_areRefusedClearly() {
    Catalog catalog = Catalog.of(Segment.of("s", new Compare("s", Operator.EQ, "a")));
    Mapping nul = Mapping.defaults().toBuilder().column("s", "a\u0000b").build();
    assertThatThrownBy(
            () -> SqlCompiler.of(catalog, SCHEMA, Dialect.DUCKDB, nul).membershipQuery(CTX))
        .isInstanceOf(SqlCompileException.class)
        .hasMessageContaining("column of s: the name contains the NUL character");
    Mapping longName = Mapping.defaults().toBuilder().column("s", "x".repeat(64)).build();
    assertThatThrownBy(
            () -> SqlCompiler.of(catalog, SCHEMA, Dialect.POSTGRES, longName).membershipQuery(CTX))
        .isInstanceOf(SqlCompileException.class)
        .hasMessageContaining("longer than PostgreSQL's 63 bytes");
  }
}
