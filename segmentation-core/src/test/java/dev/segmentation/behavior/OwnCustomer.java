package dev.segmentation.behavior;

import dev.segmentation.model.Customer;
import dev.segmentation.model.Event;
import java.util.List;

/**
 * A customer class of a user's own, with no attribute values and its purchases as the list given
 * (in whatever order, or null): the engine cannot trust it as it trusts a {@code SchemaCustomer}.
 */
final class OwnCustomer {
  private OwnCustomer() {}

  static Customer withPurchases(String id, List<Event> purchases) {
    return new Customer() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Object value(String attribute) {
        return null;
      }

      @Override
      public List<Event> events(String eventType) {
        return eventType.equals("purchase") ? purchases : List.of();
      }
    };
  }
}
