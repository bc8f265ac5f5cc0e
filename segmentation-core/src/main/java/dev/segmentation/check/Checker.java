package dev.segmentation.check;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Condition;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;

/**
 * Checks conditions and catalogs against a schema. TODO(check helper): implement; this stub finds
 * nothing.
 */
public final class Checker {
  private final Limits limits;

  private Checker(Limits limits) {
    this.limits = limits;
  }

  /** A checker with {@link Limits#DEFAULT}. */
  public static Checker standard() {
    return new Checker(Limits.DEFAULT);
  }

  /** A checker with the given limits. */
  public static Checker withLimits(Limits limits) {
    return new Checker(limits);
  }

  public Limits limits() {
    return limits;
  }

  /** Every issue of {@code condition}; paths are relative to it ("" is the condition itself). */
  public CheckResult check(Condition condition, Schema schema) {
    return new CheckResult(ImmutableList.of());
  }

  /** Every issue of {@code catalog}; paths start at the catalog, e.g. {@code /segments/0/where}. */
  public CheckResult check(Catalog catalog, Schema schema) {
    return new CheckResult(ImmutableList.of());
  }
}
