package dev.segmentation.check;

import dev.segmentation.internal.Text;
import java.util.Locale;

/**
 * Text from untrusted rules or data made safe to echo in one line of a message: control characters,
 * line and paragraph separators and bidirectional controls become Java-style escapes, so that a
 * name cannot forge a line of output or reorder what a terminal shows. Issues, the rules reader's
 * problems and the command line's messages all echo names through it.
 *
 * <pre>{@code
 * Printable.escape("x\nrules.json: OK"); // "x\\nrules.json: OK"
 * }</pre>
 */
public final class Printable {
  private Printable() {}

  /**
   * {@code text} shortened as every message of the library shortens echoed values: at most 60
   * characters, then {@code ...}. Not escaped: echo it through {@link #escape}.
   */
  public static String abbreviate(String text) {
    return Text.abbreviate(text);
  }

  /** {@code text} with every character that {@link #isUnsafe} accepts escaped. */
  public static String escape(String text) {
    int i = 0;
    while (i < text.length() && !isUnsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUnsafe(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional marks,
   * embeddings, overrides and isolates.
   */
  static boolean isUnsafe(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }
}
