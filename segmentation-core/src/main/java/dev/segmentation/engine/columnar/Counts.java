package dev.segmentation.engine.columnar;

import dev.segmentation.engine.EvaluationContext;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The member counts of a {@link ColumnarCatalog}'s segments, and the workspace that computes them,
 * kept by a caller for repeated calls of {@link ColumnarCatalog#counts(CustomerTable,
 * EvaluationContext, int, Counts)}.
 *
 * <p>Why an object the caller keeps, rather than a {@code long[]} to fill and a cache inside the
 * catalog: what a call may reuse (the kernels bound to a table and a context, with the event
 * filters' member words, each worker's scratch buffers, the per-chunk counts) is per call, not per
 * catalog, and the catalog is immutable and shared between threads. Owned by its caller, that state
 * never leaks between concurrent callers, and it is freed with this object, not held by a
 * thread-local or a pool for as long as the catalog lives.
 *
 * <p>A call with the same table and context objects as the previous call on this object reuses all
 * of it and allocates next to nothing (a few small objects per worker, none of them per row or per
 * chunk); another table or context binds again, as a one-off {@code counts} does. The object holds
 * the last table and context until the next call or until it is dropped.
 *
 * <p>Not thread-safe: use one per calling thread. A call while another thread's call on the same
 * object is running fails with {@link IllegalStateException}. Read the counts after the call
 * returns; the next call overwrites them.
 */
public final class Counts {
  final ColumnarCatalog catalog;
  private final long[] values;
  private final AtomicBoolean busy = new AtomicBoolean();
  // Bound by the last call.
  CustomerTable table;
  EvaluationContext ctx;
  private Kernel[] kernels;
  private Scratch[] pool = new Scratch[0];
  private final AtomicInteger claimed = new AtomicInteger();
  private long[][] perChunk = new long[0][];
  // Made once: what each worker and each chunk of a call runs.
  final Supplier<Scratch> scratches = this::claim;
  final ColumnarCatalog.ChunkTask task;

  Counts(ColumnarCatalog catalog, int segments) {
    this.catalog = catalog;
    this.values = new long[segments];
    this.task = (s, chunk) -> catalog.countChunk(s, perChunk[chunk]);
  }

  /** The number of segments. */
  public int size() {
    return values.length;
  }

  /** The member count of segment {@code segment} (catalog order) in the last call. */
  public long get(int segment) {
    return values[segment];
  }

  /**
   * The member count of the segment named {@code name} in the last call.
   *
   * @throws IllegalArgumentException when the catalog has no such segment
   */
  public long get(String name) {
    int i = catalog.segmentNames().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no segment " + name);
    }
    return values[i];
  }

  /** The counts of the last call in catalog order, in a new array. */
  public long[] toArray() {
    return values.clone();
  }

  /**
   * Copies the counts of the last call, in catalog order, into {@code into} (without allocating).
   *
   * @throws IllegalArgumentException when {@code into} is shorter than {@link #size()}
   */
  public void copyInto(long[] into) {
    if (into == null || into.length < values.length) {
      throw new IllegalArgumentException(
          "into must hold "
              + values.length
              + " counts, got "
              + (into == null ? null : into.length));
    }
    System.arraycopy(values, 0, into, 0, values.length);
  }

  // ------------------------------------------------------------------ used by ColumnarCatalog

  void enter() {
    if (!busy.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "these counts are in use by another call: keep one Counts per calling thread");
    }
  }

  void exit() {
    busy.set(false);
  }

  /** Keeps the kernels bound to {@code table} and {@code ctx}, and drops the older buffers. */
  void bind(CustomerTable table, EvaluationContext ctx, Kernel[] kernels, int chunks) {
    this.kernels = kernels;
    this.pool = new Scratch[0];
    this.perChunk = new long[chunks][values.length];
    this.ctx = ctx;
    this.table = table;
  }

  /** Readies the call's workers: at most {@code parallelism} (and one per chunk) will claim one. */
  void prepare(int parallelism) {
    int workers = Math.max(1, Math.min(parallelism, perChunk.length));
    if (pool.length < workers) {
      Scratch[] grown = Arrays.copyOf(pool, workers);
      for (int i = pool.length; i < workers; i++) {
        grown[i] = new Scratch(kernels, table);
      }
      pool = grown;
    }
    claimed.set(0);
  }

  // A worker's scratch buffers, forgetting the previous call's chunks.
  private Scratch claim() {
    Scratch s = pool[claimed.getAndIncrement()];
    s.reset();
    return s;
  }

  /** Adds up the per-chunk counts of the call. */
  void sum() {
    Arrays.fill(values, 0L);
    for (long[] c : perChunk) {
      for (int seg = 0; seg < values.length; seg++) {
        values[seg] += c[seg];
      }
    }
  }

  @Override
  public String toString() {
    return "Counts" + Arrays.toString(values);
  }
}
