package dev.segmentation.check;

import com.google.common.collect.ImmutableList;

/**
 * Every issue a check found, in document order. Checking never throws on a bad rule; call {@link
 * #throwIfErrors()} when you want an exception instead.
 *
 * @param issues errors and warnings
 */
public record CheckResult(ImmutableList<Issue> issues) {
  public CheckResult {
    issues = issues == null ? ImmutableList.of() : ImmutableList.copyOf(issues);
  }

  /** True when there is no error (warnings allowed). */
  public boolean isOk() {
    return errors().isEmpty();
  }

  /** The errors only. */
  public ImmutableList<Issue> errors() {
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
}
