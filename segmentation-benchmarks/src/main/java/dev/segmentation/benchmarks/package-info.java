/** benchmarks module. */
package dev.segmentation.benchmarks;
