package dev.segmentation.readme;

import java.util.stream.Collectors;

/** The code between two marker comments of a document or a source file, for doc tests. */
final class Snippets {
  private Snippets() {}

  /**
   * The non-blank lines between the line holding {@code // <name>:start} and {@code // <name>:end},
   * stripped, with runs of white space made one space, so that a document's indentation and line
   * breaks may differ from the source's.
   */
  static String between(String text, String name) {
    int start = text.indexOf("// " + name + ":start");
    int end = text.indexOf("// " + name + ":end");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("no " + name + " markers in the text");
    }
    String body = text.substring(text.indexOf('\n', start) + 1, end);
    return body.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n"))
        .replaceAll("\\s+", " ");
  }

  /**
   * As {@link #between}, for a snippet in a javadoc comment of {@code source}: each line's leading
   * {@code *} is dropped first.
   */
  static String inJavadoc(String source, String name) {
    return between(
        source
            .lines()
            .map(l -> l.strip().startsWith("*") ? l.strip().substring(1) : l)
            .collect(Collectors.joining("\n")),
        name);
  }
}
