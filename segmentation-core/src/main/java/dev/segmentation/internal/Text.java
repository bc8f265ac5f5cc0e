package dev.segmentation.internal;

/** Shortening of echoed text, the one rule for every message of the library. */
public final class Text {
  private Text() {}

  /** The most characters of a value a message echoes. */
  public static final int ECHOED = 60;

  /**
   * {@code s} itself when it has at most {@value #ECHOED} characters, otherwise its first ones
   * (never half a surrogate pair) and {@code ...}.
   */
  public static String abbreviate(String s) {
    if (s.length() <= ECHOED) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(ECHOED - 1)) ? ECHOED - 1 : ECHOED;
    return s.substring(0, end) + "...";
  }
}
