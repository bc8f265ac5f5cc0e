package dev.segmentation.check;

/** How bad an issue is: errors make a rule unusable, warnings do not. */
public enum Severity {
  ERROR,
  WARNING
}
