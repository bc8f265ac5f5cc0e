package dev.segmentation.engine.columnar;

/**
 * A table's customer ids as one diff decodes them: each row's id at most once, so that a customer
 * that changed membership in several segments is one {@code String} in all of their changes (one
 * decode and one object instead of one per segment). The array by row is made at the first id asked
 * for: 4 bytes per row for the diff's duration (it holds an int per row already), nothing when no
 * id changed. Not thread-safe; one per table per diff.
 */
final class DecodedIds {
  private final CustomerTable table;
  private String[] byRow;

  DecodedIds(CustomerTable table) {
    this.table = table;
  }

  /** The id of row {@code row}, decoded the first time it is asked for. */
  String id(int row) {
    String[] ids = byRow;
    if (ids == null) {
      ids = byRow = new String[table.size()];
    }
    String id = ids[row];
    if (id == null) {
      id = ids[row] = table.id(row);
    }
    return id;
  }
}
