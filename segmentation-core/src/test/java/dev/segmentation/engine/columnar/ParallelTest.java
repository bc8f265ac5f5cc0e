package dev.segmentation.engine.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void everyTask_runsExactlyOnce_forAnyParallelism() {
    for (int parallelism = 1; parallelism <= 5; parallelism++) {
      AtomicIntegerArray runs = new AtomicIntegerArray(1_000);
      Parallel.run(1_000, parallelism, () -> runs::incrementAndGet);
      for (int t = 0; t < 1_000; t++) {
        assertThat(runs.get(t)).as("task %d, parallelism %d", t, parallelism).isEqualTo(1);
      }
    }
  }

  @Test
  void busyHelpers_delayNothing_theCallerDoesTheWork() throws InterruptedException {
    // Another run keeps every helper blocked inside its tasks.
    int helpers = Runtime.getRuntime().availableProcessors() - 1;
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(helpers + 1);
    Thread other =
        new Thread(
            () ->
                Parallel.run(
                    helpers + 1,
                    helpers + 1,
                    () ->
                        t -> {
                          blocked.countDown(); // its caller holds one task, each helper another
                          try {
                            release.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        }));
    other.start();
    try {
      assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
      AtomicIntegerArray runs = new AtomicIntegerArray(100);
      Parallel.run(100, 2, () -> runs::incrementAndGet);
      for (int t = 0; t < 100; t++) {
        assertThat(runs.get(t)).isEqualTo(1);
      }
    } finally {
      release.countDown();
      other.join();
    }
  }

  @Test
  void aFailingTask_failsTheRun_withItsException() {
    for (int parallelism = 1; parallelism <= 3; parallelism++) {
      int p = parallelism;
      assertThatThrownBy(
              () ->
                  Parallel.run(
                      500,
                      p,
                      () ->
                          t -> {
                            if (t == 321) {
                              throw new IllegalStateException("task 321 failed");
                            }
                          }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("task 321 failed");
    }
    assertThatThrownBy(() -> Parallel.run(1, 0, () -> t -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism");
  }
}
