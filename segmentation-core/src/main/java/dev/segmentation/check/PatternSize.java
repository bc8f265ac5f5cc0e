package dev.segmentation.check;

/**
 * The size of the program a regular expression compiles to, measured on its text before it is
 * compiled: RE2 (and re2j) expand a counted repeat {@code x{n}} into n copies of {@code x}, so
 * {@code ((a{1000}){1000}){10}}, 21 characters, would compile to ten million instructions.
 *
 * <p>Two numbers: the largest product of nested repeat counts (RE2 itself refuses more than 1,000;
 * re2j does not check it), and the estimated instruction count (each atom times the repeat counts
 * around it). The scan follows RE2's syntax far enough to find atoms, groups and repeats; on text
 * it does not understand it errs on the large side, and the compiler still checks the syntax.
 */
final class PatternSize {
  /** RE2's own limit on the product of nested repeat counts. */
  static final int MAX_REPEAT_PRODUCT = 1_000;

  private static final long CAP = 1L << 40;

  final long repeatProduct;
  final long instructions;

  private PatternSize(long repeatProduct, long instructions) {
    this.repeatProduct = repeatProduct;
    this.instructions = instructions;
  }

  /** One group being scanned: the size and deepest product so far, and the last atom's. */
  private static final class Frame {
    long size;
    long product = 1;
    long lastSize;
    long lastProduct = 1;

    void atom(long size, long product) {
      this.size = sat(this.size + size);
      this.product = Math.max(this.product, product);
      lastSize = size;
      lastProduct = product;
    }

    /** {@code *}, {@code +}, {@code ?}: a branch around the atom, no copies. */
    void loop() {
      size = sat(size + 1);
      lastSize = sat(lastSize + 1);
    }

    void repeat(long count) {
      size = sat(size + sat(lastSize * Math.max(count - 1, 0)));
      lastSize = sat(lastSize * count);
      lastProduct = sat(lastProduct * Math.max(count, 1));
      product = Math.max(product, lastProduct);
    }
  }

  static PatternSize of(String p) {
    Frame[] stack = new Frame[p.length() + 2];
    int depth = 0;
    stack[0] = new Frame();
    int i = 0;
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      Frame f = stack[depth];
      switch (c) {
        case '\\':
          if (i + 1 < n && p.charAt(i + 1) == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            int stop = end < 0 ? n : end;
            for (int k = i + 2; k < stop; k++) {
              f.atom(1, 1);
            }
            i = end < 0 ? n : end + 2;
          } else {
            i = skipEscape(p, i);
            f.atom(1, 1);
          }
          break;
        case '[':
          i = skipClass(p, i);
          f.atom(1, 1);
          break;
        case '(':
          stack[++depth] = new Frame();
          i++;
          break;
        case ')':
          if (depth > 0) {
            Frame inner = stack[depth--];
            stack[depth].atom(Math.max(inner.size, 1), inner.product);
          }
          i++;
          break;
        case '*':
        case '+':
        case '?':
          f.loop();
          i++;
          break;
        case '{':
          {
            int close = p.indexOf('}', i);
            long count = close < 0 ? -1 : repeatCount(p, i + 1, close);
            if (count < 0) {
              f.atom(1, 1); // a literal brace, as in RE2
              i++;
            } else {
              f.repeat(count);
              i = close + 1;
            }
            break;
          }
        case '|':
          f.lastSize = 0;
          f.lastProduct = 1;
          i++;
          break;
        default:
          f.atom(1, 1);
          i++;
      }
    }
    while (depth > 0) {
      Frame inner = stack[depth--];
      stack[depth].atom(inner.size, inner.product);
    }
    return new PatternSize(stack[0].product, stack[0].size);
  }

  /** The larger count of {@code {n}}, {@code {n,}} (n) or {@code {n,m}}, or -1 if not one. */
  private static long repeatCount(String p, int from, int close) {
    String body = p.substring(from, close);
    int comma = body.indexOf(',');
    String low = comma < 0 ? body : body.substring(0, comma);
    String high = comma < 0 ? null : body.substring(comma + 1);
    if (!digits(low) || (high != null && !high.isEmpty() && !digits(high))) {
      return -1;
    }
    long n = number(low);
    if (high == null) {
      return n;
    }
    return high.isEmpty() ? n : Math.max(n, number(high));
  }

  private static boolean digits(String s) {
    return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  private static long number(String s) {
    return s.length() > 12 ? CAP : Long.parseLong(s);
  }

  /** Past an escape: {@code \p{Greek}} and {@code \x{10FFFF}} take their braces along. */
  private static int skipEscape(String p, int at) {
    int i = at + 2;
    if (i <= p.length() && i - 1 < p.length()) {
      char kind = p.charAt(i - 1);
      if ((kind == 'p' || kind == 'P' || kind == 'x') && i < p.length() && p.charAt(i) == '{') {
        int close = p.indexOf('}', i);
        return close < 0 ? p.length() : close + 1;
      }
      if ((kind == 'p' || kind == 'P') && i < p.length()) {
        return i + 1;
      }
    }
    return Math.min(i, p.length());
  }

  /**
   * Past a character class, with {@code []...]}, {@code [^]...]}, escapes and {@code [:alpha:]}.
   */
  private static int skipClass(String p, int at) {
    int i = at + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '\\') {
        i = skipEscape(p, i);
      } else if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
        int close = p.indexOf(":]", i + 2);
        i = close < 0 ? i + 1 : close + 2;
      } else if (c == ']') {
        return i + 1;
      } else {
        i++;
      }
    }
    return p.length();
  }

  private static long sat(long v) {
    return v < 0 || v > CAP ? CAP : v;
  }
}
