package dev.segmentation.model;

/**
 * Customer or event data that does not fit its schema: an unknown attribute, a value of the wrong
 * type, NaN, a missing id. The message names the customer and the attribute.
 */
public final class InvalidDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String customerId;
  private final String attribute;
  private final String problem;

  public InvalidDataException(String customerId, String attribute, String problem) {
    super(
        "customer "
            + (customerId == null ? "(no id)" : "\"" + customerId + "\"")
            + (attribute == null ? "" : ", attribute \"" + attribute + "\"")
            + ": "
            + problem);
    this.customerId = customerId;
    this.attribute = attribute;
    this.problem = problem;
  }

  /**
   * The same problem, naming {@code id} as the customer: for a reader that finds out which customer
   * it was reading only when a value does not fit (computing the id costs a user's accessor call).
   */
  InvalidDataException naming(String id) {
    InvalidDataException named = new InvalidDataException(id, attribute, problem);
    named.setStackTrace(getStackTrace());
    return named;
  }

  /** The id of the customer whose data is invalid, or null when it has none. */
  public String customerId() {
    return customerId;
  }

  /** The attribute (or event property) that is invalid, or null when the problem is elsewhere. */
  public String attribute() {
    return attribute;
  }
}
