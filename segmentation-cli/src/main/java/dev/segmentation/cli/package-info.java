/** cli module. */
package dev.segmentation.cli;
