package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Laws of {@link Parallel}'s claiming (contiguous bands per worker, stealing from the back): every
 * task runs exactly once whatever the helpers do, with helpers that start at once, start late
 * (after the caller has run some tasks), never start, are rejected, or throw.
 */
class ParallelProperties {

  /** What the executor does with one helper. */
  enum Helper {
    AT_ONCE,
    LATE,
    NEVER,
    REJECTED,
    THROWS
  }

  @Provide
  Arbitrary<List<Helper>> helpers() {
    return Arbitraries.of(Helper.class).list().ofMaxSize(5);
  }

  @Property(tries = 300)
  void everyTask_runsExactlyOnce_whateverTheHelpersDo(
      @ForAll @IntRange(min = 0, max = 3_000) int tasks,
      @ForAll("helpers") List<Helper> helpers,
      @ForAll @IntRange(min = 0, max = 3_000) int lateAfter,
      @ForAll @IntRange(min = 0, max = 50) int throwAfter)
      throws InterruptedException {
    int parallelism = helpers.size() + 1;
    int workers = Math.max(1, Math.min(parallelism, tasks));
    AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
    Thread caller = Thread.currentThread();
    AtomicInteger callerRan = new AtomicInteger();
    List<Runnable> late = new ArrayList<>();
    List<Runnable> never = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    AtomicInteger submitted = new AtomicInteger();
    // The helper given the i-th submitted run behaves as helpers.get(i); a THROWS helper's worker
    // throws at its (throwAfter + 1)-th task.
    ThreadLocal<Helper> role = new ThreadLocal<>();
    Executor executor =
        r -> {
          Helper h = helpers.get(submitted.getAndIncrement());
          switch (h) {
            case AT_ONCE, THROWS -> threads.add(start(r, h, role));
            case LATE -> late.add(r);
            case NEVER -> never.add(r);
            case REJECTED -> throw new RejectedExecutionException("refused");
          }
        };
    Runnable run =
        () ->
            Parallel.run(
                tasks,
                parallelism,
                executor,
                () -> {
                  AtomicInteger mine = new AtomicInteger();
                  boolean throwing = role.get() == Helper.THROWS;
                  return (IntConsumer)
                      t -> {
                        runs.incrementAndGet(t);
                        if (throwing && mine.getAndIncrement() == throwAfter) {
                          throw new IllegalStateException("helper failed at task " + t);
                        }
                        if (Thread.currentThread() == caller
                            && callerRan.incrementAndGet() == lateAfter) {
                          for (Runnable r : late) {
                            threads.add(start(r, Helper.LATE, role));
                          }
                          late.clear();
                        }
                      };
                });
    boolean mayThrow = helpers.contains(Helper.THROWS);
    try {
      run.run();
    } catch (IllegalStateException e) {
      assertThat(mayThrow).as("only a THROWS helper fails").isTrue();
      assertThat(e).hasMessageStartingWith("helper failed at task");
    }
    assertThat(submitted.get()).isEqualTo(workers - 1);
    for (Thread t : threads) {
      t.join();
    }
    // Helpers that start after the call has returned do nothing.
    late.forEach(Runnable::run);
    never.forEach(Runnable::run);
    for (int t = 0; t < tasks; t++) {
      assertThat(runs.get(t)).as("task %d of %d, helpers %s", t, tasks, helpers).isEqualTo(1);
    }
  }

  @Property(tries = 200)
  void bands_handOutEveryTaskOnce_toInterleavedClaims(
      @ForAll @IntRange(min = 0, max = 2_000) int tasks,
      @ForAll @IntRange(min = 1, max = 6) int workers,
      @ForAll @Size(max = 4_000) List<@IntRange(min = 0, max = 5) Integer> claims) {
    // One thread, claims interleaved as the list says (a worker index per claim; a worker beyond
    // the last one claims nothing): a deterministic schedule, then every worker drains.
    Parallel.Bands bands = new Parallel.Bands(tasks, workers);
    int[] runs = new int[tasks];
    for (int w : claims) {
      if (w < workers) {
        int t = bands.next(w);
        if (t >= 0) {
          runs[t]++;
        }
      }
    }
    for (int w = workers - 1; w >= 0; w--) {
      for (int t = bands.next(w); t >= 0; t = bands.next(w)) {
        runs[t]++;
      }
    }
    for (int t = 0; t < tasks; t++) {
      assertThat(runs[t]).as("task %d", t).isEqualTo(1);
    }
  }

  @Property(tries = 100)
  void eachWorker_walksItsOwnBand_inOrder_whenNobodySteals(
      @ForAll @IntRange(min = 1, max = 2_000) int tasks,
      @ForAll @IntRange(min = 1, max = 6) int workers) {
    Parallel.Bands bands = new Parallel.Bands(tasks, workers);
    for (int w = 0; w < workers; w++) {
      int from = (int) ((long) tasks * w / workers);
      int to = (int) ((long) tasks * (w + 1) / workers);
      for (int t = from; t < to; t++) {
        assertThat(bands.next(w)).isEqualTo(t);
      }
    }
  }

  @Property(tries = 10)
  void bands_refuseNoWorkers(@ForAll @IntRange(min = -3, max = 0) int workers) {
    assertThatThrownBy(() -> new Parallel.Bands(10, workers))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Thread start(Runnable r, Helper h, ThreadLocal<Helper> role) {
    Thread t =
        new Thread(
            () -> {
              role.set(h);
              r.run();
            });
    t.start();
    return t;
  }
}
