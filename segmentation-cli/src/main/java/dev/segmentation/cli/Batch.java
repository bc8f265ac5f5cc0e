package dev.segmentation.cli;

import dev.segmentation.model.SchemaCustomer;

/**
 * Evaluates every segment, tiering, score and RFM model of a catalog over customers that arrive one
 * at a time, then hands back the whole {@link Segmentation}.
 */
interface Batch {

  /**
   * Takes the next customer (row {@code n} for the n-th call).
   *
   * @throws dev.segmentation.model.InvalidDataException when the customer's data cannot be
   *     evaluated
   */
  default void add(SchemaCustomer customer) {
    add(customer, prepare(customer));
  }

  /**
   * What this batch can work out for a customer before {@link #add(SchemaCustomer, Object)}, on any
   * thread (so that several threads share the work); null when there is nothing to do early.
   *
   * @throws dev.segmentation.model.InvalidDataException when the customer's data cannot be
   *     evaluated
   */
  default Object prepare(SchemaCustomer customer) {
    return null;
  }

  /**
   * Takes the next customer (row {@code n} for the n-th call) with what {@link #prepare} made of
   * it.
   *
   * @throws dev.segmentation.model.InvalidDataException when the customer's data cannot be
   *     evaluated
   */
  void add(SchemaCustomer customer, Object prepared);

  /** The results of all customers added, in order. */
  Segmentation finish();
}
