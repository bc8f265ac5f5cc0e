package dev.segmentation.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for long runs: it appears once a run has taken two seconds, redraws at
 * most five times a second, and shows rows, rows per second and, when the input size is known, a
 * bar and percentage. Disabled when stderr is not a terminal or with {@code --quiet}.
 */
final class Progress {
  private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final String label;
  private final long total;
  private final LongSupplier done;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  /**
   * @param total the input's size in bytes, or 0 when unknown
   * @param done bytes read so far
   */
  Progress(PrintWriter err, boolean enabled, String label, long total, LongSupplier done) {
    this.err = err;
    this.enabled = enabled;
    this.label = label;
    this.total = total;
    this.done = done;
  }

  /** Called per row; cheap except every 4096 rows. */
  void update(long rows) {
    if (!enabled || (rows & 4095) != 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    draw(rows, now);
  }

  private void draw(long rows, long now) {
    double seconds = (now - start) / 1e9;
    long rate = seconds > 0 ? (long) (rows / seconds) : 0;
    StringBuilder sb = new StringBuilder("\r").append(label).append(' ');
    if (total > 0) {
      double fraction = Math.min(1.0, done.getAsLong() / (double) total);
      int filled = (int) (fraction * 30);
      sb.append('[')
          .append("#".repeat(filled))
          .append(" ".repeat(30 - filled))
          .append("] ")
          .append(String.format(Locale.ROOT, "%3d%% ", (int) (fraction * 100)));
    }
    sb.append(String.format(Locale.ROOT, "%,d rows  %,d rows/s", rows, rate));
    err.print(sb);
    err.flush();
    drawn = true;
  }

  /** Clears the bar, leaving the terminal as it was. */
  void finish() {
    if (drawn) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}
