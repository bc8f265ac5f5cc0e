package dev.segmentation.cli;

/**
 * How the data files are written beyond their format, as the command line's options say: the
 * separator of tags in a CSV cell, what an empty tag-set cell means, and the column (or JSON field)
 * of an events file that holds the customer id.
 *
 * @param tagSeparator between the tags of a CSV cell ({@code --tag-separator}, default {@code |})
 * @param emptyTagsMissing whether an unquoted empty tag-set cell is no value ({@code --empty-tags
 *     missing}, the PostgreSQL convention) rather than no tags (the default, as spreadsheets and
 *     Python's csv module mean it)
 * @param eventsIdColumn the customer id's column of an events file ({@code --events-id-column})
 */
record Dialect(String tagSeparator, boolean emptyTagsMissing, String eventsIdColumn) {
  /** The defaults: {@code |}, an empty cell is no tags, {@code customer}. */
  static final Dialect DEFAULT = new Dialect("|", false, "customer");

  /** The dialect of files written by {@link CustomerWriter} (and so by {@code generate}). */
  static final Dialect WRITTEN = new Dialect("|", true, "customer");

  Dialect {
    if (tagSeparator.isEmpty() || tagSeparator.chars().anyMatch(c -> c == '"' || c < ' ')) {
      throw new IllegalArgumentException(
          "the tag separator must be one or more printable characters other than a quote, got "
              + TextValues.quote(tagSeparator));
    }
    if (eventsIdColumn.isEmpty()) {
      throw new IllegalArgumentException("the events id column must not be empty");
    }
  }
}
