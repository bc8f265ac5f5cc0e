package dev.segmentation.plan.eval;

import dev.segmentation.condition.Truth;
import dev.segmentation.engine.Explanation;
import dev.segmentation.model.Customer;
import dev.segmentation.model.ValueSource;

/**
 * A compiled condition node. Implementations are immutable and precompute everything that does not
 * depend on the customer, so that {@link #eval} allocates nothing.
 */
abstract class Node {

  /**
   * The node's result.
   *
   * @param src where attribute values are read: the customer, or an event inside an event filter
   * @param customer the customer evaluated (for its events, references and error messages)
   * @param bounds the time bounds of the evaluation context
   * @param memo results of the catalog's segments already evaluated for this customer, indexed by
   *     segment, or null to evaluate referenced segments on demand. Invariant: when not null, every
   *     segment this node references has been evaluated for this customer (the catalog evaluates in
   *     dependency order).
   */
  abstract Truth eval(ValueSource src, Customer customer, Bounds bounds, Truth[] memo);

  /** The node's result with its reasons; the result always equals {@link #eval}'s. */
  abstract Explanation explain(ValueSource src, Customer customer, Bounds bounds);
}
