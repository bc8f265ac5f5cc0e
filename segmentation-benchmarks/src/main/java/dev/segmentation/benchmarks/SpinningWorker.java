package dev.segmentation.benchmarks;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * A daemon thread that waits for one task at a time by spinning ({@link Thread#onSpinWait}), so
 * that handing it work back to back costs a cache line's transfer rather than a thread's wake-up.
 * After {@link #SPIN_NANOS} without work it parks (so that an idle worker, in the tests, costs
 * nothing). Spinning that long would waste a core in a library; it is the point of a benchmark's
 * reference for the limit of two threads.
 */
final class SpinningWorker {
  private static final long SPIN_NANOS = 50_000_000L;

  private final AtomicReference<IntSupplier> task = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean parked;
  private volatile int result;
  private volatile boolean done = true;

  SpinningWorker() {
    thread = new Thread(this::run, "hand-arrays-worker");
    thread.setDaemon(true);
    thread.start();
  }

  /** Hands the worker its task; the previous one must have been joined. */
  void start(IntSupplier work) {
    done = false;
    task.set(work);
    if (parked) {
      LockSupport.unpark(thread);
    }
  }

  /** Waits, spinning, for the task given to {@link #start} and returns its result. */
  int join() {
    while (!done) {
      Thread.onSpinWait();
    }
    return result;
  }

  private void run() {
    long idleSince = System.nanoTime();
    while (true) {
      IntSupplier work = task.getAndSet(null);
      if (work != null) {
        result = work.getAsInt();
        done = true;
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
        Thread.onSpinWait();
      } else {
        // Either this thread sees the task, or start() sees parked and unparks it.
        parked = true;
        if (task.get() == null) {
          LockSupport.park(this);
        }
        parked = false;
        idleSince = System.nanoTime();
      }
    }
  }
}
