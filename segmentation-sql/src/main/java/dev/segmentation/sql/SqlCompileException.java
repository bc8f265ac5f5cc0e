package dev.segmentation.sql;

/**
 * A catalog, a literal or a name that a dialect cannot evaluate with the library's exact meaning.
 * The message names the segment (or score, tiering, RFM model), the JSON Pointer of the node and
 * the dialect, e.g. {@code segment "vip" at /segments/0/where/of/1/value: the pattern "\bfoo" uses
 * \b, which PostgreSQL does not match as RE2 does}.
 */
public final class SqlCompileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;

  SqlCompileException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** The JSON Pointer of the refused node, or "" when the refusal is not about one node. */
  public String path() {
    return path;
  }
}
