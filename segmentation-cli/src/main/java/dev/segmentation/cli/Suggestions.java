package dev.segmentation.cli;

import java.util.Collection;

/** Why an events or customers file has no id column, and which column it might be. */
final class Suggestions {
  private Suggestions() {}

  /**
   * Why an events file has no id column (or field) {@code expected}, with the option that names
   * another: {@code the header has no "customer" column; is it "customer_id"? Name it with
   * --events-id-column customer_id}.
   *
   * @param what "column" or "field"
   */
  static String missingIdColumn(String expected, String what, Collection<String> names) {
    String message = "the header has no \"" + expected + "\" " + what;
    if (what.equals("field")) {
      message = "the event has no \"" + expected + "\" field";
    }
    for (String name : names) {
      String n = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
      if (!name.equals(expected)
          && (n.equals("customerid")
              || n.equals("customer")
              || n.equals("custid")
              || n.equals("clientid")
              || n.equals("userid")
              || n.equals("id"))) {
        return message
            + "; is it "
            + TextValues.quote(name)
            + "? Name it with --events-id-column "
            + name;
      }
    }
    return message + " (the customer id; name another with --events-id-column)";
  }
}
