package dev.segmentation.model;

/**
 * Customer or event data that does not fit its schema: an unknown attribute, a value of the wrong
 * type, NaN, a missing id. The message names the customer and the attribute.
 */
public final class InvalidDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String customerId;
  private final String attribute;

  public InvalidDataException(String customerId, String attribute, String problem) {
    super(
        "customer "
            + (customerId == null ? "(no id)" : "\"" + customerId + "\"")
            + (attribute == null ? "" : ", attribute \"" + attribute + "\"")
            + ": "
            + problem);
    this.customerId = customerId;
    this.attribute = attribute;
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
