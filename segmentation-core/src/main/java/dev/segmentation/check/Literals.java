package dev.segmentation.check;

import dev.segmentation.internal.Text;
import dev.segmentation.model.Attribute;
import dev.segmentation.model.AttributeType;
import dev.segmentation.model.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The checks of a leaf's literal values, for {@link Walk}: that a literal fits its attribute's
 * type, and that texts, patterns and lists stay within the {@link Limits}. Notes issues in the
 * walk's list.
 */
final class Literals {
  private final Limits limits;
  private final List<Issue> issues;

  Literals(Limits limits, List<Issue> issues) {
    this.limits = limits;
    this.issues = issues;
  }

  private void error(String path, String message) {
    issues.add(Issue.error(path, message));
  }

  /** Whether {@code value} fits the attribute's type; notes an issue when it does not. */
  boolean literal(Attribute<?> a, Object value, String path) {
    AttributeType t = a.type();
    boolean fits;
    switch (t) {
      case INTEGER:
      case NUMBER:
        fits = value instanceof Long || value instanceof Double;
        break;
      case STRING:
        fits = value instanceof String;
        if (fits) {
          string((String) value, path);
        }
        break;
      case BOOLEAN:
        fits = value instanceof Boolean;
        break;
      case DATE:
        fits = value instanceof LocalDate;
        break;
      case TIMESTAMP:
        fits = value instanceof Instant;
        break;
      case GEO_POINT:
        fits = value instanceof GeoPoint;
        break;
      default:
        fits = false;
    }
    if (!fits) {
      error(path, "attribute \"" + a.name() + "\" is " + t.inWords() + ", got " + show(value));
    }
    return fits;
  }

  void string(String s, String path) {
    if (s.length() > limits.maxStringLength()) {
      error(
          path,
          "the text has "
              + s.length()
              + " characters, more than the limit of "
              + limits.maxStringLength());
    }
  }

  void pattern(String p, String path) {
    if (p.length() > limits.maxPatternLength()) {
      error(
          path,
          "the pattern has "
              + p.length()
              + " characters, more than the limit of "
              + limits.maxPatternLength());
      return;
    }
    // Bound the compiled program before compiling: re2j expands counted repeats into copies.
    PatternSize size = PatternSize.of(p);
    if (size.repeatProduct > PatternSize.MAX_REPEAT_PRODUCT) {
      error(
          path,
          String.format(
              Locale.ROOT,
              "the pattern repeats too much: nested repeat counts multiply to %,d, more than the"
                  + " limit of %,d",
              size.repeatProduct,
              PatternSize.MAX_REPEAT_PRODUCT));
      return;
    }
    if (size.instructions > limits.maxPatternProgram()) {
      error(
          path,
          String.format(
              Locale.ROOT,
              "the pattern expands to about %,d instructions, more than the limit of %,d",
              size.instructions,
              limits.maxPatternProgram()));
      return;
    }
    try {
      com.google.re2j.Pattern.compile(p);
    } catch (com.google.re2j.PatternSyntaxException e) {
      error(
          path,
          "invalid regular expression: "
              + e.getDescription()
              + " in \""
              + Text.abbreviate(p)
              + "\"");
    }
  }

  boolean listSize(int size, String path) {
    if (size > limits.maxListSize()) {
      error(
          path, "the list has " + size + " values, more than the limit of " + limits.maxListSize());
      return false;
    }
    return true;
  }

  private static String show(Object value) {
    if (value instanceof String s) {
      return "\"" + Text.abbreviate(s) + "\"";
    }
    if (value instanceof LocalDate || value instanceof Instant) {
      AttributeType t = value instanceof LocalDate ? AttributeType.DATE : AttributeType.TIMESTAMP;
      return value + " (" + t.inWords() + ")";
    }
    return String.valueOf(value);
  }
}
