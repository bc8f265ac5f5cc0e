package dev.segmentation.engine.columnar;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs numbered tasks on up to {@code parallelism} workers: the calling thread and helper threads
 * (the library's own, {@link Helpers}, or a pool of its own when more are asked for than there are
 * cores), each claiming task numbers from one counter. A helper that has not started when the
 * caller runs out of tasks is withdrawn, so a busy helper delays nothing; the call returns when
 * every started helper has finished.
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
    AtomicInteger next = new AtomicInteger();
    Runnable work =
        () -> {
          IntConsumer w = worker.get();
          for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
            w.accept(t);
          }
        };
    int helpers = Math.min(parallelism, tasks) - 1;
    boolean shared = executor != null || helpers <= Helpers.SIZE;
    ForkJoinPool pool = shared ? null : new ForkJoinPool(helpers);
    try {
      List<Helper> started = new ArrayList<>();
      for (int i = 0; i < helpers; i++) {
        Helper h = new Helper(work);
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
        work.run();
      } catch (RuntimeException | Error e) {
        failure = e;
        next.set(tasks); // stop the helpers at their next claim
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
   * #SPIN_NANOS} before it blocks: waking a blocked thread took 0.2-0.5 ms on the benchmark
   * machine, a tenth of a million-customer evaluation, while calls that follow one another (many
   * catalogs or instants over one table) find a helper still looking. The cost is at most that much
   * spinning after each call.
   */
  private static final class Helpers {
    static final int SIZE = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    static final long SPIN_NANOS = 200_000;
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

    private final Runnable work;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    Helper(Runnable work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (!state.compareAndSet(QUEUED, RUNNING)) {
        return;
      }
      try {
        work.run();
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
      // A started helper has at most the task it claimed last left to do: look for its end for as
      // long as a helper looks for work, because blocking costs the caller a wake-up (0.2-0.5 ms
      // on the benchmark machine, a third of a light million-customer call) when it ends.
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
}
