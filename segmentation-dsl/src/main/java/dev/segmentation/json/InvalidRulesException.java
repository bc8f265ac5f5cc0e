package dev.segmentation.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.segmentation.check.Issue;
import java.util.List;

/**
 * A rules document or condition read through an {@code ObjectMapper} (with {@link
 * SegmentationModule}) has problems: a Jackson {@link JsonMappingException}, so that web frameworks
 * answer 400 Bad Request as for any unreadable body, carrying every problem with its JSON Pointer.
 * {@link RulesJson} throws the unchecked {@link RulesException} with the same problems.
 */
public final class InvalidRulesException extends JsonMappingException {
  private static final long serialVersionUID = 1L;

  private final transient List<Issue> problems;

  InvalidRulesException(JsonParser parser, RulesException cause) {
    super(parser, cause.getMessage(), cause);
    this.problems = List.copyOf(cause.problems());
  }

  /** Every problem, errors and warnings, in document order. */
  public List<Issue> problems() {
    return problems;
  }
}
