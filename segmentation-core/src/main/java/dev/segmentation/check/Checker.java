package dev.segmentation.check;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Condition;
import dev.segmentation.model.Schema;
import dev.segmentation.segment.Catalog;
import java.util.function.Consumer;

/**
 * Checks conditions and catalogs against a schema and collects every issue, each with a JSON
 * Pointer to the node (the same path whether the rule was written in Java or JSON):
 *
 * <pre>{@code
 * CheckResult result = Checker.standard().check(catalog, schema);
 * for (Issue issue : result.issues()) {
 *   System.out.println(issue); // /segments/2/where/of/1/value: attribute "age" is an integer, got "thirty"
 * }
 * result.throwIfErrors();      // only when you want an exception
 * }</pre>
 *
 * Found: unknown attributes, event types, properties, segments, scores, tierings and tiers (with a
 * "did you mean"); operators that do not apply to an attribute's type; literals of the wrong type;
 * invalid RE2 patterns; cycles among segments, scores and tierings; rules beyond the {@link
 * Limits}; and, as warnings, conditions that can never match. Checking never throws on a bad rule
 * and never recurses, so a hostile tree cannot overflow the stack. Immutable and thread-safe.
 */
public final class Checker {
  private final Limits limits;

  private Checker(Limits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("limits must not be null");
    }
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

  /**
   * Every issue of {@code condition} on its own; paths are relative to it ("" is the condition
   * itself). References to segments, scores and tierings cannot be resolved without a catalog and
   * are reported as errors: check the catalog instead.
   */
  public CheckResult check(Condition condition, Schema schema) {
    if (condition == null || schema == null) {
      throw new IllegalArgumentException("condition and schema must not be null");
    }
    Walk walk = new Walk(schema, null, limits);
    walk.condition(condition, "");
    return new CheckResult(ImmutableList.copyOf(walk.issues()));
  }

  /** Every issue of {@code catalog}; paths start at the catalog, e.g. {@code /segments/0/where}. */
  public CheckResult check(Catalog catalog, Schema schema) {
    if (catalog == null || schema == null) {
      throw new IllegalArgumentException("catalog and schema must not be null");
    }
    Consumer<Catalog> probe = catalogChecks;
    if (probe != null) {
      probe.accept(catalog);
    }
    Walk walk = new Walk(schema, catalog, limits);
    walk.catalog();
    ImmutableList<Issue> issues = ImmutableList.copyOf(walk.issues());
    boolean clean = issues.stream().noneMatch(i -> i.severity() == Severity.ERROR);
    // Without errors every issue is a warning, which the checked catalog carries.
    return new CheckResult(
        issues,
        clean ? new CheckedCatalog(catalog, schema, limits, walk.references(), issues) : null);
  }

  /**
   * Checks {@code catalog} and returns it as checked, for the engines to compile without checking
   * again.
   *
   * @throws CheckException with every issue when the check finds an error
   */
  public CheckedCatalog checked(Catalog catalog, Schema schema) {
    return check(catalog, schema).checked();
  }

  /**
   * Called with every catalog a checker is about to check; for the test that proves each compile
   * checks once. Null (the default) costs one volatile read per check.
   */
  static volatile Consumer<Catalog> catalogChecks;
}
