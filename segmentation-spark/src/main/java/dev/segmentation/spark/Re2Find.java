package dev.segmentation.spark;

import dev.segmentation.check.Checker;
import dev.segmentation.check.Limits;
import dev.segmentation.condition.StringMatch;
import dev.segmentation.condition.Truth;
import dev.segmentation.engine.EvaluationContext;
import dev.segmentation.engine.row.CompiledCatalog;
import dev.segmentation.engine.row.RowEngine;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.Customer;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import dev.segmentation.segment.Segment;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.api.java.UDF3;

/**
 * The Spark SQL function {@code re2_find(value, pattern, ignoreCase)} (registered per evaluation as
 * {@code segmentation_<n>_re2_find}): whether the RE2 pattern finds a match in the value, decided
 * by the row engine's own {@code matches} leaf (re2j, find semantics, the leaf's case folding), and
 * NULL for a NULL value. The SQL compiler calls it only for the patterns Spark's {@code RLIKE}
 * (Java's regex) cannot evaluate exactly: RE2 outside the translated subset and case-insensitive
 * patterns.
 *
 * <p>Deterministic. Each pattern is compiled once per instance (that is, per task on an executor)
 * with the limits the catalog was checked with; each row then costs one Java call and one re2j
 * match, where {@code RLIKE} would cost a Java regex match.
 */
final class Re2Find implements UDF3<String, String, Boolean, Boolean> {
  private static final long serialVersionUID = 1L;

  /** The attribute the one-leaf catalogs read. */
  private static final String VALUE = "value";

  private static final Schema SCHEMA = Schema.of(Attribute.string(VALUE));

  /** A string leaf does not depend on time. */
  private static final EvaluationContext ANY_TIME = EvaluationContext.at(Instant.EPOCH);

  // Limits is not Serializable; its components are.
  private final int maxDepth;
  private final int maxNodes;
  private final int maxListSize;
  private final int maxStringLength;
  private final int maxPatternLength;
  private final int maxPatternProgram;

  /** Pattern and flag to the compiled leaf; rebuilt lazily after deserialization. */
  private transient volatile Map<String, CompiledCatalog> leaves;

  Re2Find(Limits limits) {
    this.maxDepth = limits.maxDepth();
    this.maxNodes = limits.maxNodes();
    this.maxListSize = limits.maxListSize();
    this.maxStringLength = limits.maxStringLength();
    this.maxPatternLength = limits.maxPatternLength();
    this.maxPatternProgram = limits.maxPatternProgram();
  }

  @Override
  public Boolean call(String value, String pattern, Boolean ignoreCase) {
    if (value == null || pattern == null || ignoreCase == null) {
      return null; // no value: UNKNOWN, as the leaf
    }
    Truth t = leaf(pattern, ignoreCase).evaluate(0, new OneValue(value), ANY_TIME);
    assert t != Truth.UNKNOWN : "a string leaf over a value is never UNKNOWN";
    return t == Truth.TRUE;
  }

  private CompiledCatalog leaf(String pattern, boolean ignoreCase) {
    Map<String, CompiledCatalog> map = leaves;
    if (map == null) {
      map = new ConcurrentHashMap<>();
      leaves = map;
    }
    return map.computeIfAbsent(
        (ignoreCase ? "i" : "c") + pattern,
        key ->
            RowEngine.compile(
                Catalog.of(
                    Segment.of(
                        "leaf",
                        new StringMatch(VALUE, StringMatch.Op.MATCHES, pattern, ignoreCase))),
                SCHEMA,
                Checker.withLimits(
                    new Limits(
                        maxDepth,
                        maxNodes,
                        maxListSize,
                        maxStringLength,
                        maxPatternLength,
                        maxPatternProgram))));
  }

  /** A customer with one string value, read by the one-leaf catalog. */
  private static final class OneValue implements Customer {
    private final String value;

    OneValue(String value) {
      this.value = value;
    }

    @Override
    public String id() {
      return VALUE;
    }

    @Override
    public Object value(String attribute) {
      return value;
    }
  }
}
