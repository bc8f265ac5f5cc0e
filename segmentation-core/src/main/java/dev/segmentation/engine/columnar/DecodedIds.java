package dev.segmentation.engine.columnar;

import com.google.common.collect.ImmutableList;

/**
 * A table's customer ids as one diff reports them, decoded in three steps: the rows of every change
 * are {@linkplain #mark marked} first; then {@link #decode} decodes each marked row once, in row
 * order (one pass forward through the table's id bytes, and the strings allocated one after
 * another); then {@link #ids} lists a change's ids by looking each row up among those decoded. A
 * customer that changed membership in several segments is one {@code String} in all of their
 * changes. What it holds for the diff's duration: a bit per row of the table, an int per 64 rows,
 * and a reference per marked row. Not thread-safe; one per table per diff.
 */
final class DecodedIds {
  private final CustomerTable table;
  private long[] marked; // a bit per row, made at the first mark
  private int[] earlier; // per word of `marked`: marked rows in the words before it
  private String[] ids; // the marked rows' ids, in row order

  DecodedIds(CustomerTable table) {
    this.table = table;
  }

  /** Marks rows to be decoded. */
  void mark(int[] rows) {
    if (rows.length == 0) {
      return;
    }
    long[] m = marked;
    if (m == null) {
      m = marked = new long[(table.size() + 63) >>> 6];
    }
    for (int row : rows) {
      m[row >>> 6] |= 1L << row;
    }
  }

  /** Decodes the marked rows' ids, in row order. */
  void decode() {
    long[] m = marked;
    if (m == null) {
      return;
    }
    earlier = new int[m.length];
    int count = 0;
    for (int w = 0; w < m.length; w++) {
      earlier[w] = count;
      count += Long.bitCount(m[w]);
    }
    String[] decoded = ids = new String[count];
    int i = 0;
    for (int w = 0; w < m.length; w++) {
      for (long x = m[w]; x != 0; x &= x - 1) {
        decoded[i++] = table.id((w << 6) + Long.numberOfTrailingZeros(x));
      }
    }
  }

  /** The ids of the rows, in that order; each row was marked before the decode. */
  ImmutableList<String> ids(int[] rows) {
    ImmutableList.Builder<String> b = ImmutableList.builderWithExpectedSize(rows.length);
    for (int row : rows) {
      int w = row >>> 6;
      b.add(ids[earlier[w] + Long.bitCount(marked[w] & ((1L << row) - 1))]);
    }
    return b.build();
  }
}
