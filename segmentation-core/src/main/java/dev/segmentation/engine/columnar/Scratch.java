package dev.segmentation.engine.columnar;

import dev.segmentation.internal.ExactSum;
import java.util.Arrays;

/**
 * One worker's state while it evaluates chunks of a table: the TRUE and FALSE words of every node
 * for the current chunk, which rows of each node are computed, and per-depth buffers for the masks
 * of the rows that still matter. Never shared between threads.
 *
 * <p>Invariants, for every node {@code k} touched in the current chunk ({@code stamp[k] == chunk}):
 * a row of {@code done[k]} has its exact result in {@code t[k]} / {@code f[k]} (TRUE: bit in {@code
 * t}; FALSE: bit in {@code f}; UNKNOWN: neither); a row outside {@code done[k]} is in neither
 * {@code t[k]} nor {@code f[k]}. Chunks start at multiples of 64, so word {@code w} of a chunk is
 * word {@code (first >>> 6) + w} of the table's bitmaps.
 */
final class Scratch {
  /** Rows per chunk: the TRUE and FALSE words of a node (2 x 512 bytes) stay in the L1 cache. */
  static final int CHUNK_ROWS = 4096;

  static final int CHUNK_WORDS = CHUNK_ROWS / 64;

  final Kernel[] kernels;
  final long[][] t;
  final long[][] f;
  private final long[][] done;
  private final int[] stamp;
  private int chunk;
  final long[] full = new long[CHUNK_WORDS];
  // frames[d] = {need, care, tAcc, fAcc} of depth d, grown on demand.
  private long[][][] frames = new long[0][][];
  final RowView view;
  long[] keys = new long[64]; // for distinct counts of event properties
  final ExactSum sum = new ExactSum(); // for sums and averages of event properties

  int first;
  int rows;
  int words;

  Scratch(Kernel[] kernels, CustomerTable table) {
    this.kernels = kernels;
    this.t = new long[kernels.length][CHUNK_WORDS];
    this.f = new long[kernels.length][CHUNK_WORDS];
    this.done = new long[kernels.length][CHUNK_WORDS];
    this.stamp = new int[kernels.length];
    Arrays.fill(stamp, -1);
    this.view = new RowView(table);
  }

  /** Forgets every chunk computed so far, for reuse in another call over the same bindings. */
  void reset() {
    Arrays.fill(stamp, -1);
  }

  /** Starts chunk number {@code number}: rows {@code [first, first + rows)}. */
  void chunk(int number, int first, int rows) {
    this.chunk = number;
    this.first = first;
    this.rows = rows;
    this.words = (rows + 63) >>> 6;
    for (int w = 0; w < words; w++) {
      full[w] = rowsOf(w);
    }
  }

  /** All ones on the chunk's rows of word {@code w}. */
  long rowsOf(int w) {
    int remaining = rows - (w << 6);
    return remaining >= 64 ? -1L : (1L << remaining) - 1;
  }

  /** The number of the chunk's rows in word {@code w} (1 to 64). */
  int countOf(int w) {
    return Math.min(64, rows - (w << 6));
  }

  /** Buffer {@code k} (0 need, 1 care, 2 and 3 accumulators) of depth {@code depth}. */
  long[] frame(int depth, int k) {
    if (depth >= frames.length) {
      long[][][] grown = Arrays.copyOf(frames, Math.max(depth + 1, frames.length * 2));
      for (int d = frames.length; d < grown.length; d++) {
        grown[d] = new long[4][CHUNK_WORDS];
      }
      frames = grown;
    }
    return frames[depth][k];
  }

  /**
   * Makes node {@code id} exact on the rows of {@code care} (and keeps the rows already computed):
   * evaluates its kernel only on the rows not yet done, which the kernel receives as {@code need}
   * at the same depth.
   */
  void request(int id, long[] care, int depth) {
    long[] d = done[id];
    if (stamp[id] != chunk) {
      stamp[id] = chunk;
      Arrays.fill(d, 0, words, 0L);
      Arrays.fill(t[id], 0, words, 0L);
      Arrays.fill(f[id], 0, words, 0L);
    }
    long[] need = frame(depth, 0);
    long any = 0;
    for (int w = 0; w < words; w++) {
      long n = care[w] & ~d[w];
      need[w] = n;
      any |= n;
    }
    if (any == 0) {
      return;
    }
    kernels[id].eval(id, this, need, depth);
    for (int w = 0; w < words; w++) {
      d[w] |= need[w];
    }
  }

  /** Makes node {@code id} exact on every row of the chunk. */
  void requestAll(int id) {
    request(id, full, 0);
  }
}
