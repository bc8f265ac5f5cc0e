/**
 * Low-level building blocks shared by the engines: primitive hash sets, exact orders of numbers,
 * strings and instants, and case folding without allocation. Not part of the public API: nothing
 * here is stable across versions.
 */
package dev.segmentation.internal;
