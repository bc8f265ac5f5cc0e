package dev.segmentation.benchmarks;

/** One rule prepared by one contender over one population: counts the customers it matches. */
@FunctionalInterface
public interface Evaluator {

  /** The number of customers for whom the rule is TRUE. */
  int countMatches();
}
