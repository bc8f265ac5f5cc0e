package dev.segmentation.internal;

import java.util.Locale;

/**
 * Case-insensitive prefix, suffix and substring tests defined as "compare {@code
 * toLowerCase(Locale.ROOT)} of both sides", where the needle is lowercased once in advance. Values
 * that are pure ASCII (most ids, emails, paths) are tested in place without allocating; others are
 * lowercased with {@link String#toLowerCase(Locale)} so that the result is exactly the definition.
 *
 * <pre>{@code
 * String needle = CaseFolding.lower("@Example.COM");
 * CaseFolding.endsWith("ann@EXAMPLE.com", needle); // true
 * }</pre>
 */
public final class CaseFolding {
  private CaseFolding() {}

  /** {@code s.toLowerCase(Locale.ROOT)}: the form needles must be given in. */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Whether lower(value) starts with {@code lowerNeedle}. */
  public static boolean startsWith(String value, String lowerNeedle) {
    if (isAscii(value)) {
      return lowerNeedle.length() <= value.length() && regionEquals(value, 0, lowerNeedle);
    }
    return lower(value).startsWith(lowerNeedle);
  }

  /** Whether lower(value) ends with {@code lowerNeedle}. */
  public static boolean endsWith(String value, String lowerNeedle) {
    if (isAscii(value)) {
      int offset = value.length() - lowerNeedle.length();
      return offset >= 0 && regionEquals(value, offset, lowerNeedle);
    }
    return lower(value).endsWith(lowerNeedle);
  }

  /** Whether lower(value) contains {@code lowerNeedle}. */
  public static boolean contains(String value, String lowerNeedle) {
    if (isAscii(value)) {
      int last = value.length() - lowerNeedle.length();
      for (int i = 0; i <= last; i++) {
        if (regionEquals(value, i, lowerNeedle)) {
          return true;
        }
      }
      return false;
    }
    return lower(value).contains(lowerNeedle);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  // value is ASCII here, so lowercasing it char by char equals toLowerCase(Locale.ROOT).
  private static boolean regionEquals(String value, int offset, String lowerNeedle) {
    for (int j = 0; j < lowerNeedle.length(); j++) {
      char c = value.charAt(offset + j);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lowerNeedle.charAt(j)) {
        return false;
      }
    }
    return true;
  }
}
