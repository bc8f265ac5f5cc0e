package dev.segmentation.behavior;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.columnar.BatchResult;
import dev.segmentation.engine.columnar.ColumnarCatalog;
import dev.segmentation.engine.columnar.ColumnarEngine;
import dev.segmentation.engine.columnar.CustomerTable;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Customer;
import dev.segmentation.segment.Catalog;
import dev.segmentation.testkit.RandomCatalogs;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the results types checks its arguments: a row out of range, a null or
 * unknown name, a bad parallelism get an exception whose message names the argument and what is
 * allowed, never a raw ArrayIndexOutOfBoundsException or NullPointerException.
 */
class ResultArgumentsTest {
  private static final EvaluationContext CTX = RandomCatalogs.CTX;
  private static final Catalog CATALOG =
      EventOrderProperties.catalog(new RandomCatalogs(3), 2); // s0, s1, engagement, value, rfm
  private static final CustomerTable TABLE =
      CustomerTable.of(RandomCatalogs.SCHEMA, new RandomCatalogs(4).customers(3));
  private static final ColumnarCatalog COLUMNAR =
      ColumnarEngine.compile(CATALOG, RandomCatalogs.SCHEMA);
  private static final BatchResult RESULT = COLUMNAR.evaluate(TABLE, CTX, 1);
  private static final CompiledCatalog ROWS = RowEngine.compile(CATALOG, RandomCatalogs.SCHEMA);

  private static void rowOutOfRange(ThrowingCallable call, int row) {
    assertThatThrownBy(call)
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("row " + row)
        .hasMessageContaining("0 to 2");
  }

  private static void illegal(ThrowingCallable call, String... mentions) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll(mentions);
  }

  @Test
  void batchResult_rowOutOfRange_namesTheRowAndTheRange() {
    for (int row : new int[] {-1, 3, Integer.MAX_VALUE}) {
      rowOutOfRange(() -> RESULT.tier("value", row), row);
      rowOutOfRange(() -> RESULT.tier("rfm", row), row);
      rowOutOfRange(() -> RESULT.rfm("rfm", row), row);
    }
  }

  @Test
  void batchResult_nullOrUnknownNames_nameTheArgument() {
    illegal(() -> RESULT.members(null), "segment", "null");
    illegal(() -> RESULT.count("nope"), "segment", "\"nope\"", "s0");
    illegal(() -> RESULT.share(null), "segment");
    illegal(() -> RESULT.memberIds(null), "segment");
    illegal(() -> RESULT.scores(null), "score model");
    illegal(() -> RESULT.scores("nope"), "\"nope\"", "engagement");
    illegal(() -> RESULT.tier(null, 0), "tiering");
    illegal(() -> RESULT.tier("nope", 0), "\"nope\"", "value");
    illegal(() -> RESULT.rfm(null, 0), "RFM model");
    illegal(() -> RESULT.rfm("value", 0), "\"value\"", "rfm");
    illegal(() -> RESULT.diff(null), "previous");
    illegal(() -> RESULT.diff(RESULT).of(null), "segment");
    illegal(() -> RESULT.diff(RESULT).of("nope"), "\"nope\"", "s0");
  }

  @Test
  void customerTable_rowOutOfRangeAndNulls_nameTheArgument() {
    for (int row : new int[] {-1, 3}) {
      rowOutOfRange(() -> TABLE.id(row), row);
      rowOutOfRange(() -> TABLE.customer(row), row);
    }
    illegal(() -> TABLE.row(null), "id");
    illegal(() -> TABLE.eventCount(null), "event type");
    illegal(() -> CustomerTable.of(RandomCatalogs.SCHEMA, null), "customers");
    illegal(() -> CustomerTable.of(null, List.of()), "schema");
    illegal(() -> CustomerTable.builder(RandomCatalogs.SCHEMA).add(null), "customer", "null");
    assertThatThrownBy(() -> CustomerTable.of(RandomCatalogs.SCHEMA, List.of()).id(0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("row 0")
        .hasMessageContaining("no customers");
  }

  @Test
  void columnarCatalog_badArguments_nameTheArgument() {
    illegal(() -> COLUMNAR.evaluate(TABLE, CTX, 0), "parallelism", "0", "at least 1");
    illegal(() -> COLUMNAR.counts(TABLE, CTX, -2), "parallelism", "-2");
    illegal(() -> COLUMNAR.evaluate(null, CTX), "table");
    illegal(() -> COLUMNAR.counts(TABLE, null, 1), "context");
  }

  @Test
  void compiledCatalog_nullOrUnknownNames_nameTheArgument() {
    Customer c = TABLE.customer(0);
    illegal(() -> ROWS.matches(null, c, CTX), "segment", "null");
    illegal(() -> ROWS.segmentIndex(null), "segment");
    illegal(() -> ROWS.explain("nope", c, CTX), "segment", "\"nope\"", "s0");
    illegal(() -> ROWS.score(null, c, CTX), "score");
    illegal(() -> ROWS.explainScore(null, c, CTX), "score");
    illegal(() -> ROWS.tier(null, c, CTX), "tiering");
    illegal(() -> ROWS.explainTier(null, c, CTX), "tiering");
    illegal(() -> ROWS.rfm(null, c, CTX), "RFM model");
    illegal(() -> ROWS.evaluate(2, c, CTX), "segment index", "2", "0 to 1");
    illegal(() -> ROWS.evaluateAll(c, CTX, new Truth[1]), "out", "2");
    illegal(() -> ROWS.evaluateAll(c, CTX, null), "out");
  }
}
