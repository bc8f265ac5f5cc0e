package dev.segmentation.json;

import com.google.common.collect.ImmutableList;

/**
 * A rules document could not be read: carries every problem found, not only the first. Nothing of
 * the document is returned when this is thrown.
 */
public final class RulesException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient ImmutableList<Problem> problems;

  RulesException(String source, ImmutableList<Problem> problems) {
    super(message(source, problems));
    this.problems = problems;
  }

  private static String message(String source, ImmutableList<Problem> problems) {
    long errors = problems.stream().filter(p -> !p.warning()).count();
    StringBuilder sb = new StringBuilder(source).append(": ");
    sb.append(errors).append(errors == 1 ? " error" : " errors");
    for (Problem p : problems) {
      sb.append('\n').append(source).append(": ").append(p);
    }
    return sb.toString();
  }

  /** Every problem, errors and warnings, in document order. */
  public ImmutableList<Problem> problems() {
    return problems;
  }
}
