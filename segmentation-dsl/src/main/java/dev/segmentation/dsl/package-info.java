/** dsl module. */
package dev.segmentation.dsl;
