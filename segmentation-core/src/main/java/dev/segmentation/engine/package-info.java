/**
 * What every engine shares: the {@link dev.segmentation.engine.EvaluationContext} (the instant and
 * zone an evaluation happens at) and the {@link dev.segmentation.engine.Explanation} of a result.
 */
package dev.segmentation.engine;
