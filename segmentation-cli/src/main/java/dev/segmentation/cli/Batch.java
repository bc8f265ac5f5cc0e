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
  void add(SchemaCustomer customer);

  /** The results of all customers added, in order. */
  Segmentation finish();
}
