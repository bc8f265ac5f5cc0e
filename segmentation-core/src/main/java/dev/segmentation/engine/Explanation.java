package dev.segmentation.engine;

import com.google.common.collect.ImmutableList;
import dev.segmentation.condition.Kind;
import dev.segmentation.condition.Truth;
import java.util.List;

/**
 * Why a condition gave its result for one customer: a tree with one node per condition node, each
 * with its result, the value read and what was expected.
 *
 * <pre>{@code
 * Explanation e = compiled.explain("nordic-adults", customer, ctx);
 * System.out.println(e.toText());
 * // FALSE  and
 * //   TRUE  age >= 18  (actual 45)
 * //   FALSE  country in ["FI", "SE", "NO"]  (actual "DE")
 * e.whyNot(); // country is "DE", expected in ["FI", "SE", "NO"]
 * }</pre>
 *
 * A leaf's {@code description} is its subject (e.g. {@code age}) followed by a space and {@code
 * expected} (e.g. {@code >= 18}); {@code actual} is the value read, {@code "missing"} when there is
 * none. Logical nodes are described as {@code and}, {@code or} and {@code not} and have neither.
 *
 * @param kind the kind of the condition node explained (an AND, a comparison, an event condition,
 *     ...); null for a node that explains no condition node: a score's rules and caps, the steps of
 *     a tiering or an RFM model
 * @param description what the node tests, in the rules' words
 * @param result the node's result
 * @param actual the value read, formatted; null for nodes that read no value
 * @param expected what the value had to satisfy, e.g. {@code >= 18}; null for logical nodes
 * @param children the explanations of the sub-conditions, in order
 */
public record Explanation(
    Kind kind,
    String description,
    Truth result,
    String actual,
    String expected,
    List<Explanation> children) {

  /** The value of {@link #actual()} for a value that is missing. */
  public static final String MISSING = "missing";

  public Explanation {
    if (description == null || result == null) {
      throw new IllegalArgumentException("an explanation needs a description and a result");
    }
    children = children == null ? ImmutableList.of() : ImmutableList.copyOf(children);
  }

  /** A node that explains no condition node ({@link #kind()} null). */
  public Explanation(
      String description,
      Truth result,
      String actual,
      String expected,
      List<Explanation> children) {
    this(null, description, result, actual, expected, children);
  }

  /** A node without children that explains no condition node. */
  public static Explanation leaf(String description, Truth result, String actual, String expected) {
    return leaf(null, description, result, actual, expected);
  }

  /** A node without children. */
  public static Explanation leaf(
      Kind kind, String description, Truth result, String actual, String expected) {
    return new Explanation(kind, description, result, actual, expected, ImmutableList.of());
  }

  /**
   * The tree as indented text, one node per line, two spaces per level: the result, two spaces, the
   * description, and {@code (actual ...)} when a value was read. The format is stable.
   *
   * <pre>
   * FALSE  and
   *   TRUE  age &gt;= 18  (actual 45)
   *   UNKNOWN  country = "FI"  (actual missing)
   * </pre>
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    appendText(sb, 0);
    return sb.toString();
  }

  private void appendText(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth)).append(result.name()).append("  ").append(description);
    if (actual != null) {
      sb.append("  (actual ").append(actual).append(')');
    }
    sb.append('\n');
    for (Explanation child : children) {
      child.appendText(sb, depth + 1);
    }
  }

  /**
   * The shortest reason this node is not TRUE, e.g. {@code "country is missing"} or {@code "age is
   * 25, expected >= 30"}; the empty string when it is TRUE. Under an AND the shortest reason among
   * the operands that decided the result is given; under an OR, every operand's reason.
   */
  public String whyNot() {
    if (result == Truth.TRUE) {
      return "";
    }
    if (isLeaf()) {
      return MISSING.equals(actual)
          ? subject() + " is missing"
          : subject() + " is " + actual + ", expected " + expected;
    }
    if (kind == Kind.AND) {
      return shortestReason(result);
    }
    if (kind == Kind.OR) {
      return allReasons();
    }
    if (kind == Kind.NOT) {
      return whyNotOfNot();
    }
    if (children.isEmpty()) {
      // "never (reason)" says it all; other constants and summaries state their result.
      return kind == Kind.NEVER
          ? description
          : description + " is " + result.name().toLowerCase(java.util.Locale.ROOT);
    }
    String reason = shortestReason(result);
    return reason.isEmpty() ? description : description + ": " + reason;
  }

  private boolean isLeaf() {
    return actual != null && expected != null;
  }

  /** The description without the trailing expectation: {@code age} of {@code age >= 30}. */
  private String subject() {
    String suffix = " " + expected;
    return description.endsWith(suffix)
        ? description.substring(0, description.length() - suffix.length())
        : description;
  }

  // Among children with the given result (those that decided it), the shortest reason.
  private String shortestReason(Truth decisive) {
    String best = null;
    for (Explanation c : children) {
      if (c.result == decisive) {
        String r = c.whyNot();
        if (best == null || r.length() < best.length()) {
          best = r;
        }
      }
    }
    if (best == null) {
      for (Explanation c : children) {
        if (c.result != Truth.TRUE) {
          String r = c.whyNot();
          if (best == null || r.length() < best.length()) {
            best = r;
          }
        }
      }
    }
    return best == null ? "" : best;
  }

  private String allReasons() {
    StringBuilder sb = new StringBuilder();
    for (Explanation c : children) {
      if (c.result != Truth.TRUE) {
        sb.append(sb.length() == 0 ? "" : "; and ").append(c.whyNot());
      }
    }
    return sb.length() == 0 ? "no operand" : sb.toString();
  }

  private String whyNotOfNot() {
    Explanation operand = children.get(0);
    if (operand.result == Truth.UNKNOWN) {
      return operand.whyNot();
    }
    if (operand.isLeaf() && !MISSING.equals(operand.actual)) {
      return operand.subject() + " is " + operand.actual + ", expected not " + operand.expected;
    }
    return operand.inline() + " is true";
  }

  /** The condition on one line: leaves by description, logic with parentheses. */
  private String inline() {
    if (kind == Kind.AND || kind == Kind.OR) {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < children.size(); i++) {
        sb.append(i == 0 ? "" : " " + description + " ").append(children.get(i).inline());
      }
      return sb.append(')').toString();
    }
    if (kind == Kind.NOT) {
      return "not " + children.get(0).inline();
    }
    return description;
  }

  @Override
  public String toString() {
    return toText();
  }
}
