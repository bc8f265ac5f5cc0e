package dev.segmentation.check;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Every issue a check found, in document order. Checking never throws on a bad rule; call {@link
 * #throwIfErrors()} when you want an exception instead, or {@link #checked()} for the catalog the
 * engines compile.
 */
public final class CheckResult {
  private final ImmutableList<Issue> issues;
  private final CheckedCatalog checked; // a catalog (not a lone condition) without error; or null

  /** A result of {@code issues} (errors and warnings). */
  public CheckResult(List<Issue> issues) {
    this(issues, null);
  }

  CheckResult(List<Issue> issues, CheckedCatalog checked) {
    this.issues = issues == null ? ImmutableList.of() : ImmutableList.copyOf(issues);
    this.checked = checked;
  }

  /** Errors and warnings, in document order. */
  public List<Issue> issues() {
    return issues;
  }

  /** True when there is no error (warnings allowed). */
  public boolean isOk() {
    return errors().isEmpty();
  }

  /** The errors only. */
  public List<Issue> errors() {
    return issues.stream()
        .filter(i -> i.severity() == Severity.ERROR)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns normally when there is no error.
   *
   * @throws CheckException with every issue when there is an error
   */
  public void throwIfErrors() {
    if (!isOk()) {
      throw new CheckException(issues);
    }
  }

  /**
   * The checked catalog, for the engines to compile without checking again.
   *
   * @throws CheckException with every issue when there is an error
   * @throws IllegalStateException when this is the result of checking a lone condition
   */
  public CheckedCatalog checked() {
    throwIfErrors();
    if (checked == null) {
      throw new IllegalStateException(
          "this result is of a lone condition; check a catalog to compile it");
    }
    return checked;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CheckResult r && r.issues.equals(issues);
  }

  @Override
  public int hashCode() {
    return issues.hashCode();
  }

  @Override
  public String toString() {
    return "CheckResult[issues=" + issues + "]";
  }
}
