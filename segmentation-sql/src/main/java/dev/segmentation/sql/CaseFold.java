package dev.segmentation.sql;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The library's {@code ignoreCase} folds both sides with Java's {@code toLowerCase(Locale.ROOT)}:
 * one code point to one code point by {@link Character#toLowerCase(int)}, except U+0130 (İ), which
 * becomes "i" followed by U+0307, and the final-sigma rule for Σ. SQL's {@code lower} differs
 * between databases (ASCII only under PostgreSQL's "C" collation, other Unicode versions, no İ
 * rule). So the compiler folds the value with functions whose meaning is fixed: {@code
 * replace(value, 'İ', 'i̇')}, then {@code translate} of exactly the characters that Java lowercases
 * to a character of the needle. A character that lowercases to anything else can never match a
 * needle character, before or after folding, so it is left alone. A needle with σ or ς (where the
 * final-sigma rule decides) or with characters Java's Unicode does not know is refused.
 */
final class CaseFold {
  private CaseFold() {}

  static final String DOTTED_CAPITAL_I = "\u0130";
  static final String DOTTED_CAPITAL_I_LOWER = "i\u0307";

  /**
   * The two strings of {@code translate(value, from, to)} for a needle, or throws when the needle
   * cannot be folded exactly.
   *
   * @param lowerNeedle the needle, already {@code toLowerCase(Locale.ROOT)}
   */
  static String[] translation(String lowerNeedle) {
    String[] cached = CACHE.get(lowerNeedle);
    if (cached != null) {
      return cached.clone();
    }
    String[] computed = compute(lowerNeedle);
    if (CACHE.size() < 4096) {
      CACHE.put(lowerNeedle, computed);
    }
    return computed.clone();
  }

  /** Needles seen before: the translation scans every code point, about a millisecond. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String[]> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String[] compute(String lowerNeedle) {
    if (!lowerNeedle.equals(lowerNeedle.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("the needle is not in lower case");
    }
    Set<Integer> wanted = new TreeSet<>();
    lowerNeedle
        .codePoints()
        .forEach(
            c -> {
              if (c == 'σ' || c == 'ς') {
                throw new IllegalArgumentException(
                    "ignoring case with a Greek sigma depends on the final-sigma rule, which SQL"
                        + " functions do not apply");
              }
              if (!Character.isDefined(c)) {
                throw new IllegalArgumentException(
                    String.format(
                        Locale.ROOT,
                        "U+%04X is not a character of Java's Unicode version, so its case folding"
                            + " may differ",
                        c));
              }
              wanted.add(c);
            });
    StringBuilder from = new StringBuilder();
    StringBuilder to = new StringBuilder();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (c == 0x0130 || (c >= 0xD800 && c <= 0xDFFF)) {
        continue; // İ is replaced before; surrogates are not characters
      }
      int lower = Character.toLowerCase(c);
      if (lower != c && wanted.contains(lower)) {
        from.appendCodePoint(c);
        to.appendCodePoint(lower);
      }
    }
    return new String[] {from.toString(), to.toString()};
  }
}
