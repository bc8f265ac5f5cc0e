package dev.segmentation.check;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** Thrown when a caller asks for a checked rule that has errors; carries every issue. */
public final class CheckException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient ImmutableList<Issue> issues;

  public CheckException(List<Issue> issues) {
    super(message(issues));
    this.issues = ImmutableList.copyOf(issues);
  }

  private static String message(List<Issue> issues) {
    StringBuilder sb = new StringBuilder();
    sb.append(issues.size()).append(issues.size() == 1 ? " problem" : " problems");
    for (Issue i : issues) {
      sb.append("\n  ").append(i);
    }
    return sb.toString();
  }

  /** Every issue found, errors and warnings, in document order. */
  public List<Issue> issues() {
    return issues;
  }
}
