package dev.segmentation.internal;

/**
 * Orders strings by Unicode code point, which is what SQL databases with a binary UTF-8 collation
 * and the rules' documented semantics use. {@link String#compareTo} orders by UTF-16 unit instead,
 * which puts supplementary characters (emoji, U+10000 and up, stored as surrogates D800-DFFF)
 * before U+E000-U+FFFF; this comparison fixes that without allocating.
 *
 * <pre>{@code
 * CodePointOrder.compare("\uFFFF", "\uD83D\uDE00"); // < 0: U+FFFF is before U+1F600
 * }</pre>
 */
public final class CodePointOrder {
  private CodePointOrder() {}

  /** Negative, zero or positive as {@code a} is before, equal to or after {@code b}. */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x >= 0xD800 && y >= 0xD800) {
          // Move surrogates above U+E000-U+FFFF: then unit order is code point order.
          return fix(x) - fix(y);
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  private static int fix(char c) {
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
