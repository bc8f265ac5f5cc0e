package dev.segmentation.engine.columnar;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs numbered tasks on up to {@code parallelism} workers: the calling thread and helper threads
 * (the library's own, {@link Helpers}, or a pool of its own when more are asked for than there are
 * cores). The tasks are split into one contiguous band per worker ({@link Bands}), which its worker
 * runs in order; a worker whose band is empty steals the back half of what remains of another's. A
 * helper that has not started when the caller runs out of tasks is withdrawn (the caller has stolen
 * its band), so a busy helper delays nothing; the call returns when every started helper has
 * finished.
 */
final class Parallel {
  private Parallel() {}

  /**
   * Runs {@code tasks} tasks; each worker gets its own consumer from {@code worker} (for its own
   * buffers) and calls it with the task numbers it claims.
   *
   * @throws IllegalArgumentException when {@code parallelism} is below 1
   */
  static void run(int tasks, int parallelism, Supplier<IntConsumer> worker) {
    run(tasks, parallelism, null, worker);
  }

  /**
   * As {@link #run(int, int, Supplier)}, with the helpers' runs submitted to {@code executor}
   * instead of the library's helper threads when it is not null. A helper the executor has not
   * started when the caller runs out of tasks is withdrawn (it returns at once when it starts); a
   * direct executor runs a helper's whole share inside {@code execute}, on the calling thread.
   *
   * @throws IllegalArgumentException when {@code parallelism} is below 1
   */
  static void run(int tasks, int parallelism, Executor executor, Supplier<IntConsumer> worker) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    if (Math.min(parallelism, tasks) <= 1) {
      // One worker, the caller: no counter, no helper, nothing allocated here.
      IntConsumer w = worker.get();
      for (int t = 0; t < tasks; t++) {
        w.accept(t);
      }
      return;
    }
    int workers = Math.min(parallelism, tasks);
    Bands bands = new Bands(tasks, workers);
    int helpers = workers - 1;
    boolean shared = executor != null || helpers <= Helpers.SIZE;
    ForkJoinPool pool = shared ? null : new ForkJoinPool(helpers);
    try {
      List<Helper> started = new ArrayList<>();
      for (int i = 0; i < helpers; i++) {
        Helper h = new Helper(bands, i + 1, worker);
        started.add(h);
        if (executor != null) {
          try {
            executor.execute(h);
          } catch (RejectedExecutionException e) {
            // The caller does the share of a helper the executor refuses; finish withdraws it.
          }
        } else if (shared) {
          Helpers.execute(h);
        } else {
          pool.execute(h);
        }
      }
      Throwable failure = null;
      try {
        bands.work(0, worker);
      } catch (RuntimeException | Error e) {
        failure = e;
        bands.stop(); // stop the helpers at their next claim
      }
      for (Helper h : started) {
        Throwable t = h.finish();
        if (failure == null) {
          failure = t;
        }
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /**
   * The library's helper threads, one fewer than the cores, started on first use (daemons, so they
   * never keep a JVM alive). A helper that runs out of work keeps looking for more for {@link
   * #SPIN_NANOS} before it blocks, so that calls that follow one another (many catalogs or instants
   * over one table) find a helper still looking instead of paying a wake-up (0.05-0.25 ms on the
   * benchmark machine). The spin is short because it may cost the caller as much: when the other
   * cores are busy (the JIT compiling, another program), the system wakes a helper on the caller's
   * own core, where a helper spinning after the call's last task holds the core the caller needs
   * next; with 0.2 ms of spinning a two-thread call of about 1.5 ms ran 0.86x as fast as one thread
   * in a JVM pinned to one core, with 0.05 ms 0.94x (RESULTS.md run TW). Yielding the core while
   * spinning instead was worse with a busy program on the helper's core (0.37-0.47x): a helper that
   * never sleeps loses its share of that core for whole time slices, holding a task.
   */
  private static final class Helpers {
    static final int SIZE = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    static final long SPIN_NANOS = 50_000;
    private static final LinkedBlockingQueue<Runnable> QUEUE = new LinkedBlockingQueue<>();

    static {
      for (int i = 0; i < SIZE; i++) {
        Thread t = new Thread(Helpers::serve, "segmentation-columnar-" + i);
        t.setDaemon(true);
        t.start();
      }
    }

    static void execute(Runnable r) {
      QUEUE.add(r);
    }

    private static void serve() {
      while (true) {
        Runnable r = QUEUE.poll();
        if (r == null) {
          long deadline = System.nanoTime() + SPIN_NANOS;
          while (r == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            r = QUEUE.poll();
          }
        }
        try {
          if (r == null) {
            r = QUEUE.take();
          }
          r.run(); // a Helper: it records what its work throws
        } catch (InterruptedException e) {
          // Nobody interrupts these threads on purpose; keep serving.
        }
      }
    }
  }

  /** A helper's run, which the caller withdraws if it has not begun. */
  private static final class Helper implements Runnable {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int WITHDRAWN = 2;

    private final Bands bands;
    private final int band;
    private final Supplier<IntConsumer> worker;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    Helper(Bands bands, int band, Supplier<IntConsumer> worker) {
      this.bands = bands;
      this.band = band;
      this.worker = worker;
    }

    @Override
    public void run() {
      if (!state.compareAndSet(QUEUED, RUNNING)) {
        return;
      }
      try {
        bands.work(band, worker);
      } catch (RuntimeException | Error e) {
        failure = e;
      } finally {
        done.countDown();
      }
    }

    /** Withdraws the helper, or waits for it to end; returns what it threw. */
    Throwable finish() {
      if (state.compareAndSet(QUEUED, WITHDRAWN)) {
        return null;
      }
      // A started helper has at most the task it claimed last left to do (a chunk: 5-40 us on the
      // benchmark machine): look for its end for as long as a helper looks for work, because
      // blocking costs the caller a wake-up when it ends; no longer, since a helper that shares the
      // caller's core cannot end its task while the caller spins.
      long deadline = System.nanoTime() + Helpers.SPIN_NANOS;
      while (done.getCount() > 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // a started helper writes shared results: wait for it regardless
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return failure;
    }
  }

  /**
   * Which worker runs which task: tasks {@code [0, tasks)} split into one contiguous band per
   * worker, which its owner claims from the front, one task at a time, in order. A worker whose
   * band is empty steals the back half of the largest remaining band (at least one task) and makes
   * it its own band, so it again walks contiguous tasks, and others may steal from it in turn.
   *
   * <p>Why bands rather than one shared counter: with one counter, two workers take alternate
   * chunks of rows, so neither reads the table's columns as one contiguous stream; with it a second
   * thread gave 1.5x at 10,000,000 customers where a hand loop over two halves gets 1.9x
   * (RESULTS.md run QT); with bands it gives 1.7-1.9x there (run P3). Stealing keeps what the
   * counter gave: a worker that starts late, or never (a busy or withdrawn helper), leaves its band
   * to the others, and a slow one's rest is shared.
   *
   * <p>Each band is one {@code long}, its end in the high half and its next task in the low half,
   * so that a claim from the front (by the owner) and a steal from the back (by a thief) are one
   * compare-and-set each and never both take a task. The bands' words sit 128 bytes apart, so that
   * workers claiming from their own bands do not share a cache line. Every task is run exactly
   * once: a task leaves a band only through a successful compare-and-set, and a stolen range goes
   * into its thief's band, which was empty and which only its owner writes whole.
   */
  static final class Bands {
    private static final int STRIDE = 16; // longs between two bands' words: 128 bytes
    private final AtomicLongArray state;
    private final int workers;

    /**
     * Splits {@code tasks} tasks into {@code workers} bands of equal size (within one).
     *
     * @throws IllegalArgumentException when {@code workers} is below 1 or {@code tasks} below 0
     */
    Bands(int tasks, int workers) {
      if (workers < 1 || tasks < 0) {
        throw new IllegalArgumentException(tasks + " tasks over " + workers + " workers");
      }
      this.workers = workers;
      this.state = new AtomicLongArray(workers * STRIDE);
      for (int b = 0; b < workers; b++) {
        int from = (int) ((long) tasks * b / workers);
        int to = (int) ((long) tasks * (b + 1) / workers);
        state.set(b * STRIDE, pack(from, to));
      }
    }

    /**
     * Runs the tasks worker {@code band} claims (its band's, then stolen ones) until none is left.
     */
    void work(int band, Supplier<IntConsumer> worker) {
      IntConsumer w = worker.get();
      for (int t = next(band); t >= 0; t = next(band)) {
        w.accept(t);
      }
    }

    /**
     * The next task of worker {@code band}: the front of its band, or else the first of a range
     * stolen from another band; -1 when every band is empty.
     */
    int next(int band) {
      int i = band * STRIDE;
      while (true) {
        long v = state.get(i);
        int front = front(v);
        int end = end(v);
        if (front >= end) {
          return steal(band);
        }
        if (state.compareAndSet(i, v, pack(front + 1, end))) {
          return front;
        }
      }
    }

    // Takes the back half of the largest other band into band {@code band} (empty) and returns
    // its first task, or -1 when every band is empty.
    private int steal(int band) {
      while (true) {
        int victim = -1;
        long seen = 0;
        int most = 0;
        for (int b = 0; b < workers; b++) {
          long v = state.get(b * STRIDE);
          int left = end(v) - front(v);
          if (b != band && left > most) {
            victim = b;
            seen = v;
            most = left;
          }
        }
        if (victim < 0) {
          return -1;
        }
        int end = end(seen);
        int from = end - Math.max(1, most / 2);
        if (state.compareAndSet(victim * STRIDE, seen, pack(front(seen), from))) {
          state.set(band * STRIDE, pack(from + 1, end));
          return from;
        }
      }
    }

    /** Empties every band: workers stop at their next claim. */
    void stop() {
      for (int b = 0; b < workers; b++) {
        state.set(b * STRIDE, 0L);
      }
    }

    private static long pack(int front, int end) {
      return ((long) end << 32) | front;
    }

    private static int front(long v) {
      return (int) v;
    }

    private static int end(long v) {
      return (int) (v >>> 32);
    }
  }
}
