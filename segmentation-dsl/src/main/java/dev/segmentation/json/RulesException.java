package dev.segmentation.json;

import com.google.common.collect.ImmutableList;
import dev.segmentation.check.Issue;
import java.util.List;

/**
 * A rules document could not be read: carries every problem found, not only the first. Nothing of
 * the document is returned when this is thrown.
 */
public final class RulesException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient ImmutableList<Issue> problems;

  RulesException(String source, ImmutableList<Issue> problems) {
    super(message(source, problems));
    this.problems = problems;
  }

  private static String message(String source, ImmutableList<Issue> problems) {
    long errors = problems.stream().filter(p -> !p.isWarning()).count();
    StringBuilder sb = new StringBuilder(source).append(": ");
    sb.append(errors).append(errors == 1 ? " error" : " errors");
    for (Issue p : problems) {
      sb.append('\n').append(source).append(": ").append(p);
    }
    return sb.toString();
  }

  /** Every problem, errors and warnings, in document order. */
  public List<Issue> problems() {
    return problems;
  }
}
