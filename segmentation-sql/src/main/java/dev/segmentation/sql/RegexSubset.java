package dev.segmentation.sql;

/**
 * Translates the part of RE2's syntax whose meaning is provably the same in PostgreSQL's advanced
 * regular expressions and in Java's {@code java.util.regex} (Spark's RLIKE): literal characters,
 * {@code .} (any character but a newline), {@code ^} and {@code $} at the ends of the text,
 * alternation, groups, greedy quantifiers with counts up to 255, bracket classes of literal
 * characters and ASCII ranges, and {@code \d \s \w} with their ASCII meanings. Everything else
 * (Unicode classes, word boundaries, flags, lazy quantifiers, POSIX classes, back references) is
 * refused with an {@link IllegalArgumentException} that says what, because those engines define it
 * differently (locale-dependent classes, {@code $} before a final newline in Java).
 *
 * <pre>{@code
 * RegexSubset.toPostgres("^(fi|se)$");  // "^(fi|se)$"
 * RegexSubset.toPostgres("\\bcom\\b");  // throws: \b is not in the subset
 * }</pre>
 */
final class RegexSubset {
  private RegexSubset() {}

  /** Largest repetition count both PostgreSQL (DUPMAX) and RE2 accept. */
  private static final int MAX_REPEAT = 255;

  private static final String DIGITS = "0-9";
  private static final String SPACES = "\t\n\f\r ";
  private static final String WORD = "0-9A-Za-z_";

  static String toPostgres(String re2) {
    return new RegexSubset.Translation(re2, false).run();
  }

  static String toJava(String re2) {
    return new RegexSubset.Translation(re2, true).run();
  }

  private static final class Translation {
    private final String in;
    private final boolean java;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int depth;

    Translation(String in, boolean java) {
      this.in = in;
      this.java = java;
    }

    String run() {
      alternation();
      if (pos < in.length()) {
        throw refuse("an unbalanced ')'");
      }
      return out.toString();
    }

    private IllegalArgumentException refuse(String what) {
      return new IllegalArgumentException(
          "the pattern uses " + what + ", which is outside the subset translated exactly");
    }

    private void alternation() {
      sequence();
      while (pos < in.length() && in.charAt(pos) == '|') {
        pos++;
        out.append('|');
        sequence();
      }
    }

    private void sequence() {
      while (pos < in.length() && in.charAt(pos) != '|' && in.charAt(pos) != ')') {
        atom();
        quantifier();
      }
    }

    private void atom() {
      int c = in.codePointAt(pos);
      switch (c) {
        case '(':
          pos++;
          if (in.startsWith("?:", pos)) {
            pos += 2;
            out.append("(?:");
          } else if (pos < in.length() && in.charAt(pos) == '?') {
            throw refuse("a group with flags or a name \"(?\"");
          } else {
            out.append('(');
          }
          if (++depth > 100) {
            throw refuse("groups nested deeper than 100");
          }
          alternation();
          depth--;
          if (pos >= in.length() || in.charAt(pos) != ')') {
            throw refuse("an unclosed group");
          }
          pos++;
          out.append(')');
          return;
        case '.':
          pos++;
          out.append("[^\n]");
          return;
        case '^':
          pos++;
          out.append(java ? "\\A" : "^");
          return;
        case '$':
          pos++;
          // Java's $ also matches before a final line terminator; \z is RE2's $.
          out.append(java ? "\\z" : "$");
          return;
        case '[':
          bracket();
          return;
        case '\\':
          escape(false);
          return;
        case '*':
        case '+':
        case '?':
        case '{':
          throw refuse("a quantifier with nothing to repeat");
        default:
          pos += Character.charCount(c);
          literal(c, false);
      }
    }

    private void quantifier() {
      if (pos >= in.length()) {
        return;
      }
      char c = in.charAt(pos);
      if (c == '*' || c == '+' || c == '?') {
        pos++;
        out.append(c);
      } else if (c == '{') {
        int close = in.indexOf('}', pos);
        String body = close < 0 ? "" : in.substring(pos + 1, close);
        if (!body.matches("[0-9]{1,3}(,[0-9]{0,3})?")) {
          throw refuse("the repetition \"{" + body + "\"");
        }
        for (String n : body.split(",", -1)) {
          if (!n.isEmpty() && Integer.parseInt(n) > MAX_REPEAT) {
            throw refuse("a repetition count above " + MAX_REPEAT);
          }
        }
        out.append('{').append(body).append('}');
        pos = close + 1;
      } else {
        return;
      }
      if (pos < in.length()) {
        char next = in.charAt(pos);
        if (next == '?') {
          throw refuse("a lazy quantifier");
        }
        if (next == '*' || next == '+' || next == '{') {
          throw refuse("a quantifier on a quantifier");
        }
      }
    }

    private void bracket() {
      pos++; // [
      StringBuilder items = new StringBuilder();
      boolean negated = false;
      if (pos < in.length() && in.charAt(pos) == '^') {
        negated = true;
        pos++;
      }
      boolean first = true;
      while (true) {
        if (pos >= in.length()) {
          throw refuse("an unclosed '['");
        }
        int c = in.codePointAt(pos);
        if (c == ']' && !first) {
          pos++;
          break;
        }
        first = false;
        if (c == '[') {
          throw refuse("a POSIX class or '[' inside brackets");
        }
        int low;
        if (c == '\\') {
          String set = classEscape();
          if (set != null) {
            items.append(set);
            continue;
          }
          low = lastLiteral;
        } else {
          pos += Character.charCount(c);
          low = c;
        }
        if (pos + 1 < in.length() && in.charAt(pos) == '-' && in.charAt(pos + 1) != ']') {
          pos++;
          int high;
          if (in.charAt(pos) == '\\') {
            if (classEscape() != null) {
              throw refuse("a class as the end of a range");
            }
            high = lastLiteral;
          } else {
            high = in.codePointAt(pos);
            pos += Character.charCount(high);
          }
          if (!asciiAlnum(low) || !asciiAlnum(high) || kind(low) != kind(high) || low > high) {
            throw refuse("a range other than within ASCII digits or letters");
          }
          items.append((char) low).append('-').append((char) high);
        } else {
          items.append(bracketLiteral(low));
        }
      }
      out.append('[').append(negated ? "^" : "").append(items).append(']');
    }

    private int lastLiteral;

    /** After '\' inside brackets: the set for \d \s \w, or null with the literal in lastLiteral. */
    private String classEscape() {
      if (pos + 1 >= in.length()) {
        throw refuse("a trailing backslash");
      }
      char e = in.charAt(pos + 1);
      switch (e) {
        case 'd':
          pos += 2;
          return DIGITS;
        case 's':
          pos += 2;
          return SPACES;
        case 'w':
          pos += 2;
          return WORD;
        default:
          lastLiteral = escapedCharacter();
          return null;
      }
    }

    private void escape(boolean unused) {
      if (pos + 1 >= in.length()) {
        throw refuse("a trailing backslash");
      }
      char e = in.charAt(pos + 1);
      switch (e) {
        case 'd':
          pos += 2;
          out.append('[').append(DIGITS).append(']');
          return;
        case 'D':
          pos += 2;
          out.append("[^").append(DIGITS).append(']');
          return;
        case 's':
          pos += 2;
          out.append('[').append(SPACES).append(']');
          return;
        case 'S':
          pos += 2;
          out.append("[^").append(SPACES).append(']');
          return;
        case 'w':
          pos += 2;
          out.append('[').append(WORD).append(']');
          return;
        case 'W':
          pos += 2;
          out.append("[^").append(WORD).append(']');
          return;
        default:
          literal(escapedCharacter(), false);
      }
    }

    /** Reads an escape that stands for one character: \n, \t, \x41, \x{1F600}, \. and so on. */
    private int escapedCharacter() {
      char e = in.charAt(pos + 1);
      switch (e) {
        case 'n':
          pos += 2;
          return '\n';
        case 't':
          pos += 2;
          return '\t';
        case 'r':
          pos += 2;
          return '\r';
        case 'f':
          pos += 2;
          return '\f';
        case 'x':
          {
            int start = pos + 2;
            String hex;
            int end;
            if (start < in.length() && in.charAt(start) == '{') {
              int close = in.indexOf('}', start);
              if (close < 0) {
                throw refuse("an unclosed \\x{");
              }
              hex = in.substring(start + 1, close);
              end = close + 1;
            } else {
              hex = in.substring(start, Math.min(start + 2, in.length()));
              end = start + 2;
            }
            if (!hex.matches("[0-9A-Fa-f]{1,6}")) {
              throw refuse("the escape \\x" + hex);
            }
            int cp = Integer.parseInt(hex, 16);
            if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) {
              throw refuse("the escape \\x" + hex);
            }
            pos = end;
            return cp;
          }
        default:
          if (e < 0x80 && !Character.isLetterOrDigit(e)) {
            pos += 2;
            return e;
          }
          throw refuse("the escape \\" + e);
      }
    }

    private void literal(int c, boolean unused) {
      if (c == 0) {
        throw refuse("the NUL character");
      }
      if (c == '\n') {
        out.append(java ? "\\n" : "\n");
      } else if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ' && c >= 0x20) {
        out.append('\\').append((char) c); // punctuation: always literal after a backslash
      } else {
        out.appendCodePoint(c);
      }
    }

    private String bracketLiteral(int c) {
      if (c == 0) {
        throw refuse("the NUL character");
      }
      if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ' && c >= 0x20) {
        return "\\" + (char) c;
      }
      return new String(Character.toChars(c));
    }

    private static boolean asciiAlnum(int c) {
      return c < 0x80 && Character.isLetterOrDigit(c);
    }

    private static int kind(int c) {
      return c >= '0' && c <= '9' ? 0 : c >= 'a' && c <= 'z' ? 1 : 2;
    }
  }
}
